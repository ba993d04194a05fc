package org.dsarules;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.decision.DecisionStats;
import org.dsarules.decision.KnowledgeBaseInfo;
import org.dsarules.decision.Summary;
import org.dsarules.decision.TraceLevel;
import org.dsarules.engine.AuditPipeline;
import org.dsarules.engine.AuditSink;
import org.dsarules.engine.CollectingSink;
import org.dsarules.engine.KnowledgeBase;
import org.dsarules.engine.Observation;
import org.dsarules.engine.RuleFiles;
import org.dsarules.engine.RuleSource;
import org.dsarules.exception.DsaRulesException;
import org.dsarules.internal.JacksonSupport;
import org.dsarules.model.Agreement;
import org.dsarules.register.RegisterFiles;
import org.dsarules.register.RegisterSource;
import org.dsarules.register.json.RegisterReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(DsaRules.class);

    /** The zone in which "today" is taken: the policy is England's. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private final KnowledgeBase knowledgeBase;
    private final Clock clock;
    private final AuditPipeline pipeline;
    private final Observation observation;
    private final RegisterReader reader = RegisterReader.defaults();

    private DsaRules(KnowledgeBase knowledgeBase, Clock clock, boolean parallel, Executor executor,
            Observation observation) {
        this.knowledgeBase = knowledgeBase;
        this.clock = clock;
        this.observation = observation;
        this.pipeline = new AuditPipeline(knowledgeBase, parallel, executor, observation);
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
        long start = observation.start();
        Decision d;
        try {
            d = knowledgeBase.decideOne(agreement, asOf);
        } catch (RuntimeException e) {
            observation.failed(observation.since(start));
            throw e;
        }
        if (d == null) {
            observation.failed(observation.since(start));
            throw new DsaRulesException("no rule proposed an outcome for agreement \"" + agreement.id() + "\"");
        }
        observation.decided(agreement, d, observation.since(start));
        return d;
    }

    /**
     * What this instance has decided so far: decisions by outcome, errors, time spent deciding. All zero
     * unless the builder's {@link Builder#recordStats()} was called.
     *
     * @return a snapshot, which does not change as more decisions are made
     */
    public DecisionStats stats() {
        return observation.snapshot();
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
        return pipeline.map(all, a -> decide(a, asOf));
    }

    /**
     * Reads a register file (JSON; CSV for a {@code .csv} file, a workbook for an {@code .xlsx} file, which
     * needs the optional Apache POI) and decides every valid record. Records
     * that are invalid or cannot be evaluated are in the result's errors.
     *
     * @throws org.dsarules.exception.RegisterFormatException when the file is missing, unreadable or not a
     *         register as a whole (not valid JSON, no {@code agreements} array, a CSV or sheet without its
     *         header row)
     */
    public AuditResult audit(Path register, LocalDate asOf) {
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(asOf, "asOf");
        try (RegisterSource source = RegisterFiles.open(register)) {
            return collect(source, asOf, TraceLevel.FULL);
        }
    }

    /**
     * Decides every valid record of {@code source} (JSON, CSV or xlsx), with full traces. Records that are invalid
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
        return pipeline.audit(source, asOf, traceLevel, sink);
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
        private BiConsumer<Agreement, Decision> onDecision;
        private boolean recordStats;
        private java.time.Duration ruleTimeout;
        /** The catalogue asked for; null for the default (see {@link #catalogue(org.dsarules.catalogue.Catalogue)}). */
        private org.dsarules.catalogue.Catalogue catalogue;

        private Builder() {
        }

        /**
         * The catalogue of known programmes ({@code record-format.md} v1.2) that fills, before deciding, the
         * fields an agreement leaves not known when its programme or title resolves to an entry; the decision
         * then says so ({@link Decision#catalogue()}, and a trace step per filled field). By default the
         * catalogue shipped in dsa-rules-kb is used whenever it is on the class path (so an embedding
         * application and {@code dsa-audit} decide alike), except with {@link #rulesOnly}, whose own rules
         * may not explain filled facts; give {@code Catalogue.shipped(loader).withLocal(Catalogue.read(file))}
         * to add an LMC's entries.
         */
        public Builder catalogue(org.dsarules.catalogue.Catalogue c) {
            catalogue = Objects.requireNonNull(c, "catalogue");
            return this;
        }

        /** Decides on the register's facts alone, without the catalogue of known programmes. */
        public Builder noCatalogue() {
            catalogue = org.dsarules.catalogue.Catalogue.empty();
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
         * Calls {@code listener} with every decision this instance makes, and the agreement it decided: by
         * {@code decide} and {@code decideAll} on the thread that decided (several at once when parallel),
         * by an audit on the auditing thread in input order, before the sink gets it. For decision logs.
         * Records that get no decision (an audit's record errors) are not passed. The listener must be
         * thread-safe and quick; an exception it throws reaches the caller of the decision. Repeating
         * replaces the listener.
         *
         * @param listener called with the agreement and its decision
         * @return this builder
         */
        public Builder onDecision(BiConsumer<Agreement, Decision> listener) {
            onDecision = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Counts decisions by outcome, errors and time spent deciding, for {@link DsaRules#stats()} (off by
         * default: then stats are all zero and nothing is timed).
         *
         * @return this builder
         */
        public Builder recordStats() {
            recordStats = true;
            return this;
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
         * @return this builder
         */
        public Builder ruleTimeout(java.time.Duration limit) {
            if (limit != null && (limit.isNegative() || limit.isZero())) {
                throw new IllegalArgumentException("ruleTimeout must be more than zero, not " + limit);
            }
            ruleTimeout = limit;
            return this;
        }

        /**
         * Loads the knowledge base.
         *
         * @throws org.dsarules.exception.RuleCompilationException when a rule file does not compile or
         *         a rule breaks the metadata conventions (a rule lacks {@code @citation}, ...)
         * @throws org.dsarules.exception.UnknownRuleException when a disabled rule does not exist
         * @throws DsaRulesException when a rules directory cannot be read, or rule files are given but the
         *         run-time rule compiler (an optional dependency) is not on the class path, or the Jackson
         *         on the class path is older than the library supports (2.16)
         * @throws org.dsarules.catalogue.CatalogueException when the shipped catalogue is on the class path but
         *         one of its files is bad
         */
        public DsaRules build() {
            // Before anything reads JSON: an old Jackson would fail later, on the first read, with a
            // NoSuchMethodError that names no version.
            JacksonSupport.checkVersion();
            List<RuleSource> overlays = new ArrayList<>();
            if (rulesOnly != null) {
                overlays.addAll(RuleFiles.readDir(rulesOnly));
            }
            for (Path dir : overlayDirs) {
                overlays.addAll(RuleFiles.readDir(dir));
            }
            overlays.addAll(overlaySources);
            KnowledgeBase kb = KnowledgeBase.load(classLoader, overlays, rulesOnly != null, disabled, maxIdleSessions);
            kb.ruleTimeout(ruleTimeout);
            kb.catalogue(catalogue != null ? catalogue
                    : rulesOnly == null && classLoader.getResource(org.dsarules.catalogue.Catalogue.SHIPPED_INDEX) != null
                            ? org.dsarules.catalogue.Catalogue.shipped(classLoader)
                            : org.dsarules.catalogue.Catalogue.empty());
            KnowledgeBaseInfo info = kb.info();
            LOG.info("dsa-rules: knowledge base {} {} ({}), {} rules", info.name(), info.version(), info.fingerprint(),
                    kb.rules().size());
            return new DsaRules(kb, clock, parallel, executor, new Observation(onDecision, recordStats));
        }
    }
}
