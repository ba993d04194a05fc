package org.dsarules.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.TraceStep;
import org.dsarules.decision.Warning;
import org.dsarules.engine.RuleInfo;
import org.dsarules.model.Agreement;
import org.dsarules.model.IcbAssessment;
import org.dsarules.model.IcbStatus;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.Party;
import org.dsarules.model.PartyKind;
import org.dsarules.model.PartyRole;
import org.dsarules.model.RequirementKind;
import org.dsarules.model.Status;

/**
 * One decided agreement() as the templates see it: a {@link DecidedAgreement} and its facts in words.
 * Every sentence about the outcome or its reason comes from the decision and its deciding rule; the
 * agreement's facts are only shown (title, parties, purposes, notes), never read to work out a reason.
 * Every string here may hold register data: the HTML templates escape it, the Markdown ones go through
 * {@link Plain#md}.
 *
 * @param n       its 1-based position in the report's urgency order (used for anchors)
 * @param decided the decision, its agreement() (or null) and its rule
 * @param asOf    the date the decision was made as of
 */
record Item(int n, DecidedAgreement decided, LocalDate asOf) {

    Decision decision() {
        return decided.decision();
    }

    Agreement agreement() {
        return decided.agreement();
    }

    /** A step of the trace, numbered, marked when it is the decisive one. */
    record Step(int n, String rule, String outcome, String row, String explanation, List<String> citations,
            boolean decisive) {
        String css() {
            return decisive ? "step decisive" : "step";
        }
    }

    /**
     * A red flag with its meaning, in the words of the rule that raised it, what the practice asks the ICB
     * about it, and whether it is advisory (shown and asked, never a reason to withdraw).
     */
    record Flag(String id, String meaning, String icbAsk, boolean advisory) {
    }

    /** A party in words. */
    record PartyLine(String name, String kind, String role, String instructedBy, String directCare) {
        /** The role in words, or "role not stated". */
        String roleOrNotStated() {
            return role.equals(Plain.NOT_KNOWN) ? "role not stated" : role;
        }
    }

    String id() {
        return decision().dsaId();
    }

    /** The agreement's anchor in the HTML report: made of fixed characters and a number, never register data. */
    String anchor() {
        return "dsa-" + n;
    }

    boolean hasTitle() {
        return agreement() != null && agreement().title() != null && !agreement().title().isBlank();
    }

    String title() {
        return hasTitle() ? agreement().title() : "";
    }

    /** The id, then the title when there is one: "MB-05 Example title". */
    String name() {
        return hasTitle() ? id() + " " + title() : id();
    }

    Outcome outcome() {
        return decision().outcome();
    }

    String outcomeLabel() {
        return Plain.outcome(decision().outcome());
    }

    String outcomeCss() {
        return Plain.css(decision().outcome());
    }

    /** The decision's summary without its leading verb ("Withdraw: "), for a sentence that already says what is done. */
    String reason() {
        String s = summary();
        int colon = s.indexOf(": ");
        return colon > 0 && colon <= 12 ? Character.toUpperCase(s.charAt(colon + 2)) + s.substring(colon + 3) : s;
    }

    String summary() {
        return decision().summary() == null ? "" : decision().summary();
    }

    boolean isExisting() {
        return agreement() != null && agreement().status() == Status.EXISTING;
    }

    boolean isNewRequest() {
        return agreement() != null && agreement().status() == Status.NEW_REQUEST;
    }

    String status() {
        return agreement() == null ? Plain.NOT_KNOWN : Plain.status(agreement().status());
    }

    /** The status in a word or two, for tables. */
    String statusShort() {
        if (agreement() == null || agreement().status() == null) {
            return Plain.NOT_KNOWN;
        }
        return agreement().status() == Status.EXISTING ? "existing" : "new request";
    }

    String requestedBy() {
        return agreement() == null || agreement().requestedBy() == null ? Plain.NOT_KNOWN : agreement().requestedBy();
    }

    boolean hasRequestedBy() {
        return agreement() != null && agreement().requestedBy() != null && !agreement().requestedBy().isBlank();
    }

