package org.dsarules.engine;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsarules.engine.RuleIndex.IndexedRule;
import org.dsarules.engine.RuleIndex.Metadata;
import org.dsarules.exception.RuleCompilationException;
import org.dsarules.exception.RuleCompilationException.Problem;
import org.drools.compiler.kproject.models.KieBaseModelImpl;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles rule files at run time, and checks what Drools does not: the project's metadata
 * conventions, read from the {@link RuleIndex} before anything is compiled, each at its own line.
 * Compiler errors are reported at the DRL file, line and column of their cause (see
 * {@link CompileErrors}), never as generated Java.
 */
final class RuleCompiler {

    /** The metadata keys whose values are dates (YYYY-MM-DD): the days between which a dated rule can fire. */
    static final String IN_FORCE_FROM = "inForceFrom";
    static final String IN_FORCE_UNTIL = "inForceUntil";

    /** The longest rule name accepted: a name is an id that people read in traces and reports. */
    static final int MAX_NAME = 200;
    /** The longest metadata value accepted: Java's constant pool holds at most 65,535 bytes per string. */
    static final int MAX_METADATA = 10_000;

    private RuleCompiler() {
    }

    /**
     * The problems the index shows without compiling: rule names used twice, comments that never end,
     * and the metadata conventions (every rule cites its source; {@code @policyRow} is a number; a rule
     * that proposes an outcome has a {@code @policyRow}; dates are dates).
     */
    static List<Problem> check(RuleIndex index) {
        List<Problem> problems = new ArrayList<>();
        for (RuleIndex.Problem p : index.problems()) {
            problems.add(new Problem(p.source().name(), p.line(), p.column(), p.message()));
        }
        for (IndexedRule r : index.rules()) {
            String name = Messages.quoted(r.name());
            if (r.name().length() > MAX_NAME) {
                // The compiler would fail on it in the Java it generates, far from the cause.
                problems.add(new Problem(r.file(), r.line(), r.column(), "rule " + name + ": a rule's name is its id"
                        + " and must be at most " + MAX_NAME + " characters long"));
            }
            for (Metadata m : r.metadata()) {
                if (m.value() != null && m.value().length() > MAX_METADATA) {
                    problems.add(new Problem(r.file(), m.line(), m.column(), "rule " + name + ": @" + m.key()
                            + " is " + m.value().length() + " characters long; a metadata value must be at most "
                            + MAX_METADATA + " characters"));
                }
            }
            if (r.meta(RuleInfo.CITATION).map(Metadata::value).filter(v -> !v.isBlank()).isEmpty()) {
                problems.add(new Problem(r.file(), r.line(), r.column(), "rule " + name
                        + " has no @citation metadata: every rule must cite where its criterion comes from,"
                        + " e.g. @citation(\"UK GDPR 5(2) | Campaign\")"));
            }
            Metadata row = r.meta(RuleInfo.POLICY_ROW).orElse(null);
            if (row != null && !isNumber(row.value())) {
                problems.add(new Problem(r.file(), row.line(), row.column(), "rule " + name + ": @policyRow("
                        + (row.quoted() ? Messages.quoted(row.value()) : Messages.shown(row.value()))
                        + ") is not a number; write the row as in decision-policy.md, e.g. @policyRow(\"10\") or"
                        + " @policyRow(\"8.5\")"));
            }
            if (row == null && r.proposes() != null) {
                problems.add(new Problem(r.file(), r.line(), r.column(), "rule " + name + " proposes an outcome ("
                        + r.proposes() + ") but has no @policyRow: add the row of decision-policy.md it decides at,"
                        + " e.g. @policyRow(\"8.5\")"));
            }
            for (String key : List.of(IN_FORCE_FROM, IN_FORCE_UNTIL)) {
                r.meta(key).ifPresent(m -> {
                    if (date(m.value()) == null) {
                        problems.add(new Problem(r.file(), m.line(), m.column(), "rule " + name + ": @" + key + "("
                                + Messages.quoted(m.value()) + ") is not a YYYY-MM-DD date"));
                    }
                });
            }
        }
        return problems;
    }

    static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value == null ? "" : value.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Throws every problem of {@link #check} at once, if any. */
    static void checkOrThrow(RuleIndex index) {
        List<Problem> problems = check(index);
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(CompileErrors.bounded(problems));
        }
    }

