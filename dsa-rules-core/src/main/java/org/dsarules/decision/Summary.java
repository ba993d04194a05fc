package org.dsarules.decision;

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

    public int count(Outcome outcome) {
        return outcomes.get(outcome);
    }

    public int total() {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum() + errors;
    }
}
