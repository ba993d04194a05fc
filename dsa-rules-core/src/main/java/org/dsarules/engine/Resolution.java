package org.dsarules.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.dsarules.engine.TraceRecorder.Firing;

/**
 * The one place where proposals meet. Rules only propose; each proposal carries its rule's
 * {@code @policyRow}, and the proposal of the lowest row wins. Between two proposals of the same row
 * (a row written as a small group of rules) the rule written first wins (file name, then position in
 * the file), then the proposal's summary (one rule may propose once per red flag, say), so the
 * decisive rule and summary do not depend on firing order, which may differ between a
 * precompiled and a run-time compiled knowledge base. Nothing else: no salience, no agenda groups,
 * no special cases here.
 */
final class Resolution {
    private static final Comparator<Firing> PRECEDENCE =
            Comparator.comparing((Firing f) -> f.rule().policyRow()).thenComparingInt((Firing f) -> f.rule().rank())
                    .thenComparing((Firing f) -> f.standingProposal().summary()).thenComparingInt(Firing::order);

    private Resolution() {
    }

    /** The decisive firing among those that proposed an outcome, or empty when none did. */
    static Optional<Firing> decisive(List<Firing> firings) {
        return firings.stream().filter(f -> f.standingProposal() != null).min(PRECEDENCE);
    }
}
