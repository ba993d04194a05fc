package org.dsarules.kb.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dsarules.decision.Outcome;
import org.dsarules.model.Agreement;
import org.dsarules.model.CommonLawBasis;
import org.dsarules.model.IcbAssessment;
import org.dsarules.model.IcbConclusion;
import org.dsarules.model.IcbStatus;
import org.dsarules.model.Identifiability;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.LmcAdvice;
import org.dsarules.model.Party;
import org.dsarules.model.PartyKind;
import org.dsarules.model.PartyRole;
import org.dsarules.model.PracticeRole;
import org.dsarules.model.Purpose;
import org.dsarules.model.RequirementKind;
import org.dsarules.model.Status;

/**
 * An independent, plain-Java reading of {@code decision-policy.md} v1.2, written from the policy
 * text alone (not from the DRL), as the oracle of the differential test. Deliberately naive: one
 * straight if-chain per section of the policy, nothing shared with the rules (not even the
 * placeholder words, copied here from record-format.md v1.2).
 */
public final class ReferencePolicy {

    /** The campaign rows are in force on and after this date (the date itself included). */
    public static final LocalDate CAMPAIGN_START = LocalDate.of(2026, 5, 1);

    public static final String RF_CONFIDENTIALITY = "RF-CONFIDENTIALITY";
    public static final String RF_COMMERCIAL = "RF-COMMERCIAL";
    public static final String RF_PROCESSOR_INSTRUCTIONS = "RF-PROCESSOR-INSTRUCTIONS";
    public static final String RF_PRACTICE_NOT_CONTROLLER = "RF-PRACTICE-NOT-CONTROLLER";
    public static final String RF_NO_LAWFUL_BASIS = "RF-NO-LAWFUL-BASIS";
    public static final String RF_OPT_OUT_IGNORED = "RF-OPT-OUT-IGNORED";
    public static final String RF_RECIPIENT_NOT_IN_CARE = "RF-RECIPIENT-NOT-IN-CARE";

    /** Red flags whose basis is the campaign's own criteria (all others rest on the law). */
    public static final Set<String> CAMPAIGN_FLAGS = Set.of(RF_COMMERCIAL);

    /** record-format.md v1.2, "Placeholder words", as written there. */
    private static final List<String> PLACEHOLDER_WORDS = List.of("unknown", "not known", "n/k", "nk", "n/a", "na",
            "not applicable", "tbc", "tbd", "to be confirmed", "to be decided", "none", "pending", "?", "-");

    enum PurposeClass { DIRECT_CARE_ONLY, SECONDARY_ONLY, MIXED, UNKNOWN }

