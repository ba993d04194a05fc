package org.dsarules.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.kb.scenario.ScenarioResult;
import org.dsarules.kb.scenario.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 30, item 6: a rule whose insertion truth maintenance withdrew did fire, so {@code notFired}
 * fails on it; {@code withdrawn} says exactly that it fired and was withdrawn. The order is forced:
 * the second rule needs the first one's proposal, and its Note takes away the first one's condition.
 */
class ScenarioWithdrawnTest {
    private static final String RULES = """
            package org.dsarules.local;

            rule "tms-proposes"
                @policyRow("8.5")
                @patientReason("We keep it.")
                @nextSteps("Keep it")
                @citation("x")
            when
                Agreement( programmeIs("TMS test") )
                not Note( topic == "tms-withdraws" )
            then
                insertLogical(Proposal.of(Outcome.KEEP, "Keep: tms test."));
            end

            rule "tms-withdraws"
                @citation("x")
            when
                Proposal( summary == "Keep: tms test." )
            then
                insert(new Note("tms-withdraws", "The test takes the first rule's condition away."));
            end
            """;

    @Test
    void aWithdrawnProposalFiredAndTheWithdrawnCheckSaysSo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tms.drl"), RULES);
        Path scenario = dir.resolve("s.json");
        Files.writeString(scenario, """
                {"name": "withdrawn", "asOf": "2026-06-15",
                 "register": {"agreements": [{"id": "A", "programme": "tms TEST", "status": "EXISTING"}]},
                 "expect": {"A": {"withdrawn": ["tms-proposes"], "fired": ["tms-withdraws"]}}}
                """);
        try (DsaRules rules = DsaRules.builder().rules(dir).build()) {
            ScenarioResult passed = Scenarios.run(rules, Scenarios.read(scenario));
            assertTrue(passed.passed(), passed.failures().toString());
            assertTrue(passed.audit().decisions().get(0).decisiveRule() == null
                    || !passed.audit().decisions().get(0).decisiveRule().equals("tms-proposes"));

            Files.writeString(scenario, Files.readString(scenario).replace("\"withdrawn\": [\"tms-proposes\"]",
                    "\"notFired\": [\"tms-proposes\"], \"withdrawn\": [\"tms-withdraws\"]"));
            ScenarioResult failed = Scenarios.run(rules, Scenarios.read(scenario));
            assertEquals(List.of("notFired", "withdrawn"), failed.failures().stream().map(ScenarioResult.Failure::check)
                    .sorted().toList(), failed.failures().toString());
        }
    }
}
