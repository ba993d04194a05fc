package org.dsarules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.dsarules.catalogue.Catalogue;
import org.dsarules.catalogue.CatalogueFill;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Warnings;
import org.dsarules.decision.KnowledgeBaseInfo;
import org.dsarules.decision.TraceLevel;
import org.dsarules.exception.DsaRulesException;
import org.dsarules.exception.RuleCompilationException;
import org.dsarules.exception.RuleCompilationException.Problem;
import org.dsarules.exception.UnknownRuleException;
import org.dsarules.internal.Suggest;
import org.dsarules.model.Agreement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * A built knowledge base: the Drools {@link KieBase} (immutable and shared), what each rule's metadata
 * says, and a pool of sessions. Built once, then safe to use from any number of threads: each
 * evaluation borrows a session that no other thread holds.
 */
public final class KnowledgeBase implements AutoCloseable {

    /** Where the default knowledge base jar describes itself: name, version, kbase and its rule files. */
    public static final String DESCRIPTOR = "META-INF/dsa-rules/knowledge-base.properties";

    private final KieBase kieBase;
    private final KnowledgeBaseInfo info;
    private final List<RuleSource> sources;
    private final RuleIndex index;
    private final Set<String> disabled;
    private final Map<String, RuleInfo> rules;
    private final AgendaFilter filter;
    private final ConcurrentLinkedQueue<Evaluator> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final int maxIdle;
    /** Whether rules were compiled at run time (local rules, whose code could call System.exit). */
    private boolean localRules;
    /** The most one decision may take, or null for no limit. */
    private volatile Duration ruleTimeout;
    /** The catalogue of known programmes that fills an agreement before it is decided; empty for none. */
    private volatile Catalogue catalogue = Catalogue.empty();
    private volatile boolean closed;
    private final Map<Rule, RuleInfo> byRule = new ConcurrentHashMap<>();
    /** What {@link RuleLint} found in rules compiled at run time; empty for the precompiled rules, which lint clean. */
    private volatile List<RuleLint.Warning> lintWarnings = List.of();

