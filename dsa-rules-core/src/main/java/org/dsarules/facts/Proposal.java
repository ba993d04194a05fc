package org.dsarules.facts;

import java.util.Objects;
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

    // equals, hashCode and toString are written out, with the meaning a record's generated ones have:
    // the generated ones are bootstrapped through java.lang.runtime.ObjectMethods, whose method-handle
    // caches keep this class, and so an application's class loader, reachable after it is dropped on
    // JDK 17 (JDK-8078641, fixed in 18). Drools compares and hashes the facts it is given.
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof Proposal that
                && Objects.equals(outcome, that.outcome)
                && Objects.equals(summary, that.summary)
                && Objects.equals(question, that.question);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(outcome);
        h = 31 * h + Objects.hashCode(summary);
        h = 31 * h + Objects.hashCode(question);
        return h;
    }

    @Override
    public String toString() {
        return "Proposal[outcome=" + outcome + ", summary=" + summary + ", question=" + question + "]";
    }
}
