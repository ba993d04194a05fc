package org.dsarules.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.dsarules.decision.Decision;
import org.dsarules.decision.ErrorCode;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.RecordError;
import org.dsarules.decision.Summary;
import org.dsarules.decision.TraceLevel;
import org.dsarules.decision.Warning;
import org.dsarules.exception.DsaRulesException;
import org.dsarules.exception.RuleTimeoutException;
import org.dsarules.model.Agreement;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterSource;

/**
 * How {@link org.dsarules.DsaRules} shares work between threads: the streaming audit's pipeline of
 * chunks, and the parallel map behind {@code decideAll}. Not API: use {@code DsaRules}.
 */
public final class AuditPipeline {

    private static final int CHUNK = 1024;

    private final KnowledgeBase knowledgeBase;
    private final boolean parallel;
    private final Executor executor;
    private final Observation observation;

    /**
     * A pipeline deciding with {@code knowledgeBase}, on {@code executor} (null: the common pool) when
     * parallel, telling {@code observation} of each decision and error on the auditing thread, in input order.
     */
    public AuditPipeline(KnowledgeBase knowledgeBase, boolean parallel, Executor executor, Observation observation) {
        this.knowledgeBase = knowledgeBase;
        this.parallel = parallel;
        this.executor = executor;
        this.observation = observation;
    }

    /** The streaming audit of {@link org.dsarules.DsaRules#audit(RegisterSource, LocalDate, TraceLevel, AuditSink)}. */
    public Summary audit(RegisterSource source, LocalDate asOf, TraceLevel traceLevel, AuditSink sink) {
        boolean more = source.hasNext();
        sink.start(knowledgeBase.info(), asOf, traceLevel, source.practice());
        Counter counter = new Counter();
        // A pipeline two chunks deep: while chunk k is decided (by the pool's threads, and by this thread
        // whenever it has nothing else to do), this thread reads chunk k+1 and writes chunk k-1. Reading
        // and writing are serial (one source, one sink, input order), so without the overlap one core
        // waited on the other through every read and every write.
        ChunkWork inFlight = null;
        List<RegisterEntry> chunk = new ArrayList<>(CHUNK);
        while (more) {
            try {
                chunk.add(source.next());
                more = source.hasNext();
            } catch (RuntimeException e) {
                // The source broke off: what was read before the break is decided and handed all the same
                // (a failure of the sink itself is not caught here: nothing more can be written then).
                if (inFlight != null) {
                    hand(inFlight.await(), counter, sink, observation);
                }
                throw e;
            }
            if (chunk.size() == CHUNK || !more) {
                ChunkWork next = new ChunkWork(chunk, asOf, traceLevel);
                if (inFlight != null) {
                    hand(inFlight.await(), counter, sink, observation);
                }
                inFlight = next;
                chunk = new ArrayList<>(CHUNK);
            }
        }
        if (inFlight != null) {
            hand(inFlight.await(), counter, sink, observation);
        }
        Summary summary = counter.toSummary();
        sink.finish(source.practice(), summary);
        return summary;
    }

    private static void hand(Result[] results, Counter counter, AuditSink sink, Observation observation) {
        for (Result r : results) {
            if (r.decision != null) {
                counter.add(r.decision);
                observation.decided(r.agreement, r.decision, r.nanos);
                sink.decision(r.agreement, r.decision);
            } else {
                counter.addError();
                observation.failed(r.nanos);
                sink.error(r.error);
            }
        }
    }

    /**
     * One chunk of an audit, decided by whoever takes its next entry: the pool's threads (one task per
     * thread the pool has), and the auditing thread once it waits for the results. Each entry is taken by
     * exactly one thread; the results keep the input's order.
     */
    private final class ChunkWork {
        private final List<RegisterEntry> entries;
        private final LocalDate asOf;
        private final TraceLevel level;
        private final Result[] results;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch done;
        private volatile Throwable failure;

