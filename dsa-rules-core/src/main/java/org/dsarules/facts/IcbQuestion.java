package org.dsarules.facts;

import java.util.Objects;

/**
 * A question for the ICB that is not about a missing field: the extension point for a local rule
 * that wants the practice to ask something more. It is added to the decision's
 * {@code questionsForIcb} whatever the outcome, after the questions about missing fields.
 *
 * @param question the plain-English question
 */
public record IcbQuestion(String question, String explanation) implements Finding {

    // equals, hashCode and toString are written out, with the meaning a record's generated ones have:
    // the generated ones are bootstrapped through java.lang.runtime.ObjectMethods, whose method-handle
    // caches keep this class, and so an application's class loader, reachable after it is dropped on
    // JDK 17 (JDK-8078641, fixed in 18). Drools compares and hashes the facts it is given.
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof IcbQuestion that
                && Objects.equals(question, that.question)
                && Objects.equals(explanation, that.explanation);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(question);
        h = 31 * h + Objects.hashCode(explanation);
        return h;
    }

    @Override
    public String toString() {
        return "IcbQuestion[question=" + question + ", explanation=" + explanation + "]";
    }
}
