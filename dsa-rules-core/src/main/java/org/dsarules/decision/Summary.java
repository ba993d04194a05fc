package org.dsarules.decision;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** Counts of a decision document: one per outcome, and the records in error. They add up to the input count. */
public record Summary(Map<Outcome, Integer> outcomes, int errors) {
    public Summary {
        EnumMap<Outcome, Integer> all = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            all.put(o, outcomes.getOrDefault(o, 0));
        }
        outcomes = Map.copyOf(all);
    }

    /** The counts of {@code decisions}, with {@code errors} records in error. */
    public static Summary of(Collection<Decision> decisions, int errors) {
        EnumMap<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Decision d : decisions) {
            counts.merge(d.outcome(), 1, Integer::sum);
        }
        return new Summary(counts, errors);
    }

    public int count(Outcome outcome) {
        return outcomes.get(outcome);
    }

    public int total() {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum() + errors;
    }
}
