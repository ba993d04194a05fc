package org.dsarules.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.engine.RuleInfo;
import org.dsarules.model.Agreement;

/**
 * One decided agreement as every document reads it: the decision, the agreement it was made for, the
 * metadata of the rule that decided it, and what the rules say would settle it. Documents take every
 * sentence about an outcome or a reason from here (the decision and its rule); the agreement's facts are
 * only shown (title, parties, notes), never read again to work an outcome out.
 *
 * @param decision  the decision
 * @param agreement the agreement, or null when the caller did not pass it (documents then show the id)
 * @param rule      the deciding rule's metadata, or null when the knowledge base was not passed
 * @param whatIf    what other answers to the decision's missing facts would decide (empty when not computed)
 * @param flagWords the words of the red flags of the rules in use, each from the rule that raised it
 */
public record DecidedAgreement(Decision decision, Agreement agreement, RuleInfo rule, WhatIf whatIf,
        FlagWords flagWords) {

    /** The rule metadata key that holds the plain sentence for patients. */
    public static final String PATIENT_REASON = RuleInfo.PATIENT_REASON;

    public DecidedAgreement {
        Objects.requireNonNull(decision, "decision");
        whatIf = whatIf == null ? WhatIf.NONE : whatIf;
        flagWords = flagWords == null ? FlagWords.NONE : flagWords;
    }

    /** Without the rules in use: each flag is shown in the default rules' words. */
    public DecidedAgreement(Decision decision, Agreement agreement, RuleInfo rule, WhatIf whatIf) {
        this(decision, agreement, rule, whatIf, FlagWords.defaults());
    }

    /**
     * With the rules of the audit (or null): the deciding rule's metadata and, by deciding again with the same
     * rules and date, what would settle it (every outcome's answers, for the letters).
     */
    public static DecidedAgreement of(Decision d, Agreement a, DsaRules rules, LocalDate asOf) {
        if (rules == null) {
            // Without the audit's rules, a flag can only be shown in the default rules' words.
            return new DecidedAgreement(d, a, null, WhatIf.NONE, FlagWords.defaults());
        }
        return new DecidedAgreement(d, a, rules.knowledgeBase().rules().get(d.decisiveRule()),
                WhatIf.of(d, a, x -> rules.decide(x, asOf)), FlagWords.of(rules.knowledgeBase()));
    }

    public String id() {
        return decision.dsaId();
    }

    /**
     * A metadata value of the deciding rule, or null when it has none. The one place documents read rule
     * metadata, so that a key's spelling and the quote stripping live in {@link RuleInfo} alone.
     */
    public String ruleMeta(String key) {
        return rule == null ? null : rule.meta(key);
    }

    /**
     * The deciding rule's sentence for patients for this agreement's status ({@code @patientReasonForRequest}
     * for a new request, else {@code @patientReason}), or null when it declares none.
     */
    public String patientReason() {
        return rule == null ? null : rule.patientReason(agreement == null ? null : agreement.status());
    }

    /**
     * The deciding rule's next steps for this agreement's status, each with its kind ({@code [notice]},
     * {@code [review]}), or, without the rule, the decision's steps as plain steps.
     */
    public List<RuleInfo.Step> steps() {
        if (rule == null) {
            return decision.nextSteps().stream().map(s -> new RuleInfo.Step(null, s)).toList();
        }
        List<RuleInfo.Step> steps = rule.steps(agreement == null ? null : agreement.status());
        // The decision was made for this agreement: its steps are these, unless it was made otherwise.
        return steps.stream().map(RuleInfo.Step::text).toList().equals(decision.nextSteps()) ? steps
                : decision.nextSteps().stream().map(s -> new RuleInfo.Step(null, s)).toList();
    }

    /** Every red flag of the decision, in the words of the rule that raised it. */
    public List<FlagWords.Flag> flags() {
        return flagWords.flags(decision);
    }

    /**
     * The ICB's questions of the decision and, for each advisory flag, its {@code @icbAsk} (an advisory flag
     * decides nothing, so no row asks its question; the flag's own rule does).
     */
    public List<String> questionsForIcb() {
        List<String> q = new java.util.ArrayList<>(decision.questionsForIcb());
        for (FlagWords.Flag f : flags()) {
            if (f.advisory() && f.icbAsk() != null && !q.contains(f.icbAsk())) {
                q.add(f.icbAsk());
            }
        }
        return q;
    }

    /** The questions of {@link Decision#questionsForIcb()} that are not about a missing field: the row's own and local ones. */
    public List<String> otherQuestions() {
        List<String> q = questionsForIcb();
        int n = Math.min(decision.missing().size(), q.size());
        return q.subList(n, q.size());
    }
}
