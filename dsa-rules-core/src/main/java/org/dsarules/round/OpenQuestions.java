package org.dsarules.round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.model.Agreement;
import org.dsarules.model.IcbConclusion;
import org.dsarules.model.Party;
import org.dsarules.model.PartyRole;
import org.dsarules.model.Status;

/**
 * What is still open for one decided agreement: the questions the practice's letter asks the ICB,
 * each tied to the field its answer fills. The same list makes the questionnaire's rows and the
 * follow-up letter's questions, so the two never disagree.
 *
 * <p>The letter asks about an agreement decided ASK_ICB_FOR_INFORMATION (its missing facts) and
 * about every agreement the practice has signed or may have signed (the ICB's assessment). An
 * agreement the ICB has assessed (a received conclusion NECESSARY_AND_LAWFUL, NOT_NECESSARY or
 * LAWFULNESS_DOUBTFUL) is not asked to be assessed again; its remaining missing facts are still
 * asked while the decision asks for them. A new request is referred to the BMA, not asked about,
 * unless its decision asks the ICB (direct care).
 *
 * <p>An ASK_ICB_FOR_INFORMATION decision always keeps at least one question, whatever the ICB answered
 * before: see {@code actionQuestions}.
 */
public final class OpenQuestions {
    /** The field whose answer is the ICB's assessment. */
    public static final String CONCLUSION = "icbAssessment.conclusion";

    private static final Set<IcbConclusion> ASSESSED =
            Set.of(IcbConclusion.NECESSARY_AND_LAWFUL, IcbConclusion.NOT_NECESSARY, IcbConclusion.LAWFULNESS_DOUBTFUL);

    private static final String IF_CONFIDENTIAL = "If the data is identifiable or pseudonymised: ";

    /**
     * Questions asked only once an earlier answer makes them relevant: the rules do not ask them while
     * identifiability is not known, but the ICB can answer them in the same reply.
     */
    private static final Map<String, String> IF_CONFIDENTIAL_QUESTIONS = new LinkedHashMap<>();

    static {
        IF_CONFIDENTIAL_QUESTIONS.put("article9Conditions",
                "which UK GDPR Article 9(2) condition allows the processing of this health data?");
        IF_CONFIDENTIAL_QUESTIONS.put("nationalDataOptOutApplied",
                "are patients' national data opt-outs honoured before the data leaves the practice?");
        IF_CONFIDENTIAL_QUESTIONS.put("type1OptOutApplied",
                "are the Type 1 opt-outs recorded at the practice honoured?");
    }

    private OpenQuestions() {
    }

    /** Whether the ICB has assessed the agreement: a received conclusion other than INCOMPLETE or DECLINED. */
    public static boolean assessed(Agreement a) {
        IcbConclusion c = a.icbAssessment() == null ? null : a.icbAssessment().receivedConclusion();
        return c != null && ASSESSED.contains(c);
    }

    /** Whether the ICB's reply was the stock "limited role" answer (a received DECLINED). */
    public static boolean declined(Agreement a) {
        return a.icbAssessment() != null && a.icbAssessment().receivedConclusion() == IcbConclusion.DECLINED;
    }

    /** Whether the practice's letter asks the ICB anything about this agreement. */
    public static boolean asked(Decision d, Agreement a) {
        return !of(d, a).isEmpty();
    }

    /** The open questions of one agreement, in the order of the decision's missing fields, the assessment last. */
    public static List<OpenQuestion> of(Decision d, Agreement a) {
        boolean ask = d.outcome() == Outcome.ASK_ICB_FOR_INFORMATION;
        boolean signedOrMaybe = a.status() != Status.NEW_REQUEST;
        if (!ask && !signedOrMaybe) {
            return List.of();
        }
        List<OpenQuestion> out = new ArrayList<>();
        if (ask) {
            List<String> missing = d.missing();
            List<String> questions = d.questionsForIcb();
            for (int i = 0; i < missing.size(); i++) {
                // The decision holds one question per missing field first, in the order of `missing`.
                String q = i < questions.size() ? questions.get(i) : missing.get(i);
                missingField(a, missing.get(i), q, out);
            }
            if (missing.contains("identifiability")) {
                IF_CONFIDENTIAL_QUESTIONS.forEach((field, q) -> {
                    if (FieldPaths.value(a, field) == null) {
                        out.add(new OpenQuestion(field, IF_CONFIDENTIAL + q, true));
                    }
                });
            }
        }
        if (!assessed(a)) {
            out.add(new OpenQuestion(CONCLUSION, assessmentQuestion(d, ask), false));
        }
        if (ask) {
            actionQuestions(d, a, out);
        }
        return out;
    }