    private KnowledgeBase(KieBase kieBase, String name, String version, RuleIndex index, Set<String> disabled,
            int maxIdle) {
        this.kieBase = kieBase;
        this.maxIdle = maxIdle;
        this.index = index;
        this.sources = index.sources();
        this.disabled = Set.copyOf(disabled);
        Map<String, RuleInfo> all = new LinkedHashMap<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                all.put(r.getName(), RuleInfo.of(r, index.rank(r.getName())));
            }
        }
        this.rules = Map.copyOf(all);
        this.info = new KnowledgeBaseInfo(name, version, index.fingerprint(this.disabled));
        Set<String> off = this.disabled;
        this.filter = off.isEmpty() ? match -> true : match -> !off.contains(match.getRule().getName());
    }

    /**
     * Loads the knowledge base.
     *
     * @param loader   the class loader that sees the default knowledge base jar
     * @param overlays rule files to add to the default ones (or to use alone when {@code rulesOnly})
     * @param rulesOnly use {@code overlays} instead of the default rules
     * @param disabled names of rules that must not fire
     * @param maxIdle  how many sessions to keep between evaluations
     * @throws RuleCompilationException when a rule file does not compile or breaks the metadata conventions
     *         ({@link RuleCompiler#check})
     * @throws UnknownRuleException when a rule to disable does not exist
     */
    public static KnowledgeBase load(ClassLoader loader, List<RuleSource> overlays, boolean rulesOnly,
            Collection<String> disabled, int maxIdle) {
        List<RuleSource> sources = new ArrayList<>();
        String name;
        String version;
        KieBase kieBase;
        RuleIndex index;
        if (rulesOnly) {
            if (overlays.isEmpty()) {
                throw new DsaRulesException("no rule files to use: the rules-only directory holds no .drl file");
            }
            sources.addAll(overlays);
            name = "local";
            version = "unversioned";
            index = RuleIndex.of(sources);
            kieBase = RuleCompiler.compile(index);
        } else {
            Properties descriptor = descriptor(loader);
            name = descriptor.getProperty("name");
            version = descriptor.getProperty("version");
            sources.addAll(defaultSources(loader, descriptor));
            if (overlays.isEmpty()) {
                // The precompiled executable model: no DRL is parsed or compiled here.
                index = RuleIndex.of(sources);
                kieBase = ExecutableModel.load(loader, descriptor, index::rank);
            } else {
                sources.addAll(overlays);
                name = name + "+overlay";
                index = RuleIndex.of(sources);
                kieBase = RuleCompiler.compile(index);
            }
        }
        KnowledgeBase kb = new KnowledgeBase(kieBase, name, version, index, new TreeSet<>(disabled), maxIdle);
        kb.localRules = !overlays.isEmpty();
        kb.check();
        if (rulesOnly || !overlays.isEmpty()) {
            // Every build of rule files at run time is linted: rules that compile but can never fire as
            // written are warned about, never refused (dsa-audit prints them; rules --lint --strict fails).
            kb.lintWarnings = RuleLint.lint(index);
        }
        return kb;
    }

    /** The default rule files, as the knowledge base jar lists them. */
    public static List<RuleSource> defaultSources(ClassLoader loader) {
        return defaultSources(loader, descriptor(loader));
    }

    private static Properties descriptor(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(DESCRIPTOR)) {
            if (in == null) {
                throw new DsaRulesException("the default knowledge base is not on the class path (no " + DESCRIPTOR
                        + "): add the dsa-rules-kb jar, or use rules-only");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<RuleSource> defaultSources(ClassLoader loader, Properties descriptor) {
        List<RuleSource> out = new ArrayList<>();
        for (String path : descriptor.getProperty("rules", "").split(",")) {
            String p = path.strip();
            if (p.isEmpty()) {
                continue;
            }
            try (InputStream in = loader.getResourceAsStream(p)) {
                if (in == null) {
                    throw new DsaRulesException("the knowledge base lists " + p + " but the jar does not hold it");
                }
                out.add(new RuleSource(p, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * What the index checked before compiling, checked again on the compiled rules (every rule cites its
     * source), and every disabled rule exists.
     */
    private void check() {
        List<Problem> problems = new ArrayList<>();
        for (RuleInfo r : rules.values()) {
            if (r.citations().isEmpty()) {
                RuleIndex.IndexedRule at = index.rule(r.name()).orElse(null);
                problems.add(new Problem(at == null ? "(unknown file)" : at.file(), at == null ? 0 : at.line(),
                        at == null ? 0 : at.column(), "rule \"" + r.name()
                        + "\" has no @citation metadata: every rule must cite where its criterion comes from"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        List<UnknownRuleException.Unknown> unknown = new ArrayList<>();
        for (String d : disabled) {
            if (!rules.containsKey(d)) {
                unknown.add(new UnknownRuleException.Unknown(d, Suggest.nearest(d, rules.keySet()).orElse(null)));
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownRuleException(unknown);
        }
    }

    /**
     * The warnings of {@link RuleLint} about the rule files compiled at run time (overlays, rules-only), each
     * at its file and line; empty for the default rules alone, whose own tests keep them clean.
     */
    public List<RuleLint.Warning> lintWarnings() {
        return lintWarnings;
    }

    /** The index of the rule files in use: each rule's file, line, package and declared metadata. */
    public RuleIndex index() {
        return index;
    }

    public KnowledgeBaseInfo info() {
        return info;
    }

    /** Every rule, by name, with its metadata. */
    public Map<String, RuleInfo> rules() {
        return rules;
    }

    public List<RuleSource> sources() {
        return sources;
    }

    public Set<String> disabled() {
        return disabled;
    }

    /**
     * Decides one agreement on a borrowed session; null when no rule proposed an outcome.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public Decision decideOne(Agreement agreement, LocalDate asOf) {
        return decideOne(agreement, asOf, TraceLevel.FULL);
    }

    /**
     * Decides one agreement with its trace built only as far as {@code level} needs: the same decision as
     * {@code decideOne(agreement, asOf).withTrace(level)}, without rendering the steps that would be cut.
     */
    public Decision decideOne(Agreement agreement, LocalDate asOf, TraceLevel level) {
        return ExecutableModel.withDroolsContext(() -> decideInContext(agreement, asOf, level));
    }

    private Decision decideInContext(Agreement agreement, LocalDate asOf, TraceLevel level) {
        if (closed) {
            throw new IllegalStateException("this DsaRules instance is closed: build a new one to decide again");
        }
        Evaluator e = idle.poll();
        if (e != null) {
            idleCount.decrementAndGet();
        } else {
            e = new Evaluator(kieBase.newKieSession(), new TraceRecorder(this::infoOf), filter, this::where, localRules);
        }
        boolean healthy = false;
        try {
            // The one place every path (decide, decideAll, an audit, a caller of this class) fills an agreement
            // from the catalogue of known programmes (record-format.md v1.2): the rules decide the filled
            // agreement, each filled field is a FromCatalogue fact beside it (so that a rule puts it in the
            // trace), and the register's own agreement is never changed.
            CatalogueFill fill = catalogue.isEmpty() ? null : catalogue.fill(agreement).orElse(null);
            Agreement toDecide = fill == null ? agreement : fill.agreement();
            List<?> facts = fill == null ? List.of() : fill.facts();
            Decision d = ruleTimeout == null ? e.decide(toDecide, facts, asOf, level)
                    : e.decideWithin(toDecide, facts, asOf, level, ruleTimeout);
            healthy = true;
            if (d == null) {
                return null;
            }
            // Warnings are about the register as typed (a placeholder the catalogue filled is still in the register).
            d = Warnings.annotate(d, agreement, asOf);
            if (fill != null) {
                List<org.dsarules.decision.Warning> all = new ArrayList<>(d.warnings());
                all.addAll(fill.warnings());
                d = d.withTitleAndWarnings(d.title(), all).withCatalogue(fill.use());
            }
            return d;
        } finally {
            release(e, healthy);
        }
    }

    /** Keeps a healthy session for the next evaluation while fewer than {@code maxIdle} are kept; disposes the rest. */
    private void release(Evaluator e, boolean healthy) {
        if (healthy && !closed && idleCount.incrementAndGet() <= maxIdle) {
            idle.offer(e);
            if (closed) {
                disposeIdle(); // close() ran between the check and the offer
            }
            return;
        }
        if (healthy && !closed) {
            idleCount.decrementAndGet();
        }
        e.close();
    }

    private void disposeIdle() {
        for (Evaluator e = idle.poll(); e != null; e = idle.poll()) {
            idleCount.decrementAndGet();
            e.close();
        }
    }

    /**
     * Disposes every kept session; sessions in use are disposed when their evaluation ends. Idempotent.
     * The shared {@link KieBase} itself holds nothing else of this instance.
     */
    @Override
    public void close() {
        closed = true;
        ExecutableModel.withDroolsContext(() -> {
            disposeIdle();
            return null;
        });
    }

    /**
     * Sets the most one decision may take (null for no limit, the default): a decision that takes longer
     * throws {@link org.dsarules.exception.RuleTimeoutException}, and its session is abandoned. With a limit
     * each decision runs on its session's own thread.
     */
    public void ruleTimeout(Duration limit) {
        if (limit != null && (limit.isNegative() || limit.isZero())) {
            throw new IllegalArgumentException("the rule time limit must be more than zero, not " + limit);
        }
        ruleTimeout = limit;
    }

    /**
     * Sets the catalogue of known programmes that fills each agreement's unknown fields before it is decided
     * ({@link Catalogue#empty()} for none, the default of this class; {@link org.dsarules.DsaRules.Builder}
     * sets the shipped one).
     */
    public void catalogue(Catalogue c) {
        catalogue = java.util.Objects.requireNonNull(c, "catalogue");
    }

    /** The catalogue of known programmes in use; empty when none is. */
    public Catalogue catalogue() {
        return catalogue;
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed;
    }

    /** How many sessions are kept between evaluations now (for tests and the heap benchmark). */
    public int idleSessions() {
        return idleCount.get();
    }

    /** How many sessions of the underlying Drools knowledge base are open, over every instance that shares it. */
    public int openDroolsSessions() {
        return kieBase.getKieSessions().size();
    }

    /** Where a rule is declared, as {@code file:line}, for messages about it. */
    String where(String ruleName) {
        return index.rule(ruleName).map(r -> r.file() + ":" + r.line()).orElse("(unknown file)");
    }

    private RuleInfo infoOf(Rule rule) {
        return byRule.computeIfAbsent(rule, r -> rules.getOrDefault(r.getName(), RuleInfo.of(r, Integer.MAX_VALUE)));
    }
}
