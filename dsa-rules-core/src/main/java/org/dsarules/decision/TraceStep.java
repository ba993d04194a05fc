package org.dsarules.decision;

import java.util.List;
import java.util.Objects;

/**
 * One rule that fired for an agreement.
 *
 * @param rule        the rule's stable id (its DRL name)
 * @param citations   its {@code @citation} metadata, split on {@code |}
 * @param explanation what it found, in plain English
 * @param outcome     the outcome it proposed, or null for a rule that only classified or found something
 * @param policyRow   its {@code @policyRow} precedence when it proposed an outcome, else null
 */
public record TraceStep(String rule, List<String> citations, String explanation, Outcome outcome, String policyRow) {
    public TraceStep {
        Objects.requireNonNull(rule, "rule");
        citations = List.copyOf(citations);
    }
}