        ChunkWork(List<RegisterEntry> entries, LocalDate asOf, TraceLevel level) {
            this.entries = entries;
            this.asOf = asOf;
            this.level = level;
            this.results = new Result[entries.size()];
            this.done = new CountDownLatch(entries.size());
            if (parallel && entries.size() > 1) {
                Executor pool = executor != null ? executor : ForkJoinPool.commonPool();
                int helpers = executor != null ? Runtime.getRuntime().availableProcessors()
                        : ForkJoinPool.getCommonPoolParallelism();
                try {
                    for (int i = 0; i < helpers; i++) {
                        pool.execute(this::decideSome);
                    }
                } catch (RejectedExecutionException e) {
                    // A saturated or shut-down executor: the auditing thread decides what is left itself.
                }
            }
        }

        private void decideSome() {
            for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
                try {
                    results[i] = evaluate(entries.get(i), asOf, level);
                } catch (Throwable t) { // an Error: evaluate() already turns exceptions into record errors
                    failure = t;
                } finally {
                    done.countDown();
                }
            }
        }

        /** Decides what no thread has taken yet, waits for the rest, and returns the results in input order. */
        Result[] await() {
            decideSome();
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable t = failure;
            if (t instanceof Error err) {
                throw err;
            }
            if (t != null) {
                throw new DsaRulesException("an agreement could not be decided: " + t, t);
            }
            return results;
        }
    }

    /** One entry's result: the agreement and its decision, or the error; the time spent deciding. */
    private record Result(Agreement agreement, Decision decision, RecordError error, long nanos) {
    }

    /** Counts outcomes and errors while an audit streams: an internal of this class, not API. */
    private static final class Counter {
        private final EnumMap<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        private int errors;

        void add(Decision d) {
            counts.merge(d.outcome(), 1, Integer::sum);
        }

        void addError() {
            errors++;
        }

        Summary toSummary() {
            return new Summary(counts, errors);
        }
    }

    /**
     * Applies {@code f} to each item, in parallel when enabled: on the caller's executor when one was given,
     * else on the common fork-join pool. The result keeps the input's order.
     */
    public <T, R> List<R> map(List<T> items, Function<T, R> f) {
        if (!parallel || items.size() < 2) {
            return items.stream().map(f).toList();
        }
        if (executor == null) {
            return items.parallelStream().map(f).toList();
        }
        List<CompletableFuture<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(CompletableFuture.supplyAsync(() -> f.apply(item), executor));
        }
        List<R> out = new ArrayList<>(items.size());
        for (CompletableFuture<R> fut : futures) {
            try {
                out.add(fut.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
        return out;
    }

    private Result evaluate(RegisterEntry entry, LocalDate asOf, TraceLevel level) {
        if (entry instanceof RegisterEntry.Invalid invalid) {
            return new Result(null, null, invalid.error(), 0L);
        }
        RegisterEntry.Valid valid = (RegisterEntry.Valid) entry;
        Agreement a = valid.agreement();
        long start = observation.start();
        try {
            Decision d = knowledgeBase.decideOne(a, asOf, level);
            if (d == null) {
                return new Result(a, null, new RecordError(valid.index(), a.id(), null, ErrorCode.NOT_DECIDED,
                        "no rule proposed an outcome for this agreement: the rules in use do not cover it"),
                        observation.since(start));
            }
            if (!valid.warnings().isEmpty()) {
                // What reading the record reinterpreted (a placeholder in a spreadsheet cell) comes first.
                List<Warning> all = new ArrayList<>(valid.warnings());
                all.addAll(d.warnings());
                d = d.withTitleAndWarnings(d.title(), all);
            }
            // The trace comes already cut to the level asked for: the engine renders no step it would cut
            // (KnowledgeBase.decideOne with a level), so sinks and writers hand it on as it is.
            return new Result(a, d, null, observation.since(start));
        } catch (RuleTimeoutException e) {
            return new Result(a, null, new RecordError(valid.index(), a.id(), null, ErrorCode.RULE_TIMEOUT,
                    "not decided: " + e.getMessage()), observation.since(start));
        } catch (RuntimeException e) {
            // A fault in one agreement's evaluation must not stop the others from being decided.
            return new Result(a, null, new RecordError(valid.index(), a.id(), null, ErrorCode.NOT_DECIDED,
                    "could not be evaluated: " + e.getMessage()), observation.since(start));
        }
    }

}
