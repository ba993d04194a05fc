package org.dsarules.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.decision.TraceStep;
import org.dsarules.engine.RuleInfo;
import org.dsarules.kb.scenario.Expectation;
import org.dsarules.kb.scenario.Scenario;
import org.dsarules.kb.scenario.ScenarioResult;
import org.dsarules.kb.scenario.ScenarioResult.Failure;
import org.dsarules.kb.scenario.Scenarios;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The scenarios of the default knowledge base: every JSON scenario file under the test resources folder
 * {@code org/dsarules/kb} (one sub-folder per DRL file) is run through real Drools sessions on the real,
 * precompiled DRL, and together they must make every rule of the knowledge base fire at least once.
 */
class KnowledgeBaseScenariosTest {
    private static final String FOLDER = "org/dsarules/kb";
    private static final Set<String> RED_FLAGS = Set.of("RF-CONFIDENTIALITY", "RF-COMMERCIAL",
            "RF-PROCESSOR-INSTRUCTIONS", "RF-PRACTICE-NOT-CONTROLLER", "RF-NO-LAWFUL-BASIS", "RF-OPT-OUT-IGNORED",
            "RF-RECIPIENT-NOT-IN-CARE");
    private static final DsaRules RULES = DsaRules.defaults();

    /** Every scenario file under the test resources folder org/dsarules/kb, sorted by path. */
    static List<Path> scenarioFiles() {
        List<Path> dirs = new ArrayList<>();
        try {
            Enumeration<URL> urls = KnowledgeBaseScenariosTest.class.getClassLoader().getResources(FOLDER);
            for (URL url : Collections.list(urls)) {
                if ("file".equals(url.getProtocol())) {
                    Path dir = Path.of(url.toURI());
                    // Only the test resources: the main resources folder of the same name holds the DRL (and
                    // the catalogue of known programmes, whose JSON files are no scenarios).
                    if (Files.isDirectory(dir) && containsJson(dir) && !holdsDrl(dir)) {
                        dirs.add(dir);
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list " + FOLDER + ": " + e.getMessage(), e);
        }
        if (dirs.isEmpty()) {
            throw new IllegalStateException("no scenario folder " + FOLDER + " with .json files on the test class path");
        }
        return Scenarios.find(dirs);
    }

    private static boolean holdsDrl(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".drl"));
        }
    }

