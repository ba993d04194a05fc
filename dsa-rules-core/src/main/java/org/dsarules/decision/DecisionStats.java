package org.dsarules.decision;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@code DsaRules} instance has decided since it was built, as a snapshot that never changes:
 * from {@code DsaRules.stats()}, counted only when the builder's {@code recordStats()} was called (else
 * every count is zero), as Caffeine counts a cache's hits only when asked to.
 *
 * @param decisions decisions made, by outcome (every outcome present, zero when none); by {@code decide},
 *                  {@code decideAll} and audits alike
 * @param errors    agreements that got no decision: an audit's record errors (invalid records and those
 *                  that could not be evaluated), and {@code decide} calls that threw
 * @param timeSpent time spent deciding (in the rules, summed over threads: more than the wall-clock
 *                  time when decisions run in parallel); reading registers and writing results is not in it
 */
public record DecisionStats(Map<Outcome, Long> decisions, long errors, Duration timeSpent) {

    /** A snapshot: {@code decisions} is copied, with every outcome present. */
    public DecisionStats {
        Objects.requireNonNull(decisions, "decisions");
        Objects.requireNonNull(timeSpent, "timeSpent");
        EnumMap<Outcome, Long> all = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            all.put(o, decisions.getOrDefault(o, 0L));
        }
        decisions = Map.copyOf(all);
    }

    /** The snapshot of an instance that has decided nothing, or does not record. */
    public static DecisionStats empty() {
        return new DecisionStats(Map.of(), 0, Duration.ZERO);
    }

    /** Decisions made, every outcome together. */
    public long decided() {
        return decisions.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Decisions with this outcome. */
    public long decided(Outcome outcome) {
        return decisions.get(Objects.requireNonNull(outcome, "outcome"));
    }
}