    String signedOn() {
        return agreement() == null || agreement().signedOn() == null ? Plain.NOT_KNOWN : agreement().signedOn().toString();
    }

    String practiceRole() {
        return agreement() == null ? Plain.NOT_KNOWN : Plain.enumWords(agreement().practiceRole());
    }

    String purposes() {
        return agreement() == null ? Plain.NOT_KNOWN : Plain.purposes(agreement().purposes());
    }

    List<PartyLine> parties() {
        if (agreement() == null) {
            return List.of();
        }
        return agreement().partyList().stream()
                .map(p -> new PartyLine(p.name(), Plain.kind(p.kind()), Plain.role(p.role()),
                        p.instructedBy() == null ? "" : p.instructedBy(),
                        p.directCareProvider() == null ? "" : Plain.yesNo(p.directCareProvider())))
                .toList();
    }

    /** The controllers and joint controllers: who decides what the data is used for. */
    String controllers() {
        if (agreement() == null || agreement().parties() == null) {
            return Plain.NOT_KNOWN;
        }
        String s = agreement().partyList().stream()
                .filter(p -> p.role() == PartyRole.CONTROLLER || p.role() == PartyRole.JOINT_CONTROLLER)
                .map(p -> p.name().strip() + " (" + Plain.role(p.role()) + ")")
                .collect(Collectors.joining("; "));
        return s.isEmpty() ? "none named" : s;
    }