    public ReferenceDecision decide(Agreement a, LocalDate asOf) {
        boolean campaign = !asOf.isBefore(CAMPAIGN_START);

        // ---------------- Step 1: classify ----------------
        PurposeClass pc;
        List<Purpose> purposes = a.purposes();
        if (purposes == null || purposes.isEmpty()) {
            pc = PurposeClass.UNKNOWN;
        } else {
            boolean dc = purposes.contains(Purpose.DIRECT_CARE);
            boolean sec = false;
            for (Purpose p : purposes) {
                if (p != Purpose.DIRECT_CARE) {
                    sec = true;
                }
            }
            pc = dc && !sec ? PurposeClass.DIRECT_CARE_ONLY : dc ? PurposeClass.MIXED : PurposeClass.SECONDARY_ONLY;
        }
        boolean secondary = pc == PurposeClass.SECONDARY_ONLY || pc == PurposeClass.MIXED;
        boolean directCareOnly = pc == PurposeClass.DIRECT_CARE_ONLY;

        LegalRequirement lr = a.legalRequirement();
        boolean dutyNotKnown = lr == null || lr.kind() == null;
        boolean isDutyKind = !dutyNotKnown && lr.kind() != RequirementKind.NONE;
        boolean expired = isDutyKind && lr.expiresOn() != null && lr.expiresOn().isBefore(asOf);
        // v1.2: a reference that holds only a placeholder word counts as absent, like a blank one.
        boolean hasReference = !dutyNotKnown && known(lr.reference());
        boolean mandatory = isDutyKind && hasReference && !expired;
        // v1.2: MANDATORY with a kind that is a law, not a contract.
        boolean mandatoryByLaw = mandatory && (lr.kind() == RequirementKind.STATUTORY_DIRECTION
                || lr.kind() == RequirementKind.COPI_NOTICE || lr.kind() == RequirementKind.COURT_ORDER
                || lr.kind() == RequirementKind.OTHER_STATUTE);
        boolean claimedMandatory = isDutyKind && !hasReference && !expired;
        boolean noDutyKnown = !dutyNotKnown && (lr.kind() == RequirementKind.NONE || expired);

        boolean confidential = a.identifiability() == Identifiability.IDENTIFIABLE
                || a.identifiability() == Identifiability.PSEUDONYMISED;
        boolean personal = a.identifiability() != Identifiability.ANONYMISED_AGGREGATE;

        CommonLawBasis basis = a.commonLawBasis(); // null: not known
        if (basis != null) {
            if (a.commonLawBasisExpires() != null && a.commonLawBasisExpires().isBefore(asOf)) {
                basis = CommonLawBasis.NONE_STATED;
            } else if (basis == CommonLawBasis.LEGAL_REQUIREMENT && noDutyKnown) {
                basis = CommonLawBasis.NONE_STATED;
            } else if (basis == CommonLawBasis.NOT_CONFIDENTIAL && confidential) {
                basis = CommonLawBasis.NONE_STATED;
            }
        }

        List<Party> parties = a.parties() == null ? List.of() : a.parties();
        // The opt-out policy's own exemptions (RF-OPT-OUT-IGNORED; v1.2: also the opt-out unknowns).
        boolean optOutsExempt = mandatory || basis == CommonLawBasis.EXPLICIT_CONSENT
                || basis == CommonLawBasis.OVERRIDING_PUBLIC_INTEREST;

        // ---------------- Step 2: red flags ----------------
        Set<String> flags = new TreeSet<>();
        if (secondary && confidential
                && (basis == CommonLawBasis.NONE_STATED || basis == CommonLawBasis.IMPLIED_CONSENT_DIRECT_CARE)) {
            flags.add(RF_CONFIDENTIALITY);
        }

        boolean commercial = Boolean.TRUE.equals(a.commercialAccess())
                || (purposes != null && purposes.contains(Purpose.PRODUCT_DEVELOPMENT));
        for (Party p : parties) {
            if (sharing(p) && p.kind() == PartyKind.COMMERCIAL) {
                boolean excepted = directCareOnly && Boolean.TRUE.equals(p.directCareProvider());
                if (!excepted) {
                    commercial = true;
                }
            }
        }
        if (commercial) {
            flags.add(RF_COMMERCIAL);
        }

        for (Party p : parties) {
            if (p.role() != PartyRole.PROCESSOR && p.role() != PartyRole.SUB_PROCESSOR) {
                continue;
            }
            String by = p.instructedBy();
            if (!known(by)) {
                continue; // not known (absent, blank or a placeholder word): an unknown, not a red flag
            }
            if (mandatoryByLaw) {
                continue; // v1.2: Art 28(3)(a) and 29 let a processor act on what the law requires
            }
            boolean allowed = same(by, "PRACTICE");
            if (!allowed && a.practiceRole() == PracticeRole.JOINT_CONTROLLER
                    && namesPartyWithRole(parties, by, PartyRole.JOINT_CONTROLLER)) {
                allowed = true;
            }
            if (!allowed && p.kind() != PartyKind.GP_SYSTEM_SUPPLIER
                    && (namesPartyWithRole(parties, by, PartyRole.CONTROLLER)
                    || namesPartyWithRole(parties, by, PartyRole.JOINT_CONTROLLER))) {
                allowed = true;
            }
            if (!allowed && p.role() == PartyRole.SUB_PROCESSOR
                    && namesPartyWithRole(parties, by, PartyRole.PROCESSOR)) {
                allowed = true;
            }
            if (!allowed) {
                flags.add(RF_PROCESSOR_INSTRUCTIONS);
            }
        }

        if (a.practiceRole() == PracticeRole.PROCESSOR) {
            flags.add(RF_PRACTICE_NOT_CONTROLLER);
        }

        if (personal && ((a.article6Bases() != null && a.article6Bases().isEmpty())
                || (a.article9Conditions() != null && a.article9Conditions().isEmpty()))) {
            flags.add(RF_NO_LAWFUL_BASIS);
        }

        if (secondary && confidential
                && (Boolean.FALSE.equals(a.nationalDataOptOutApplied()) || Boolean.FALSE.equals(a.type1OptOutApplied()))
                && !optOutsExempt) {
            flags.add(RF_OPT_OUT_IGNORED);
        }

        if (directCareOnly) {
            for (Party p : parties) {
                if (sharing(p) && Boolean.FALSE.equals(p.directCareProvider()) && !recordOperator(p)) {
                    flags.add(RF_RECIPIENT_NOT_IN_CARE);
                }
            }
        }

        // ---------------- Step 2: unknowns ----------------
        Set<String> missing = new TreeSet<>();
        if (a.status() == null) {
            missing.add("status");
        }
        if (a.practiceRole() == null) {
            missing.add("practiceRole");
        }
        if (a.parties() == null || a.parties().isEmpty()) {
            missing.add("parties");
        }
        for (Party p : parties) {
            if (p.role() == null) {
                missing.add("role");
            }
            if ((p.role() == PartyRole.PROCESSOR || p.role() == PartyRole.SUB_PROCESSOR)
                    && !known(p.instructedBy())) {
                missing.add("instructedBy");
            }
        }
        if (claimedMandatory) {
            missing.add("legalRequirement.reference");
        }
        if (pc == PurposeClass.UNKNOWN) {
            missing.add("purposes");
        }
        if (directCareOnly) {
            for (Party p : parties) {
                if (sharing(p) && p.directCareProvider() == null && !recordOperator(p)) {
                    missing.add("directCareProvider");
                }
            }
        }
        if (secondary) {
            if (dutyNotKnown) {
                missing.add("legalRequirement");
            }
            if (a.identifiability() == null) {
                missing.add("identifiability");
            }
            if (a.commonLawBasis() == null) {
                missing.add("commonLawBasis");
            }
            if (a.commercialAccess() == null) {
                missing.add("commercialAccess");
            }
            if (a.article6Bases() == null) {
                missing.add("article6Bases");
            }
            if (confidential) {
                if (a.article9Conditions() == null) {
                    missing.add("article9Conditions");
                }
                if (a.nationalDataOptOutApplied() == null && !optOutsExempt) {
                    missing.add("nationalDataOptOutApplied");
                }
                if (a.type1OptOutApplied() == null && !optOutsExempt) {
                    missing.add("type1OptOutApplied");
                }
            }
            if (!Boolean.TRUE.equals(a.dpiaProvided())) {
                missing.add("dpiaProvided");
            }
        }

        // ---------------- Step 3: outcome ----------------
        boolean newRequest = a.status() == Status.NEW_REQUEST;
        boolean anyUnknown = !missing.isEmpty();
        // Before the campaign, a red flag whose basis is the campaign is listed but counts in no row.
        boolean anyFlag = false;
        boolean anyLawFlag = false;
        for (String f : flags) {
            if (!CAMPAIGN_FLAGS.contains(f)) {
                anyLawFlag = true;
                anyFlag = true;
            } else if (campaign) {
                anyFlag = true;
            }
        }
        // LMC advice and ICB assessments are read only in the campaign; LMC advice never for a new request.
        LmcAdvice lmc = campaign && !newRequest ? a.lmcAdvice() : null;
        IcbConclusion icb = null;
        if (campaign) {
            IcbAssessment ia = a.icbAssessment();
            if (ia != null && ia.status() == IcbStatus.RECEIVED) {
                icb = ia.conclusion();
            }
        }
        boolean icbAgainst = icb == IcbConclusion.NOT_NECESSARY || icb == IcbConclusion.LAWFULNESS_DOUBTFUL;

        Outcome outcome;
        int row;
        if (mandatory) {
            outcome = Outcome.KEEP;
            row = 1;
        } else if (lmc == LmcAdvice.WITHDRAW && pc == PurposeClass.SECONDARY_ONLY && noDutyKnown) {
            outcome = Outcome.WITHDRAW;
            row = 2;
        } else if (lmc == LmcAdvice.KEEP && anyLawFlag) {
            outcome = Outcome.REFER_TO_BMA;
            row = 3;
        } else if (lmc == LmcAdvice.KEEP) {
            outcome = Outcome.KEEP;
            row = 4;
        } else if (claimedMandatory) {
            outcome = Outcome.ASK_ICB_FOR_INFORMATION;
            row = 5;
        } else if (campaign && newRequest && !directCareOnly) {
            outcome = Outcome.REFER_TO_BMA;
            row = 6;
        } else if (directCareOnly && (anyFlag || anyUnknown || lmc == LmcAdvice.WITHDRAW)) {
            outcome = Outcome.ASK_ICB_FOR_INFORMATION;
            row = 7;
        } else if (directCareOnly) {
            outcome = Outcome.KEEP;
            row = 8;
        } else if (pc == PurposeClass.MIXED && (anyFlag || icbAgainst || lmc == LmcAdvice.WITHDRAW)) {
            outcome = Outcome.ASK_ICB_FOR_INFORMATION;
            row = 9;
        } else if (secondary && anyFlag && noDutyKnown) {
            outcome = Outcome.WITHDRAW;
            row = 10;
        } else if (secondary && icbAgainst && noDutyKnown) {
            outcome = Outcome.WITHDRAW;
            row = 11;
        } else if (secondary && (anyUnknown || (campaign && icb != IcbConclusion.NECESSARY_AND_LAWFUL))) {
            outcome = Outcome.ASK_ICB_FOR_INFORMATION;
            row = 12;
        } else if (secondary) {
            outcome = Outcome.KEEP;
            row = 13;
        } else {
            // purpose class UNKNOWN
            outcome = Outcome.ASK_ICB_FOR_INFORMATION;
            row = 14;
        }
        return new ReferenceDecision(outcome, row, List.copyOf(flags), List.copyOf(missing));
    }

    private static boolean sharing(Party p) {
        return p.role() == PartyRole.CONTROLLER || p.role() == PartyRole.JOINT_CONTROLLER
                || p.role() == PartyRole.RECIPIENT;
    }

    /** v1.2: an NHS_ENGLAND or ICB party with role CONTROLLER or JOINT_CONTROLLER. */
    private static boolean recordOperator(Party p) {
        return (p.kind() == PartyKind.NHS_ENGLAND || p.kind() == PartyKind.ICB)
                && (p.role() == PartyRole.CONTROLLER || p.role() == PartyRole.JOINT_CONTROLLER);
    }

    /** Present, not blank, and not only a placeholder word (ignoring case, white space, a final full stop). */
    private static boolean known(String s) {
        if (s == null || s.isBlank()) {
            return false;
        }
        String t = s.strip();
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return !PLACEHOLDER_WORDS.contains(t.toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }

    private static boolean namesPartyWithRole(List<Party> parties, String name, PartyRole role) {
        for (Party q : parties) {
            if (q.role() == role && same(q.name(), name)) {
                return true;
            }
        }
        return false;
    }
}
