package org.dsarules.kb.reference;

import java.util.List;
import org.dsarules.decision.Outcome;

/**
 * What {@link ReferencePolicy} decides for one agreement.
 *
 * @param outcome  the outcome
 * @param row      the row of decision-policy.md's step 3 table that decided (1 to 14)
 * @param redFlags the red flag ids found, sorted
 * @param missing  the unknowns by field name, sorted
 */
public record ReferenceDecision(Outcome outcome, int row, List<String> redFlags, List<String> missing) {
    public ReferenceDecision {
        redFlags = List.copyOf(redFlags);
        missing = List.copyOf(missing);
    }

    @Override
    public String toString() {
        return outcome + " (row " + row + ") redFlags=" + redFlags + " missing=" + missing;
    }
}