    private static boolean containsJson(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".json"));
        }
    }

    private static String displayName(Path file) {
        Path root = file;
        while (root != null && !root.endsWith(Path.of("org", "dsarules", "kb"))) {
            root = root.getParent();
        }
        return (root == null ? file.getFileName() : root.relativize(file)).toString().replace('\\', '/');
    }

    @TestFactory
    Stream<DynamicTest> scenarios() {
        return scenarioFiles().stream().map(file -> DynamicTest.dynamicTest(displayName(file), file.toUri(), () -> {
            Scenario scenario = Scenarios.read(file);
            assertFalse(scenario.expect().isEmpty(), () -> file + ": expects nothing");
            ScenarioResult result = Scenarios.run(RULES, scenario);
            assertTrue(result.audit().errors().isEmpty(), () -> file + ": records in error: " + result.audit().errors());
            List<String> weak = weakChecks(scenario, result);
            if (!result.passed() || !weak.isEmpty()) {
                fail((result.passed() ? "" : report(result))
                        + (weak.isEmpty() ? "" : "\n" + file + ": checks that do not check what they seem to:\n  "
                                + String.join("\n  ", weak)));
            }
        }));
    }

    /**
     * Scenario hygiene: every agreement of the register has an expectation, and a decisiveRule check is only
     * made where a single rule of the decisive row proposed (between two rules of one row the engine takes the
     * one written first in the rule files, which is not part of the policy: such a scenario should assert
     * the outcome and list the row's rules in {@code fired}).
     */
    private static List<String> weakChecks(Scenario scenario, ScenarioResult result) {
        List<String> out = new ArrayList<>();
        for (Decision d : result.audit().decisions()) {
            Expectation x = scenario.expect().get(d.dsaId());
            if (x == null) {
                out.add(d.dsaId() + ": no expectation for this agreement");
                continue;
            }
            if (x.decisiveRule() != null) {
                String row = d.decisiveStep().policyRow();
                Set<String> sameRow = new TreeSet<>();
                for (TraceStep step : d.trace()) {
                    if (step.outcome() != null && row.equals(step.policyRow())) {
                        sameRow.add(step.rule());
                    }
                }
                if (sameRow.size() > 1) {
                    out.add(d.dsaId() + ": decisiveRule depends on which rule of the row is written first: row " + row + " was proposed by " + sameRow);
                }
            }
        }
        return out;
    }

    /** Every failure, then the full trace of each agreement that failed. */
    private static String report(ScenarioResult result) {
        StringBuilder sb = new StringBuilder();
        sb.append(result.scenario().name()).append(" (").append(result.scenario().source()).append(", as of ")
                .append(result.scenario().asOf()).append("): ").append(result.failures().size())
                .append(" failed check(s)\n");
        Set<String> failing = new TreeSet<>();
        for (Failure f : result.failures()) {
            sb.append("  ").append(f).append('\n');
            failing.add(f.dsaId());
        }
        for (String id : failing) {
            Decision d = result.audit().decisions().stream().filter(x -> x.dsaId().equals(id)).findFirst().orElse(null);
            if (d == null) {
                sb.append("\n").append(id).append(": no decision\n");
                continue;
            }
            sb.append("\n").append(id).append(": ").append(d.outcome()).append(" by ").append(d.decisiveRule())
                    .append(", redFlags ").append(d.redFlags()).append(", missing ").append(d.missing())
                    .append("\n  trace:\n");
            for (TraceStep step : d.trace()) {
                sb.append("    ").append(step.rule());
                if (step.outcome() != null) {
                    sb.append(" [row ").append(step.policyRow()).append(" -> ").append(step.outcome()).append(']');
                }
                sb.append(": ").append(step.explanation()).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void everyRuleIsFiredByAScenario() {
        Set<String> fired = new TreeSet<>();
        Set<String> proposers = new TreeSet<>();
        for (Path file : scenarioFiles()) {
            ScenarioResult result = Scenarios.run(RULES, Scenarios.read(file));
            for (Decision d : result.audit().decisions()) {
                for (TraceStep step : d.trace()) {
                    fired.add(step.rule());
                    if (step.outcome() != null) {
                        proposers.add(step.rule());
                    }
                }
            }
        }
        Set<String> proposersWithoutRow = new TreeSet<>();
        for (String rule : proposers) {
            RuleInfo info = RULES.knowledgeBase().rules().get(rule);
            if (info == null || info.policyRow() == null) {
                proposersWithoutRow.add(rule);
            }
        }
        assertEquals(Set.of(), proposersWithoutRow, "rules that proposed an outcome without a @policyRow");
        Set<String> all = new TreeSet<>(RULES.knowledgeBase().rules().keySet());
        Set<String> neverFired = new TreeSet<>(all);
        neverFired.removeAll(fired);
        if (!neverFired.isEmpty()) {
            System.out.println("Rules that no scenario fires: " + neverFired);
        }
        Set<String> notInKnowledgeBase = new TreeSet<>(fired);
        notInKnowledgeBase.removeAll(all);
        // The sets themselves are long: the message names only the difference.
        assertTrue(all.equals(fired), () -> "the rules fired by the scenarios are not the rules of the knowledge base: never fired "
                + neverFired + ", fired but not in the knowledge base " + notInKnowledgeBase);
    }

    @Test
    void everyRuleCarriesValidMetadata() {
        List<String> problems = new ArrayList<>();
        for (RuleInfo r : RULES.knowledgeBase().rules().values()) {
            if (r.citations().isEmpty()) {
                problems.add(r.name() + ": no @citation");
            }
            BigDecimal row = r.policyRow();
            if (row != null && (row.compareTo(BigDecimal.ONE) < 0 || row.compareTo(BigDecimal.valueOf(14)) > 0
                    || row.stripTrailingZeros().scale() > 0)) {
                problems.add(r.name() + ": @policyRow " + r.policyRowText() + " is not a row 1..14 of decision-policy.md");
            }
            if (r.redFlag() != null && !RED_FLAGS.contains(r.redFlag())) {
                problems.add(r.name() + ": @redFlag " + r.redFlag() + " is not one of " + new TreeSet<>(RED_FLAGS));
            }
            if ((row == null) != r.nextSteps().isEmpty()) {
                problems.add(r.name() + ": a rule has @nextSteps exactly when it has a @policyRow");
            }
            // The PPG page and the other documents for patients read this sentence of the deciding rule.
            String reason = r.meta(RuleInfo.PATIENT_REASON);
            if ((row == null) != (reason == null || reason.isBlank())) {
                problems.add(r.name() + ": a rule has a non-blank @patientReason exactly when it has a @policyRow");
            }
        }
        assertEquals(List.of(), problems);
    }
}
