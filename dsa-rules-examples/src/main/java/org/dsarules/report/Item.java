package org.dsarules.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Warning;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.TraceStep;
import org.dsarules.model.Agreement;
import org.dsarules.model.IcbConclusion;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.LmcAdvice;
import org.dsarules.model.Party;
import org.dsarules.model.PartyRole;
import org.dsarules.model.Purpose;
import org.dsarules.model.RequirementKind;
import org.dsarules.model.Status;

/**
 * One decided agreement as the templates see it: the decision, the agreement it was made for (null
 * when the caller did not pass it), and the facts in words. Every string here may hold register data:
 * the HTML templates escape it, the Markdown ones go through {@link Plain#md}.
 *
 * @param n         its 1-based position in the report's urgency order (used for anchors)
 * @param decision  the decision
 * @param agreement the agreement, or null
 * @param asOf      the date the decision was made as of
 */
record Item(int n, Decision decision, Agreement agreement, LocalDate asOf) {

    /** A step of the trace, numbered, marked when it is the decisive one. */
    record Step(int n, String rule, String outcome, String row, String explanation, List<String> citations,
            boolean decisive) {
        String css() {
            return decisive ? "step decisive" : "step";
        }
    }

    /** A red flag with its meaning. */
    record Flag(String id, String meaning) {
    }

    /** A party in words. */
    record PartyLine(String name, String kind, String role, String instructedBy, String directCare) {
    }

    String id() {
        return decision.dsaId();
    }

    /** The agreement's anchor in the HTML report: made of fixed characters and a number, never register data. */
    String anchor() {
        return "dsa-" + n;
    }

    boolean hasTitle() {
        return agreement != null && agreement.title() != null && !agreement.title().isBlank();
    }

    String title() {
        return hasTitle() ? agreement.title() : "";
    }

    /** The id, then the title when there is one: "MB-05 Example title". */
    String name() {
        return hasTitle() ? id() + " " + title() : id();
    }

    Outcome outcome() {
        return decision.outcome();
    }

    String outcomeLabel() {
        return Plain.outcome(decision.outcome());
    }

    String outcomeCss() {
        return Plain.css(decision.outcome());
    }

    String summary() {
        return decision.summary() == null ? "" : decision.summary();
    }

    boolean isExisting() {
        return agreement != null && agreement.status() == Status.EXISTING;
    }

    boolean isNewRequest() {
        return agreement != null && agreement.status() == Status.NEW_REQUEST;
    }

    String status() {
        return agreement == null ? Plain.NOT_KNOWN : Plain.status(agreement.status());
    }

    /** The status in a word or two, for tables. */
    String statusShort() {
        if (agreement == null || agreement.status() == null) {
            return Plain.NOT_KNOWN;
        }
        return agreement.status() == Status.EXISTING ? "existing" : "new request";
    }

    String requestedBy() {
        return agreement == null || agreement.requestedBy() == null ? Plain.NOT_KNOWN : agreement.requestedBy();
    }

    boolean hasRequestedBy() {
        return agreement != null && agreement.requestedBy() != null && !agreement.requestedBy().isBlank();
    }

    String signedOn() {
        return agreement == null || agreement.signedOn() == null ? Plain.NOT_KNOWN : agreement.signedOn().toString();
    }

    String practiceRole() {
        return agreement == null ? Plain.NOT_KNOWN : Plain.enumWords(agreement.practiceRole());
    }

    String purposes() {
        return agreement == null ? Plain.NOT_KNOWN : Plain.purposes(agreement.purposes());
    }

    List<PartyLine> parties() {
        if (agreement == null) {
            return List.of();
        }
        return agreement.partyList().stream()
                .map(p -> new PartyLine(p.name(), Plain.kind(p.kind()), Plain.role(p.role()),
                        p.instructedBy() == null ? "" : p.instructedBy(),
                        p.directCareProvider() == null ? "" : Plain.yesNo(p.directCareProvider())))
                .toList();
    }

    /** The controllers and joint controllers: who decides what the data is used for. */
    String controllers() {
        if (agreement == null || agreement.parties() == null) {
            return Plain.NOT_KNOWN;
        }
        String s = agreement.partyList().stream()
                .filter(p -> p.role() == PartyRole.CONTROLLER || p.role() == PartyRole.JOINT_CONTROLLER)
                .map(p -> p.name().strip() + " (" + Plain.role(p.role()) + ")")
                .collect(Collectors.joining("; "));
        return s.isEmpty() ? "none named" : s;
    }

