package org.dsarules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.decision.ErrorCode;
import org.dsarules.decision.KnowledgeBaseInfo;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.RecordError;
import org.dsarules.decision.Summary;
import org.dsarules.decision.TraceLevel;
import org.dsarules.decision.Warning;
import org.dsarules.engine.AuditSink;
import org.dsarules.engine.CollectingSink;
import org.dsarules.engine.KnowledgeBase;
import org.dsarules.engine.RuleSource;
import org.dsarules.exception.DsaRulesException;
import org.dsarules.exception.RuleTimeoutException;
import org.dsarules.model.Agreement;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterFiles;
import org.dsarules.register.RegisterSource;
import org.dsarules.register.json.RegisterReader;

/**
 * The entry point: decides data sharing agreements with a knowledge base built once.
 *
 * <pre>{@code
 * DsaRules rules = DsaRules.defaults();                 // the default knowledge base; build once, share
 * Decision d = rules.decide(agreement);                 // as of today in Europe/London
 * d.outcome(); d.decisiveRule(); d.redFlags(); d.trace();
 * AuditResult all = rules.audit(Path.of("register.json"), LocalDate.parse("2026-06-15"));
 * }</pre>
 *
 * <p>Instances are thread-safe: share one across the application. Building one loads the knowledge
 * base (well under a second for the precompiled default; a few seconds when rule files are compiled at
 * run time), so build it once. {@link #close()} releases its Drools sessions; a decision after that
 * throws {@link IllegalStateException}. The precompiled rules are built from the knowledge base jar's
 * executable model directly: no JVM-wide Drools container or repository entry is created, so several
 * class loaders, an uber-jar and a host application with its own kjar all work.
 *
 * <p>Every public method throws {@link NullPointerException} naming the parameter when an argument is
 * null (or an element of a collection argument is null).
 */
public final class DsaRules implements AutoCloseable {

    /** The zone in which "today" is taken: the policy is England's. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private static final int CHUNK = 1024;

    private final KnowledgeBase knowledgeBase;
    private final Clock clock;
    private final boolean parallel;
    private final Executor executor;
    private final RegisterReader reader = RegisterReader.defaults();

    private DsaRules(KnowledgeBase knowledgeBase, Clock clock, boolean parallel, Executor executor) {
        this.knowledgeBase = knowledgeBase;
        this.clock = clock;
        this.parallel = parallel;
        this.executor = executor;
    }

    /** The default knowledge base, precompiled, from the dsa-rules-kb jar on the class path. */
    public static DsaRules defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Name, version and fingerprint of the rules in use. */
    public KnowledgeBaseInfo knowledgeBaseInfo() {
        return knowledgeBase.info();
    }

    /** The knowledge base itself: its rules and their metadata, its sources. */
    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    /** Today in England, by this instance's clock: the default as-of date. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /**
     * Decides one agreement as of today.
     *
     * @throws DsaRulesException when no rule proposes an outcome (only possible with custom rules), or a
     *         rule fails while it runs (the message names the rule and where it is written)
     * @throws IllegalStateException after {@link #close()}
     */
    public Decision decide(Agreement agreement) {
        return decide(agreement, today());
    }

    /**
     * Decides one agreement as of {@code asOf}. As everywhere in this API, a null {@code asOf} is refused
     * (use {@link #decide(Agreement)} or {@link #today()} for today).
     *
     * @throws DsaRulesException when no rule proposes an outcome (only possible with custom rules), or a
     *         rule fails while it runs (the message names the rule and where it is written)
     * @throws IllegalStateException after {@link #close()}
     */
    public Decision decide(Agreement agreement, LocalDate asOf) {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(asOf, "asOf");
        Decision d = knowledgeBase.decideOne(agreement, asOf);
        if (d == null) {
            throw new DsaRulesException("no rule proposed an outcome for agreement \"" + agreement.id() + "\"");
        }
        return d;
    }