    /**
     * The rows that ask the ICB to act, for an ASK decision the ICB's answers have not settled: rows 7
     * (correct or complete a direct-care agreement) and 9 (separate a mixed one) stay open whatever the
     * ICB concluded, so an assessment alone never settles them. Each row fills the register field whose
     * value records what the ICB did, so that applying the answer decides the agreement again: for a
     * separation, the purposes the agreement keeps; for a correction, the field behind each red flag.
     * The ICB says how it acted in the questionnaire's comment column, which the answer's history entry
     * keeps (record-format.md v1.2). Last, whatever else happened, an ASK decision never leaves without
     * a question: the assessment is asked again, naming what is still open.
     */
    private static void actionQuestions(Decision d, Agreement a, List<OpenQuestion> out) {
        String row = d.decisiveStepIfTraced().map(t -> t.policyRow()).orElse(null);
        Set<String> asked = new java.util.HashSet<>();
        out.forEach(q -> asked.add(q.field()));
        if ("9".equals(row) && !asked.contains("purposes")) {
            out.add(new OpenQuestion("purposes", "Please separate the direct-care sharing under this agreement from "
                    + "its other uses, so that the practice can withdraw from those without harming care. Once you "
                    + "have: which purposes does this agreement keep? (If you have not separated it, give its purposes "
                    + "as they stand and say why in the comment.)", false));
        } else if ("7".equals(row)) {
            for (String flag : d.redFlags()) {
                String field = CORRECTS.get(flag);
                if (field != null && asked.add(field)) {
                    out.add(new OpenQuestion(field, "Please correct the agreement on this point. "
                            + CORRECTION_QUESTIONS.get(field) + " (Answer with the agreement as it stands after your "
                            + "correction, and say what you changed in the comment.)", false));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(new OpenQuestion(CONCLUSION, "The practice still cannot decide on this agreement ("
                    + (d.summary() == null ? "it remains open" : d.summary().strip()) + "). Please assess it again in the "
                    + "light of this: is the sharing necessary, lawful and proportionate? Say what you checked in the comment.",
                    false));
        }
    }

    /** For a direct-care agreement (row 7), the field whose correction clears each red flag. */
    private static final Map<String, String> CORRECTS = Map.of(
            "RF-COMMERCIAL", "commercialAccess",
            "RF-OPT-OUT-IGNORED", "nationalDataOptOutApplied",
            "RF-CONFIDENTIALITY", "commonLawBasis",
            "RF-NO-LAWFUL-BASIS", "article6Bases",
            "RF-PRACTICE-NOT-CONTROLLER", "practiceRole");

    private static final Map<String, String> CORRECTION_QUESTIONS = Map.of(
            "commercialAccess", "Does any commercial organisation still get access to the data?",
            "nationalDataOptOutApplied", "Are patients' national data opt-outs now honoured?",
            "commonLawBasis", "What is the common law basis for sharing the confidential data?",
            "article6Bases", "What is the UK GDPR Article 6 basis for the processing?",
            "practiceRole", "What role does the agreement now give the practice (it should be a controller)?");

    /**
     * The question of the assessment row. The decisive row's own question (ASK decisions only) names
     * no single field: row 12's asks for the assessment itself and becomes this question; rows 5 and
     * 14 ask for a field already asked (the reference, the purposes) and are left out; any other row's
     * (correct the sharing, separate the uses) goes with the assessment, the ICB's answer to it.
     */
    private static String assessmentQuestion(Decision d, boolean ask) {
        String own = "Your assessment: is the sharing under this agreement necessary, lawful and proportionate?";
        if (!ask || d.questionsForIcb().size() <= d.missing().size()) {
            return own;
        }
        String row = d.decisiveStepIfTraced().map(t -> t.policyRow()).orElse(null);
        String extra = String.join(" ", d.questionsForIcb().subList(d.missing().size(), d.questionsForIcb().size()));
        if ("12".equals(row)) {
            return extra;
        }
        // row 9's request to separate the uses has its own row (see actionQuestions), whose answer records it
        return "5".equals(row) || "14".equals(row) || "9".equals(row) ? own : extra + " " + own;
    }

    private static void missingField(Agreement a, String field, String question, List<OpenQuestion> out) {
        List<Party> parties = a.partyList();
        switch (field) {
            case "role" -> {
                for (int i = 0; i < parties.size(); i++) {
                    if (parties.get(i).role() == null) {
                        out.add(party(i, parties.get(i), "role",
                                "What role does the agreement give it (controller, joint controller, processor, sub-processor or recipient)?"));
                    }
                }
            }
            case "instructedBy" -> {
                for (int i = 0; i < parties.size(); i++) {
                    Party p = parties.get(i);
                    if ((p.role() == PartyRole.PROCESSOR || p.role() == PartyRole.SUB_PROCESSOR)
                            && !p.isInstructedByKnown()) {
                        out.add(party(i, p, "instructedBy",
                                "On whose documented instructions does it act (PRACTICE, or the name of another party)?"));
                    }
                }
            }
            case "directCareProvider" -> {
                for (int i = 0; i < parties.size(); i++) {
                    Party p = parties.get(i);
                    // A record operator is not asked (decision-policy.md v1.2).
                    if (p.directCareProvider() == null && !p.isRecordOperator() && (p.role() == PartyRole.CONTROLLER
                            || p.role() == PartyRole.JOINT_CONTROLLER || p.role() == PartyRole.RECIPIENT)) {
                        out.add(party(i, p, "directCareProvider", "Does it provide direct care to the practice's patients?"));
                    }
                }
            }
            case "parties" -> {
                out.add(new OpenQuestion("parties[0].name", question + " Name the first organisation here (add rows "
                        + "parties[1].name and so on for more).", false));
                out.add(new OpenQuestion("parties[0].kind", "What kind of organisation is it?", false));
                out.add(new OpenQuestion("parties[0].role", "What role does the agreement give it?", false));
            }
            case "legalRequirement" -> {
                out.add(new OpenQuestion("legalRequirement.kind", question, false));
                if (a.legalRequirement() == null || !a.legalRequirement().hasReference()) {
                    out.add(new OpenQuestion("legalRequirement.reference", "If a duty compels sharing: which direction, "
                            + "notice or contract clause imposes it?", true));
                }
            }
            default -> out.add(new OpenQuestion(field, question, false));
        }
    }

    private static OpenQuestion party(int i, Party p, String field, String question) {
        return new OpenQuestion("parties[" + i + "]." + field, "About " + p.name() + ": " + question, false);
    }
}
