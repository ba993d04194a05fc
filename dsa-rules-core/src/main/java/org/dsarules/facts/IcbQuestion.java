package org.dsarules.facts;

/**
 * A question for the ICB that is not about a missing field: the extension point for a local rule
 * that wants the practice to ask something more. It is added to the decision's
 * {@code questionsForIcb} whatever the outcome, after the questions about missing fields.
 *
 * @param question the plain-English question
 */
public record IcbQuestion(String question, String explanation) implements Finding {
}