    /**
     * Decides each agreement as of {@code asOf} (in parallel when enabled, on the builder's executor if one
     * was given); the result is in the order of the input.
     *
     * @throws NullPointerException naming the position of a null agreement
     * @throws DsaRulesException as {@link #decide(Agreement, LocalDate)}
     */
    public List<Decision> decideAll(Collection<Agreement> agreements, LocalDate asOf) {
        List<Agreement> all = Checks.noNulls(agreements, "agreements");
        Objects.requireNonNull(asOf, "asOf");
        return map(all, a -> decide(a, asOf));
    }

    /**
     * Reads a register file (JSON, or CSV for a {@code .csv} file) and decides every valid record. Records
     * that are invalid or cannot be evaluated are in the result's errors.
     *
     * @throws org.dsarules.exception.RegisterFormatException when the file is missing, unreadable or not a
     *         register as a whole (not valid JSON, no {@code agreements} array, a CSV without its header row)
     */
    public AuditResult audit(Path register, LocalDate asOf) {
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(asOf, "asOf");
        try (RegisterSource source = RegisterFiles.open(register)) {
            return collect(source, asOf, TraceLevel.FULL);
        }
    }

    /**
     * Decides every valid record of {@code source} (JSON or CSV), with full traces. Records that are invalid
     * or cannot be evaluated are in the result's errors.
     *
     * @throws org.dsarules.exception.RegisterFormatException when the input as a whole breaks off
     */
    public AuditResult audit(RegisterSource source, LocalDate asOf) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
        return collect(source, asOf, TraceLevel.FULL);
    }

    /**
     * Reads a register (JSON) from {@code in} and decides every valid record. Records that are invalid or
     * cannot be evaluated are in the result's errors.
     *
     * @throws org.dsarules.exception.RegisterFormatException when the input is not a register as a whole
     */
    public AuditResult audit(InputStream in, String sourceName, LocalDate asOf) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(asOf, "asOf");
        try (RegisterSource source = reader.open(in, sourceName)) {
            return collect(source, asOf, TraceLevel.FULL);
        }
    }

    /**
     * Disposes this instance's Drools sessions. Decisions in progress finish; a decision after this throws
     * {@link IllegalStateException}. Idempotent.
     */
    @Override
    public void close() {
        knowledgeBase.close();
    }

    private AuditResult collect(RegisterSource source, LocalDate asOf, TraceLevel level) {
        CollectingSink sink = new CollectingSink();
        audit(source, asOf, level, sink);
        return sink.result();
    }

    /**
     * Streams an audit: reads records from {@code source} in chunks, decides each chunk (in parallel
     * when enabled) and hands decisions and errors to {@code sink} in input order, so memory does not
     * grow with the register. Every record reaches the sink exactly once, as a decision or an error.
     *
     * <p>The source is read and the sink called on the calling thread only. When parallel, a chunk is
     * decided on the builder's executor (else the common fork-join pool) while this thread reads the next
     * chunk and hands on the one before, and this thread decides too whenever it would otherwise wait; at
     * most two chunks of 1,024 records are held at once. The trace of each decision is rendered only as far
     * as {@code traceLevel} keeps.
     *
     * @return the counts, which add up to the number of records read
     * @throws org.dsarules.exception.RegisterFormatException when the input as a whole breaks off
     *         (the records read before the break are decided and handed to the sink first)
     */
    public Summary audit(RegisterSource source, LocalDate asOf, TraceLevel traceLevel, AuditSink sink) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(traceLevel, "traceLevel");
        Objects.requireNonNull(sink, "sink");
        if (knowledgeBase.isClosed()) {
            throw new IllegalStateException("this DsaRules instance is closed: build a new one to decide again");
        }
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
                    hand(inFlight.await(), counter, sink);
                }
                throw e;
            }
            if (chunk.size() == CHUNK || !more) {
                ChunkWork next = new ChunkWork(chunk, asOf, traceLevel);
                if (inFlight != null) {
                    hand(inFlight.await(), counter, sink);
                }
                inFlight = next;
                chunk = new ArrayList<>(CHUNK);
            }
        }
        if (inFlight != null) {
            hand(inFlight.await(), counter, sink);
        }
        Summary summary = counter.toSummary();
        sink.finish(source.practice(), summary);
        return summary;
    }

    private static void hand(Result[] results, Counter counter, AuditSink sink) {
        for (Result r : results) {
            if (r.decision != null) {
                counter.add(r.decision);
                sink.decision(r.agreement, r.decision);
            } else {
                counter.addError();
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

    /** An entry's outcome: its agreement and decision, or its error. */
    private record Result(Agreement agreement, Decision decision, RecordError error) {
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
    private <T, R> List<R> map(List<T> items, Function<T, R> f) {
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
            return new Result(null, null, invalid.error());
        }
        RegisterEntry.Valid valid = (RegisterEntry.Valid) entry;
        Agreement a = valid.agreement();
        try {
            Decision d = knowledgeBase.decideOne(a, asOf, level);
            if (d == null) {
                return new Result(null, null, new RecordError(valid.index(), a.id(), null, ErrorCode.NOT_DECIDED,
                        "no rule proposed an outcome for this agreement: the rules in use do not cover it"));
            }
            if (!valid.warnings().isEmpty()) {
                // what reading the record reinterpreted (a placeholder in a spreadsheet cell) comes first
                List<Warning> all = new ArrayList<>(valid.warnings());
                all.addAll(d.warnings());
                d = d.withTitleAndWarnings(d.title(), all);
            }
            // The one place an audit's trace is cut (the engine renders no step it would cut): sinks and
            // writers get it at the level asked for.
            return new Result(a, d, null);
        } catch (RuleTimeoutException e) {
            return new Result(null, null, new RecordError(valid.index(), a.id(), null, ErrorCode.RULE_TIMEOUT,
                    "not decided: " + e.getMessage()));
        } catch (RuntimeException e) {
            // A fault in one agreement's evaluation must not stop the others from being decided.
            return new Result(null, null, new RecordError(valid.index(), a.id(), null, ErrorCode.NOT_DECIDED,
                    "could not be evaluated: " + e.getMessage()));
        }
    }

    /** Builds a {@link DsaRules}. Every option has a sensible default: the default rules, today, all cores. */
    public static final class Builder {
        private final List<Path> overlayDirs = new ArrayList<>();
        private final List<RuleSource> overlaySources = new ArrayList<>();
        private Path rulesOnly;
        private final Set<String> disabled = new LinkedHashSet<>();
        private ClassLoader classLoader = DsaRules.class.getClassLoader();
        private Clock clock = Clock.system(ZONE);
        private boolean parallel = true;
        private Executor executor;
        private int maxIdleSessions = Runtime.getRuntime().availableProcessors();
        private java.time.Duration ruleTimeout;

        private Builder() {
        }

        /**
         * The most the rules may take to decide one agreement (default: no limit). A decision that takes
         * longer (a local rule whose code loops or waits) puts that agreement in error with code
         * {@code RULE_TIMEOUT}, naming the rule that was running, and the others are still decided; from
         * {@link DsaRules#decide} it is a {@link org.dsarules.exception.RuleTimeoutException}. With a
         * limit each decision runs on its session's own thread. A consequence looping in plain Java code
         * cannot be stopped: its (daemon) thread is left running and its session is never reused.
         *
         * @param limit more than zero, or null for no limit
         */
        public Builder ruleTimeout(java.time.Duration limit) {
            if (limit != null && (limit.isNegative() || limit.isZero())) {
                throw new IllegalArgumentException("ruleTimeout must be more than zero, not " + limit);
            }
            ruleTimeout = limit;
            return this;
        }

        /** Adds every {@code .drl} file under {@code dir} (recursively) to the default rules. Repeatable. */
        public Builder rules(Path dir) {
            overlayDirs.add(Objects.requireNonNull(dir, "dir"));
            return this;
        }

        /** Adds one rule file's text, known by {@code name} in errors and in the fingerprint. */
        public Builder rules(String name, String drl) {
            overlaySources.add(new RuleSource(Objects.requireNonNull(name, "name"), Objects.requireNonNull(drl, "drl")));
            return this;
        }

        /** Uses the {@code .drl} files under {@code dir} instead of the default rules. */
        public Builder rulesOnly(Path dir) {
            rulesOnly = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Switches off a rule by its name. Repeatable; an unknown name is an error when building. */
        public Builder disable(String ruleName) {
            disabled.add(Objects.requireNonNull(ruleName, "ruleName"));
            return this;
        }

        /** The class loader that sees the default knowledge base jar; by default this library's. */
        public Builder classLoader(ClassLoader loader) {
            classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** The clock that gives "today"; by default the system clock in Europe/London. */
        public Builder clock(Clock c) {
            clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** Whether audits decide records on all cores (default true). Output order never changes. */
        public Builder parallel(boolean p) {
            parallel = p;
            return this;
        }

        /**
         * The executor that parallel audits and {@code decideAll} run on, instead of the common fork-join
         * pool (for an application that sizes and names its own threads). The caller owns it: {@link
         * DsaRules#close()} does not shut it down.
         */
        public Builder executor(Executor e) {
            executor = Objects.requireNonNull(e, "executor");
            return this;
        }

        /**
         * How many Drools sessions to keep between decisions (default: the number of processors). More
         * are made while more threads decide at once, and disposed when they finish.
         */
        public Builder maxIdleSessions(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("maxIdleSessions must be 0 or more, not " + n);
            }
            maxIdleSessions = n;
            return this;
        }

        /**
         * Loads the knowledge base.
         *
         * @throws org.dsarules.exception.RuleCompilationException when a rule file does not compile or
         *         a rule breaks the metadata conventions (a rule lacks {@code @citation}, ...)
         * @throws org.dsarules.exception.UnknownRuleException when a disabled rule does not exist
         * @throws DsaRulesException when a rules directory cannot be read, or rule files are given but the
         *         run-time rule compiler (an optional dependency) is not on the class path
         */
        public DsaRules build() {
            List<RuleSource> overlays = new ArrayList<>();
            if (rulesOnly != null) {
                overlays.addAll(readDir(rulesOnly));
            }
            for (Path dir : overlayDirs) {
                overlays.addAll(readDir(dir));
            }
            overlays.addAll(overlaySources);
            KnowledgeBase kb = KnowledgeBase.load(classLoader, overlays, rulesOnly != null, disabled, maxIdleSessions);
            kb.ruleTimeout(ruleTimeout);
            return new DsaRules(kb, clock, parallel, executor);
        }

        private static boolean hidden(Path relative) {
            for (Path part : relative) {
                if (part.toString().startsWith(".")) {
                    return true;
                }
            }
            return false;
        }

        private static List<RuleSource> readDir(Path dir) {
            if (!Files.isDirectory(dir)) {
                throw new DsaRulesException(dir + ": not a directory of rule files");
            }
            try (Stream<Path> files = Files.walk(dir)) {
                // Hidden files and folders (".x.drl", ".git/...") are ignored, the same way for compiling,
                // the fingerprint and the catalogue, which all read this list.
                List<Path> drl = files.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p)
                        && !hidden(dir.relativize(p))).sorted().toList();
                List<RuleSource> out = new ArrayList<>();
                for (Path p : drl) {
                    String key = "rules/" + dir.relativize(p).toString().replace('\\', '/');
                    out.add(new RuleSource(p.toString(), key, Files.readString(p, StandardCharsets.UTF_8)));
                }
                return out;
            } catch (IOException | UncheckedIOException e) {
                throw new DsaRulesException(dir + ": cannot read rule files: " + e.getMessage(), e);
            }
        }
    }
}
