package org.dsarules.facts;

import org.dsarules.decision.Outcome;

/**
 * A rule's proposal of an outcome. Its precedence is the proposing rule's {@code @policyRow}
 * metadata: the proposal of the lowest row decides.
 *
 * @param outcome  the outcome proposed
 * @param summary  one plain-English sentence that explains the outcome if this proposal decides
 * @param question for an ASK_ICB_FOR_INFORMATION proposal, the question its row asks; else null
 */
public record Proposal(Outcome outcome, String summary, String question) implements Finding {

    public static Proposal of(Outcome outcome, String summary) {
        return new Proposal(outcome, summary, null);
    }

    public static Proposal ask(String summary, String question) {
        return new Proposal(Outcome.ASK_ICB_FOR_INFORMATION, summary, question);
    }

    @Override
    public String explanation() {
        return summary;
    }
}
