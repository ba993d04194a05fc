package org.dsarules.engine;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import org.dsarules.decision.Decision;
import org.dsarules.decision.DecisionStats;
import org.dsarules.decision.Outcome;
import org.dsarules.model.Agreement;

/**
 * What {@link org.dsarules.DsaRules} tells about its decisions: the builder's {@code onDecision} listener
 * and, when asked for, the counts behind {@code stats()}. Not API. Counting uses {@link LongAdder}s, so
 * threads deciding at once do not contend on one counter.
 */
public final class Observation {
    private final BiConsumer<Agreement, Decision> listener;
    private final boolean recording;
    private final Map<Outcome, LongAdder> decisions = new EnumMap<>(Outcome.class);
    private final LongAdder errors = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    /**
     * @param listener  called with every decision, or null for none
     * @param recording whether to count
     */
    public Observation(BiConsumer<Agreement, Decision> listener, boolean recording) {
        this.listener = listener;
        this.recording = recording;
        for (Outcome o : Outcome.values()) {
            decisions.put(o, new LongAdder());
        }
    }

    /** Where time is measured at all: only when it is recorded. */
    public long start() {
        return recording ? System.nanoTime() : 0L;
    }

    /** The time since {@code start}, when recording. */
    public long since(long start) {
        return recording ? System.nanoTime() - start : 0L;
    }

    /** A decision made in {@code nanos}: counted, then handed to the listener. */
    public void decided(Agreement agreement, Decision decision, long nanos) {
        if (recording) {
            decisions.get(decision.outcome()).increment();
            this.nanos.add(nanos);
        }
        if (listener != null) {
            listener.accept(agreement, decision);
        }
    }

    /** An agreement that got no decision, after {@code nanos} spent trying (0 for an invalid record). */
    public void failed(long nanos) {
        if (recording) {
            errors.increment();
            this.nanos.add(nanos);
        }
    }

    /** The counts now, as a snapshot. */
    public DecisionStats snapshot() {
        if (!recording) {
            return DecisionStats.empty();
        }
        EnumMap<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        decisions.forEach((o, n) -> counts.put(o, n.sum()));
        return new DecisionStats(counts, errors.sum(), Duration.ofNanos(nanos.sum()));
    }
}