    /** The parties the data goes to (controllers, joint controllers, recipients), by name. */
    List<String> sharedWith() {
        if (agreement() == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        agreement().partyList().stream().filter(Party::isSharingParty).forEach(p -> names.add(p.name().strip()));
        return List.copyOf(names);
    }

    /** The legal or contractual duty to share, in words. */
    String duty() {
        LegalRequirement r = agreement() == null ? null : agreement().legalRequirement();
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

    String identifiability() {
        return agreement() == null ? Plain.NOT_KNOWN : Plain.identifiability(agreement().identifiability());
    }

    String commercialAccess() {
        return agreement() == null ? Plain.NOT_KNOWN : Plain.yesNo(agreement().commercialAccess());
    }

    String notes() {
        return agreement() == null || agreement().notes() == null ? "" : agreement().notes();
    }

    List<Flag> redFlags() {
        return decided.flags().stream()
                .map(f -> new Flag(f.id(), FlagWords.practice(f), f.icbAsk(), f.advisory())).toList();
    }

    List<String> missing() {
        return decision().missing();
    }

    List<Warning> warnings() {
        return decision().warnings();
    }

    /** Which facts came from the catalogue of known programmes, and from where; null when none did. */
    String fromCatalogue() {
        return CatalogueLine.of(decision());
    }

    /**
     * The decision's next steps, with two things the register settles: a step to review the agreement at
     * its review date names the date (or says there is none, or that it has passed), and a step to give
     * notice says when, in the words every document uses ({@link #NOTICE_WHEN}).
     */
    List<String> nextSteps() {
        List<String> out = new ArrayList<>();
        // A step is recognised by the kind its rule's metadata marks it with ([review], [notice]), never by its words.
        for (RuleInfo.Step step : decided.steps()) {
            if (RuleInfo.REVIEW_STEP.equals(step.kind())) {
                out.add(reviewStep());
            } else if (RuleInfo.NOTICE_STEP.equals(step.kind())) {
                out.add(step.text() + ". " + NOTICE_WHEN);
            } else {
                out.add(step.text());
            }
        }
        return out;
    }

    /**
     * When notice of withdrawal is given, said the same way by the audit's next steps and by every letter:
     * the rules withdraw only when it is known that no law or contract requires the sharing, so the
     * practice need not wait for the ICB.
     */
    static final String NOTICE_WHEN = "Notice is given now, without waiting for the ICB's reply: the practice "
            + "withdraws only where it is known that no law or contract requires the sharing";

    private String reviewStep() {
        LocalDate due = agreement() == null ? null : agreement().reviewDue();
        if (due == null) {
            return "Agree a review date with the other organisation: the register gives none";
        }
        return due.isBefore(asOf) ? "Review it now: its review date, " + Plain.date(due) + ", has passed"
                : "Review it by its review date, " + Plain.date(due);
    }

    /** "review due 1 March 2026 (passed)", or "" when the register gives no review date. */
    String reviewDue() {
        LocalDate due = agreement() == null ? null : agreement().reviewDue();
        if (due == null) {
            return "";
        }
        return Plain.date(due) + (due.isBefore(asOf) ? " (passed)" : "");
    }

    boolean reviewPassed() {
        LocalDate due = agreement() == null ? null : agreement().reviewDue();
        return due != null && due.isBefore(asOf);
    }

    /** The organisation the agreement is with, as the ICB knows it: who asked for it, else the parties it shares with. */
    String organisation() {
        if (hasRequestedBy()) {
            return agreement().requestedBy().strip();
        }
        List<String> with = sharedWith();
        if (!with.isEmpty()) {
            return String.join(", ", with);
        }
        if (agreement() != null && !agreement().partyList().isEmpty()) {
            return agreement().partyList().stream().map(p -> p.name().strip()).distinct().collect(Collectors.joining(", "));
        }
        return "organisation not named";
    }

    /**
     * Who asks the practice for what, from the register's facts and the decision's outcome: "NHS Westvale ICB
     * asks the practice to sign a new agreement to share data for risk stratification".
     */
    String whoAsksForWhat() {
        String who = hasRequestedBy() ? agreement().requestedBy().strip() : organisation();
        String what = isNewRequest() ? "to sign a new agreement to share data"
                : isExisting() ? "to go on sharing data under an agreement the practice has signed"
                : "to share data (the register does not say whether the agreement is signed)";
        String why = agreement() == null || agreement().purposes() == null || agreement().purposes().isEmpty()
                ? " (purposes not stated)" : " for " + Plain.purposes(agreement().purposes());
        return who + " asks the practice " + what + why;
    }

    /** The GP system suppliers the agreement names, by name. */
    List<String> suppliers() {
        return agreement() == null ? List.of() : agreement().partyList().stream()
                .filter(p -> p.kind() == PartyKind.GP_SYSTEM_SUPPLIER).map(p -> p.name().strip())
                .distinct().toList();
    }

    boolean hasSignedOn() {
        return agreement() != null && agreement().signedOn() != null;
    }

    String signedOnWords() {
        return hasSignedOn() ? Plain.date(agreement().signedOn()) : Plain.NOT_KNOWN;
    }

    /** A heading for people who do not know the practice's references: "Title, with Organisation (our reference MB-08)". */
    String heading() {
        return (hasTitle() ? title().strip() : "Agreement") + ", with " + organisation() + " (our reference " + id() + ")";
    }

    /** One missing fact in words. */
    String missingWord(String field) {
        return Plain.missing(field);
    }

    /** The missing facts in words, for people; the field names stay in the trace and the JSON. */
    String missingWords() {
        return Plain.missing(decision().missing());
    }

    /** What would settle it: "If no law or contract requires this sharing: Withdraw", one a line. */
    List<String> settlements() {
        return decided.whatIf().settlements().stream().map(WhatIf.Settlement::sentence).distinct().toList();
    }

    /** The red flags in words only, for people; an advisory flag says that it does not decide. */
    List<String> redFlagWords() {
        return redFlags().stream().map(f -> f.advisory() ? f.meaning() + " (advisory: it informs, it does not decide)"
                : f.meaning()).toList();
    }

    /**
     * The questions for the ICB, as the ICB letter asks them. A KEEP decision presents none (issue 25: no letter
     * asks them, so they would be questions no one asks): its open facts stay listed as facts not known, and an
     * advisory flag's ask is shown with the flag.
     */
    List<String> questions() {
        return decision().outcome() == Outcome.KEEP ? List.of() : decided.questionsForIcb();
    }

    String decisiveRule() {
        return decision().decisiveRule();
    }

    /** The decisive step's explanation, or "" when the trace was cut to none. */
    String decisiveExplanation() {
        return decision().decisiveStepIfTraced().map(TraceStep::explanation).filter(e -> e != null).orElse("");
    }

    List<Step> trace() {
        List<Step> out = new ArrayList<>();
        int i = 0;
        for (TraceStep s : decision().trace()) {
            i++;
            out.add(new Step(i, s.rule(), s.outcome() == null ? "" : Plain.outcome(s.outcome()),
                    s.policyRow() == null ? "" : s.policyRow(), s.explanation() == null ? "" : s.explanation(),
                    s.citations(), s.decisive()));
        }
        return out;
    }

    // --- For patients: no codes, no legal references. ---

    /** What the shared information is used for, in patients' words. */
    String patientPurposes() {
        if (agreement() == null || agreement().purposes() == null || agreement().purposes().isEmpty()) {
            return "";
        }
        return agreement().purposes().stream().map(Plain::patientPurpose).collect(Collectors.joining(", "));
    }

    /**
     * Why the practice keeps, stops or is still checking this agreement, in patients' words: the deciding
     * rule's {@code @patientReason}; for rules that declare none (a local rule), one sentence per outcome.
     */
    String patientReason() {
        String reason = decided.patientReason();
        if (reason != null) {
            return (reason + " " + patientFlags()).strip();
        }
        return switch (decision().outcome()) {
            case KEEP -> ((isNewRequest() ? "We may sign it." : "We are keeping it.") + " " + patientFlags()).strip();
            case WITHDRAW -> ((isNewRequest() ? "We will not sign it." : "We are stopping it.") + " " + patientFlags()).strip();
            // The sentence about asking the ICB (patientAsking) says it, in the tense the register supports.
            case ASK_ICB_FOR_INFORMATION -> "";
            case REFER_TO_BMA -> "We are asking the British Medical Association, which represents doctors, for advice before we decide.";
        };
    }

    /**
     * What the practice found, in patients' words, from the rules that raised the flags: "What we found: ...".
     * The deciding rule's sentence never names a flag (it does not know which was raised); this does. An
     * advisory flag is "we also noted", never a reason.
     */
    String patientFlags() {
        List<FlagWords.Flag> flags = decided.flags();
        String found = flags.stream().filter(f -> !f.advisory()).map(FlagWords::patient).distinct()
                .collect(Collectors.joining("; "));
        String noted = flags.stream().filter(FlagWords.Flag::advisory).map(FlagWords::patient).distinct()
                .collect(Collectors.joining("; "));
        String out = found.isEmpty() ? "" : "What we found: " + sentence(found);
        if (!noted.isEmpty()) {
            out = (out + " We also noted, without it changing our decision: " + sentence(noted)).strip();
        }
        return out;
    }

    private static String sentence(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t : t + ".";
    }

    /** The reason and, for an open agreement, where the practice's questions stand: the PPG page's sentence. */
    String patientSentences() {
        return (patientReason() + " " + patientAsking()).strip();
    }

    /**
     * Where the practice's questions stand, in a tense that follows the register: "we have asked" only
     * when it records a request to the ICB.
     */
    String patientAsking() {
        if (decision().outcome() != Outcome.ASK_ICB_FOR_INFORMATION) {
            return "";
        }
        IcbAssessment icb = agreement() == null ? null : agreement().icbAssessment();
        String what = decision().missing().isEmpty() ? ""
                : ", including " + decision().missing().stream().map(Plain::patientMissing).distinct()
                        .collect(Collectors.joining("; "));
        if (icb != null && icb.status() == IcbStatus.REQUESTED) {
            return "We asked the local NHS" + (icb.requestedOn() != null ? " on " + Plain.date(icb.requestedOn()) : "")
                    + " for more information" + what + ", and are waiting for its answer.";
        }
        if (icb != null && icb.status() == IcbStatus.RECEIVED) {
            return "The local NHS has answered" + (icb.receivedOn() != null ? " on " + Plain.date(icb.receivedOn()) : "")
                    + ", and we will ask it for more information" + what + ".";
        }
        return "We will ask the local NHS for more information" + what + ".";
    }
}