    /** The parties the data goes to (controllers, joint controllers, recipients), by name. */
    List<String> sharedWith() {
        if (agreement == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        agreement.partyList().stream().filter(Party::isSharingParty).forEach(p -> names.add(p.name().strip()));
        return List.copyOf(names);
    }

    /** The legal or contractual duty to share, in words. */
    String duty() {
        LegalRequirement r = agreement == null ? null : agreement.legalRequirement();
        if (r == null || r.kind() == null) {
            return Plain.NOT_KNOWN;
        }
        if (r.kind() == RequirementKind.NONE) {
            return "none (voluntary)";
        }
        String s = Plain.requirementKind(r.kind()) + (r.reference() != null ? ": " + r.reference() : ", no instrument named");
        if (r.expiresOn() != null) {
            s += (r.expiresOn().isBefore(asOf) ? " (expired " : " (until ") + r.expiresOn() + ")";
        }
        return s;
    }

    /** Whether a named, unexpired duty compels sharing. */
    boolean hasDuty() {
        LegalRequirement r = agreement == null ? null : agreement.legalRequirement();
        return r != null && r.kind() != null && r.kind() != RequirementKind.NONE && r.reference() != null
                && (r.expiresOn() == null || !r.expiresOn().isBefore(asOf));
    }

    String identifiability() {
        return agreement == null ? Plain.NOT_KNOWN : Plain.identifiability(agreement.identifiability());
    }

    String commercialAccess() {
        return agreement == null ? Plain.NOT_KNOWN : Plain.yesNo(agreement.commercialAccess());
    }

    String notes() {
        return agreement == null || agreement.notes() == null ? "" : agreement.notes();
    }

    List<Flag> redFlags() {
        return decision.redFlags().stream().map(f -> new Flag(f, Plain.redFlag(f))).toList();
    }

    List<String> missing() {
        return decision.missing();
    }

    List<Warning> warnings() {
        return decision.warnings();
    }

    List<String> nextSteps() {
        return decision.nextSteps();
    }

    List<String> questions() {
        return decision.questionsForIcb();
    }

    String decisiveRule() {
        return decision.decisiveRule();
    }

    /** The decisive step's explanation, or "" when the trace was cut to none. */
    String decisiveExplanation() {
        return decision.trace().stream()
                .filter(s -> s.rule().equals(decision.decisiveRule()) && s.outcome() == decision.outcome())
                .map(TraceStep::explanation).filter(e -> e != null).findFirst().orElse("");
    }

    List<Step> trace() {
        List<Step> out = new ArrayList<>();
        boolean decisiveSeen = false;
        int i = 0;
        for (TraceStep s : decision.trace()) {
            i++;
            boolean decisive = !decisiveSeen && s.rule().equals(decision.decisiveRule())
                    && s.outcome() == decision.outcome();
            decisiveSeen |= decisive;
            out.add(new Step(i, s.rule(), s.outcome() == null ? "" : Plain.outcome(s.outcome()),
                    s.policyRow() == null ? "" : s.policyRow(), s.explanation() == null ? "" : s.explanation(),
                    s.citations(), decisive));
        }
        return out;
    }

    // --- For patients: no codes, no legal references. ---

    /** What the shared information is used for, in patients' words. */
    String patientPurposes() {
        if (agreement == null || agreement.purposes() == null || agreement.purposes().isEmpty()) {
            return "";
        }
        return agreement.purposes().stream().map(Plain::patientPurpose).collect(Collectors.joining(", "));
    }

    /** Why the practice keeps, stops or is still checking this agreement, in patients' words. */
    String patientReason() {
        return switch (decision.outcome()) {
            case KEEP -> keepReason();
            case WITHDRAW -> withdrawReason();
            case ASK_ICB_FOR_INFORMATION -> askReason();
            case REFER_TO_BMA -> referReason();
        };
    }

    private String keepReason() {
        if (hasDuty()) {
            return "The law or our contract with the NHS requires us to share this information.";
        }
        if (agreement != null && agreement.purposes() != null && agreement.purposes().equals(List.of(Purpose.DIRECT_CARE))) {
            return "It lets the doctors, nurses and other professionals who treat you see what they need to care for you safely.";
        }
        if (agreement != null && agreement.icbAssessment() != null
                && agreement.icbAssessment().receivedConclusion() == IcbConclusion.NECESSARY_AND_LAWFUL) {
            return "The local NHS has checked it for us and confirmed that it is needed, lawful and fair.";
        }
        return "We checked it and found no reason to stop it.";
    }

    private String withdrawReason() {
        String start = isNewRequest() ? "We will not sign up to it because " : "We are stopping it because ";
        List<String> flags = decision.redFlags();
        if (!flags.isEmpty()) {
            return start + flags.stream().map(Plain::patientRedFlag).distinct().collect(Collectors.joining("; ")) + ".";
        }
        if (agreement != null && agreement.lmcAdvice() == LmcAdvice.WITHDRAW) {
            return start + "the committee of local GPs that advises practices told us it is not needed.";
        }
        return start + "it is not needed for your care and nothing requires us to share this information.";
    }

    private String askReason() {
        Set<String> unknown = new LinkedHashSet<>();
        decision.missing().forEach(f -> unknown.add(Plain.patientMissing(f)));
        String s = "We have asked the local NHS for more information before we decide";
        if (!unknown.isEmpty()) {
            s += ", including " + String.join("; ", unknown);
        }
        return s + ".";
    }

    private String referReason() {
        String s = "We have asked the British Medical Association, which represents doctors, for advice before we decide.";
        if (isNewRequest()) {
            s += " This is a new request: we have not signed it.";
        }
        return s;
    }
}