    /**
     * Compiles every source of {@code index} into a new knowledge base (after {@link #checkOrThrow}).
     * Each source is written under a generated, never hidden, file name, so every source given is
     * compiled whatever it is called.
     */
    static KieBase compile(RuleIndex index) {
        RuleCompilerSupport.require();
        checkOrThrow(index);
        List<RuleSource> sources = index.sources();
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("org.dsarules.runtime", "rules",
                index.fingerprint(Set.of()).substring(7, 19) + "-" + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            String path = path(sources.get(i).text(), i);
            paths.add(path);
            kfs.write(path, withDefaultImports(sources.get(i).text()).getBytes(StandardCharsets.UTF_8));
        }
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            // Some constructs the executable model cannot represent are thrown, not reported.
            throw new RuleCompilationException(CompileErrors.bounded(List.of(CompileErrors.thrown(index, e))));
        }
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(CompileErrors.bounded(
                    CompileErrors.of(index, paths, errors, RuleCompiler::errorsOf)));
        }
        try {
            // Not the container's own KieBase: the same executable model, with the rules added in the order
            // of the rule files, as for the precompiled rules (ExecutableModel.build says why).
            KieContainer container = ks.newKieContainer(releaseId);
            CanonicalKieModule module = (CanonicalKieModule) builder.getKieModule();
            KieBaseModelImpl kbase = (KieBaseModelImpl) module.getKieModuleModel().getKieBaseModels().values()
                    .iterator().next();
            KieBase kieBase = ExecutableModel.build(module.getModelForKBase(kbase), index::rank,
                    module.getModuleClassLoader());
            container.dispose();
            return kieBase;
        } finally {
            // buildAll registered the module in Drools' JVM-wide repository; the KieBase no longer needs it
            // there, and left registered it would stay for the life of the JVM (about 5 MiB per build).
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    /** Gives each run-time build its own release id, so that removing one from Drools' repository never removes another. */
    private static final AtomicLong BUILDS = new AtomicLong();

    private static final Pattern PACKAGE_DECL =
            Pattern.compile("(?m)^\\s*package\\s+([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)");

    /**
     * Where source number {@code i} is written: {@code r<i>.drl} in the folder of the package it declares,
     * because Drools warns about every file whose folder and package differ (nine warnings per overlay
     * build before). {@link CompileErrors} finds the source again by the number.
     */
    static String path(String drl, int i) {
        Matcher pkg = PACKAGE_DECL.matcher(drl);
        String folder = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
        return "src/main/resources/" + folder + "r" + i + ".drl";
    }

    /** The errors of one DRL text compiled alone (no knowledge base is kept). */
    private static List<Message> errorsOf(String drl) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(ks.newReleaseId("org.dsarules.runtime", "isolated", "1"));
        kfs.write(path(drl, 0), withDefaultImports(drl).getBytes(StandardCharsets.UTF_8));
        try {
            return ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class).getResults()
                    .getMessages(Message.Level.ERROR);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * {@code drl} with the imports every rule file may rely on ({@link FactTypes#DEFAULT_IMPORTS}: the
     * facts, the model, {@code Outcome}, {@code LocalDate}) added on the line of its package declaration,
     * or before its first line when it has none, so that every line keeps its number.
     */
    static String withDefaultImports(String drl) {
        StringBuilder imports = new StringBuilder();
        for (String i : FactTypes.DEFAULT_IMPORTS) {
            imports.append(" import ").append(i).append(';');
        }
        List<DrlScanner.Token> tokens = DrlScanner.scan(drl).tokens();
        for (int i = 0; i < tokens.size(); i++) {
            DrlScanner.Token t = tokens.get(i);
            if (t.is("package") && t.kind() == DrlScanner.Kind.WORD) {
                int j = i + 1;
                while (j < tokens.size() && tokens.get(j).line() == t.line() && !tokens.get(j).is(";")) {
                    j++;
                }
                boolean semicolon = j < tokens.size() && tokens.get(j).is(";") && tokens.get(j).line() == t.line();
                int at = semicolon ? tokens.get(j).end() : tokens.get(j - 1).end();
                return drl.substring(0, at) + (semicolon ? "" : ";") + imports + drl.substring(at);
            }
            if (!t.is("package")) {
                break;
            }
        }
        return imports.substring(1) + " " + drl;
    }
}
