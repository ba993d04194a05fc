package org.dsarules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsarules.decision.Decision;
import org.dsarules.decision.KnowledgeBaseInfo;
import org.dsarules.exception.DsaRulesException;
import org.dsarules.exception.RuleCompilationException;
import org.dsarules.exception.RuleCompilationException.Problem;
import org.dsarules.model.Agreement;
import org.drools.compiler.kproject.models.KieBaseModelImpl;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.runtime.KieContainer;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * A built knowledge base: the Drools {@link KieBase} (immutable and shared), what each rule's metadata
 * says, and a pool of sessions. Built once, then safe to use from any number of threads: each
 * evaluation borrows a session that no other thread holds. At most {@code maxIdle} sessions are kept
 * between evaluations (more are made while more threads decide at once, and disposed when returned);
 * {@link #close()} disposes them all, after which an evaluation throws {@link IllegalStateException}.
 */
public final class KnowledgeBase implements AutoCloseable {

    /** Where the default knowledge base jar describes itself: name, version, kbase and its rule files. */
    public static final String DESCRIPTOR = "META-INF/dsa-rules/knowledge-base.properties";

    private static final Pattern RULE_DECL = Pattern.compile("(?m)^\\s*rule\\s+(\"([^\"]+)\"|(\\S+))");

    private final KieBase kieBase;
    private final KnowledgeBaseInfo info;
    private final List<RuleSource> sources;
    private final Set<String> disabled;
    private final Map<String, RuleInfo> rules;
    private final AgendaFilter filter;
    private final ConcurrentLinkedQueue<Evaluator> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final int maxIdle;
    private volatile boolean closed;
    private final Map<Rule, RuleInfo> byRule = new ConcurrentHashMap<>();

    private KnowledgeBase(KieBase kieBase, String name, String version, List<RuleSource> sources,
            Set<String> disabled, int maxIdle) {
        this.kieBase = kieBase;
        this.maxIdle = maxIdle;
        this.sources = List.copyOf(sources);
        this.disabled = Set.copyOf(disabled);
        Map<String, Integer> ranks = ranks(this.sources);
        Map<String, RuleInfo> all = new LinkedHashMap<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                all.put(r.getName(), RuleInfo.of(r, ranks.getOrDefault(r.getName(), Integer.MAX_VALUE)));
            }
        }
        this.rules = Map.copyOf(all);
        this.info = new KnowledgeBaseInfo(name, version, fingerprint(this.sources, this.disabled));
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
     * @throws RuleCompilationException when a rule file does not compile or a rule lacks {@code @citation}
     */
    public static KnowledgeBase load(ClassLoader loader, List<RuleSource> overlays, boolean rulesOnly,
            Collection<String> disabled, int maxIdle) {
        List<RuleSource> sources = new ArrayList<>();
        String name;
        String version;
        KieBase kieBase;
        if (rulesOnly) {
            if (overlays.isEmpty()) {
                throw new DsaRulesException("no rule files to use: the rules-only directory holds no .drl file");
            }
            sources.addAll(overlays);
            name = "local";
            version = "unversioned";
            kieBase = compile(sources);
        } else {
            Properties descriptor = descriptor(loader);
            name = descriptor.getProperty("name");
            version = descriptor.getProperty("version");
            sources.addAll(defaultSources(loader, descriptor));
            if (overlays.isEmpty()) {
                // The precompiled executable model: no DRL is parsed or compiled here.
                Map<String, Integer> ranks = ranks(sources);
                kieBase = ExecutableModel.load(loader, descriptor, n -> ranks.getOrDefault(n, Integer.MAX_VALUE));
            } else {
                sources.addAll(overlays);
                name = name + "+overlay";
                kieBase = compile(sources);
            }
        }
        KnowledgeBase kb = new KnowledgeBase(kieBase, name, version, sources, new TreeSet<>(disabled), maxIdle);
        kb.check();
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
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
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

    /** Gives each run-time build its own release id, so that removing one from Drools' repository never removes another. */
    private static final AtomicLong BUILDS = new AtomicLong();

    private static final Pattern PACKAGE_DECL = Pattern.compile("(?m)^\\s*package\\s+([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)");

    private static KieBase compile(List<RuleSource> sources) {
        RuleCompilerSupport.require();
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("org.dsarules.runtime", "rules",
                fingerprint(sources, Set.of()).substring(7, 19) + "-" + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        Map<String, String> shownAs = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            RuleSource s = sources.get(i);
            // Each file sits in the folder of the package it declares (Drools warns about every file whose
            // folder and package differ), its name numbered so that two files of one name never collide.
            Matcher pkg = PACKAGE_DECL.matcher(s.text());
            String folder = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
            String path = "src/main/resources/" + folder + "r" + i + "-" + fileName(s.name());
            shownAs.put(path, s.name());
            kfs.write(path, s.bytes());
        }
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            // Some constructs the executable model cannot represent are thrown, not reported.
            throw new RuleCompilationException(List.of(new Problem(sources.size() == 1 ? sources.get(0).name()
                    : "(rules)", 0, 0, String.valueOf(e.getMessage()))));
        }
        List<Problem> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = m.getPath() == null ? "" : m.getPath();
            String file = shownAs.entrySet().stream().filter(e -> e.getKey().endsWith(path) || path.endsWith(
                    e.getKey().substring("src/main/resources/".length()))).map(Map.Entry::getValue).findFirst()
                    .orElse(path);
            String text = m.getText().replaceAll("\\s+", " ").strip();
            int line = m.getLine();
            if (line <= 0) {
                // The executable-model compiler reports some errors without a position: point at the
                // first line of the file that names what the message names.
                String fileText = sources.stream().filter(s -> s.name().equals(file)).map(RuleSource::text)
                        .findFirst().orElse("");
                line = guessLine(fileText, text);
            }
            problems.add(new Problem(file, Math.max(line, 0), Math.max(m.getColumn(), 0), text));
        }
        if (problems.size() > 1) {
            // Drools adds this after a syntax error it has already reported: it says nothing more.
            problems.removeIf(p -> p.message().contains("Parser returned a null Package"));
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        try {
            // Not the container's own KieBase: the same executable model, with the rules added in the order
            // of the rule files, as for the precompiled rules (ExecutableModel.build says why).
            KieContainer container = ks.newKieContainer(releaseId);
            CanonicalKieModule module = (CanonicalKieModule) builder.getKieModule();
            KieBaseModelImpl kbase = (KieBaseModelImpl) module.getKieModuleModel().getKieBaseModels().values()
                    .iterator().next();
            Map<String, Integer> ranks = ranks(sources);
            KieBase kieBase = ExecutableModel.build(module.getModelForKBase(kbase),
                    n -> ranks.getOrDefault(n, Integer.MAX_VALUE), module.getModuleClassLoader());
            container.dispose();
            return kieBase;
        } finally {
            // buildAll registered the module in Drools' JVM-wide repository; the KieBase no longer needs it
            // there, and left registered it would stay for the life of the JVM (about 5 MiB per build).
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    private static final Pattern NAMED = Pattern.compile(
            "(?:field|method|symbol|type|ObjectType|variable|class|rule)\\s+'?\"?([A-Za-z_$][\\w$]*)|'([^']+)'");

    static int guessLine(String fileText, String message) {
        Matcher m = NAMED.matcher(message);
        while (m.find()) {
            String token = m.group(1) != null ? m.group(1) : m.group(2);
            if (token.equals("class") || token.length() < 2) {
                continue;
            }
            Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(token) + "(?![\\w$])");
            String[] lines = fileText.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i].strip();
                if (l.startsWith("//") || l.startsWith("import ") || l.startsWith("package ")) {
                    continue;
                }
                if (word.matcher(lines[i]).find()) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    private static String fileName(String name) {
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        return n.endsWith(".drl") ? n : n + ".drl";
    }

    private static Map<String, Integer> ranks(List<RuleSource> sources) {
        List<RuleSource> sorted = new ArrayList<>(sources);
        sorted.sort(Comparator.comparing(RuleSource::key));
        Map<String, Integer> ranks = new java.util.HashMap<>();
        for (RuleSource s : sorted) {
            Matcher m = RULE_DECL.matcher(s.text());
            while (m.find()) {
                ranks.putIfAbsent(m.group(2) != null ? m.group(2) : m.group(3), ranks.size());
            }
        }
        return ranks;
    }

    /** Conventions Drools does not check: every rule cites its source; every disabled rule exists. */
    private void check() {
        List<Problem> problems = new ArrayList<>();
        for (RuleInfo r : rules.values()) {
            if (r.citations().isEmpty()) {
                Location at = locate(r.name());
                problems.add(new Problem(at.file, at.line, 0, "rule \"" + r.name()
                        + "\" has no @citation metadata: every rule must cite where its criterion comes from"));
            }
        }
        for (String d : disabled) {
            if (!rules.containsKey(d)) {
                problems.add(new Problem("--disable", 0, 0, "no rule is named \"" + d + "\""
                        + Suggest.nearest(d, rules.keySet()).map(s -> " (did you mean \"" + s + "\"?)").orElse("")));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
    }

    private record Location(String file, int line) {
    }

    private Location locate(String ruleName) {
        for (RuleSource s : sources) {
            Matcher m = RULE_DECL.matcher(s.text());
            while (m.find()) {
                String n = m.group(2) != null ? m.group(2) : m.group(3);
                if (n.equals(ruleName)) {
                    int line = 1;
                    for (int i = 0; i < m.start(1); i++) {
                        if (s.text().charAt(i) == '\n') {
                            line++;
                        }
                    }
                    return new Location(s.name(), line);
                }
            }
        }
        return new Location("(unknown file)", 0);
    }

    /** SHA-256 over the rule sources (sorted by key; each as key, length and text) and the disabled rule names. */
    static String fingerprint(List<RuleSource> sources, Set<String> disabled) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<RuleSource> sorted = new ArrayList<>(sources);
            sorted.sort(Comparator.comparing(RuleSource::key));
            for (RuleSource s : sorted) {
                byte[] text = s.text().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
                md.update((s.key().replace('\\', '/') + "\n" + text.length + "\n").getBytes(StandardCharsets.UTF_8));
                md.update(text);
            }
            for (String d : new TreeSet<>(disabled)) {
                md.update(("disabled " + d + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
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
        return ExecutableModel.withDroolsContext(() -> decideInContext(agreement, asOf));
    }

    private Decision decideInContext(Agreement agreement, LocalDate asOf) {
        if (closed) {
            throw new IllegalStateException("this DsaRules instance is closed: build a new one to decide again");
        }
        Evaluator e = idle.poll();
        if (e != null) {
            idleCount.decrementAndGet();
        } else {
            e = new Evaluator(kieBase.newKieSession(), new TraceRecorder(this::infoOf), filter, this::where);
        }
        boolean healthy = false;
        try {
            Decision d = e.decide(agreement, asOf);
            healthy = true;
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
        Location at = locate(ruleName);
        return at.line > 0 ? at.file + ":" + at.line : at.file;
    }

    private RuleInfo infoOf(Rule rule) {
        return byRule.computeIfAbsent(rule, r -> rules.getOrDefault(r.getName(), RuleInfo.of(r, Integer.MAX_VALUE)));
    }
}
