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
 * @param matched     the facts the rule's conditions matched, each rendered in a few words when the rule fired
 *                    ("agreement DSA-42", "party Acme Ltd (kind COMMERCIAL, role CONTROLLER)"), for
 *                    {@code dsa-audit explain}. Text, not the facts themselves: a kept decision does not hold
 *                    on to its input, and serialises as it is. Not part of the decision document's trace and
 *                    not compared by {@link #equals}
 * @param decisive    true for the one step whose proposal became the decision's outcome, set by the engine
 *                    where it resolves the proposals; every "which step decided" (the star in a report, the
 *                    decisive row of a letter, {@link Decision#decisiveStep()}) reads this flag and nothing
 *                    else. A rule that proposed more than once has one decisive step at most. Not written to
 *                    the decision document (record-format.md has no member for it: the document names the
 *                    rule in {@code decisiveRule})
 */
public record TraceStep(String rule, List<String> citations, String explanation, Outcome outcome, String policyRow,
        List<String> matched, boolean decisive) {
    public TraceStep {
        Objects.requireNonNull(rule, "rule");
        citations = List.copyOf(citations);
        matched = List.copyOf(matched);
    }

    /** A step that did not decide (the constructor of 1.0). */
    public TraceStep(String rule, List<String> citations, String explanation, Outcome outcome, String policyRow,
            List<String> matched) {
        this(rule, citations, explanation, outcome, policyRow, matched, false);
    }

    /**
     * Equal when everything but {@code matched} is equal: what the decision says, not how its facts read
     * (so a step read back from a decision document, which leaves {@code matched} out, equals the original).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof TraceStep t && rule.equals(t.rule) && citations.equals(t.citations)
                && Objects.equals(explanation, t.explanation) && outcome == t.outcome
                && Objects.equals(policyRow, t.policyRow) && decisive == t.decisive;
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, citations, explanation, outcome, policyRow, decisive);
    }

    @Override
    public String toString() {
        return "TraceStep[rule=" + rule + ", outcome=" + outcome + ", policyRow=" + policyRow + ", decisive="
                + decisive + ", explanation=" + explanation + "]";
    }
}
