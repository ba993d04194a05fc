package org.dsarules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.decision.TraceStep;
import org.dsarules.engine.KnowledgeBase;
import org.dsarules.exception.DsaRulesException;
import org.dsarules.kb.scenario.Scenario;
import org.dsarules.kb.scenario.ScenarioResult;
import org.dsarules.kb.scenario.Scenarios;
import org.dsarules.text.Sanitiser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dsa-audit test}: runs scenario files against the rules, as the knowledge base's own tests do. */
@Command(name = "test",
        description = {"Run every scenario file (*.json) under the given paths and report each failure with "
                + "what was expected, what came out, and the trace of that agreement.",
            "Scenarios of several overlays run together: give each overlay with its own --rules DIR, and each "
                + "scenario folder as a PATH. A rule withdrawn by truth maintenance counts as fired (check it "
                + "with \"withdrawn\", not \"notFired\")."},
        footer = {"", "Ends with the line 'N passed, M failed'. Exit status: 0 none failed, 1 some failed,",
            "2 the command could not run."})
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Scenario files or directories of them.")
    List<Path> paths;

    @Option(names = "--coverage", description = "List every rule with the number of scenarios that fired it.")
    boolean coverage;

    @Mixin
    RulesOptions rulesOptions;

    @Override
    public Integer call() {
        // Scenario names, expectations and rule names reach a terminal: through the sanitiser.
        PrintWriter out = Sanitiser.terminal(spec.commandLine().getOut());
        List<Path> files = Scenarios.find(paths);
        if (files.isEmpty()) {
            throw new CliException("no scenario files (*.json) under " + paths);
        }
        DsaRules rules = rulesOptions.build();
        int passed = 0;
        int failed = 0;
        Map<String, Integer> firedBy = new TreeMap<>();
        rules.knowledgeBase().rules().keySet().forEach(r -> firedBy.put(r, 0));
        for (Path f : files) {
            Scenario s;
            try {
                s = Scenarios.read(f);
            } catch (DsaRulesException e) {
                failed++;
                out.println("FAIL " + e.getMessage());
                continue;
            }
            ScenarioResult r = Scenarios.run(rules, s);
            Set<String> fired = new TreeSet<>();
            r.audit().decisions().forEach(d -> d.trace().forEach(t -> fired.add(t.rule())));
            fired.forEach(rule -> firedBy.merge(rule, 1, Integer::sum));
            if (r.passed()) {
                passed++;
                out.println("ok   " + s.name() + " (" + f + ")");
            } else {
                failed++;
                out.println("FAIL " + s.name() + " (" + f + ")");
                Map<String, Decision> byId = new TreeMap<>();
                r.audit().decisions().forEach(d -> byId.put(d.dsaId(), d));
                Set<String> traced = new TreeSet<>();
                for (ScenarioResult.Failure x : r.failures()) {
                    out.println("     " + x);
                }
                for (ScenarioResult.Failure x : r.failures()) {
                    Decision d = byId.get(x.dsaId());
                    if (d != null && traced.add(x.dsaId())) {
                        out.println("     trace of " + x.dsaId() + " (" + d.outcome() + " by " + d.decisiveRule() + "):");
                        int i = 0;
                        for (TraceStep t : d.trace()) {
                            out.println("       " + (++i) + ". " + t.rule()
                                    + (t.outcome() == null ? "" : " -> " + t.outcome() + " (row " + t.policyRow() + ")")
                                    + ": " + t.explanation());
                        }
                    }
                }
            }
        }
        if (coverage) {
            printCoverage(out, firedBy, rules);
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? ExitStatus.OK : ExitStatus.RECORDS_IN_ERROR;
    }

    /**
     * Coverage by rule file: the default knowledge base's rules as one group, then each overlay file's
     * own, so an author sees how far the scenarios exercise the rules they wrote.
     */
    private static void printCoverage(PrintWriter out, Map<String, Integer> firedBy, DsaRules rules) {
        Set<String> defaults = new TreeSet<>();
        if (!rules.knowledgeBaseInfo().name().equals("local")) {
            KnowledgeBase.defaultSources(DsaRules.class.getClassLoader()).forEach(s -> defaults.add(s.name()));
        }
        Map<String, Map<String, Integer>> groups = new TreeMap<>(
                Comparator.comparing((String g) -> !g.equals(DEFAULT_GROUP)).thenComparing(Comparator.naturalOrder()));
        firedBy.forEach((rule, n) -> {
            String file = rules.knowledgeBase().index().rule(rule).map(r -> r.file()).orElse("(unknown file)");
            groups.computeIfAbsent(defaults.contains(file) ? DEFAULT_GROUP : file, g -> new TreeMap<>()).put(rule, n);
        });
        out.println();
        out.println("Coverage (scenarios that fired each rule), by rule file:");
        List<String> never = new ArrayList<>();
        groups.forEach((group, counts) -> {
            out.println("  " + group + ":");
            int hit = 0;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                out.printf("  %4d  %s%n", e.getValue(), e.getKey());
                if (e.getValue() == 0) {
                    never.add(e.getKey());
                } else {
                    hit++;
                }
            }
            int total = counts.size();
            out.printf("  Rules fired: %d of %d (%.1f%%)%n", hit, total, total == 0 ? 100.0 : 100.0 * hit / total);
        });
        if (!never.isEmpty()) {
            out.println("Never fired: " + String.join(", ", never));
        }
        out.println();
    }

    private static final String DEFAULT_GROUP = "default knowledge base";
}
