package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** issue 27 item 12: {@code --rule-timeout} stops a local rule that never ends; that agreement alone is in error. */
class RuleTimeoutCliTest {
    @TempDir
    Path dir;

    @Test
    void aLoopingLocalRuleIsStoppedAndTheOthersAreDecided() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("loops.drl"), """
                package org.dsarules.local;
                import org.dsarules.model.Agreement;

                rule "local-loops" @citation("a test")
                when
                    Agreement(id == "MB-01")
                then
                    long n = 0;
                    while (!Thread.currentThread().isInterrupted()) { n++; }
                end
                """);
        AuditCommandTest.Run r = AuditCommandTest.run("audit", AuditCommandTest.SAMPLE.toString(), "--rules", rules.toString(),
                "--rule-timeout", "300ms", "--format", "json", "--as-of", "2026-06-15");
        JsonNode doc = AuditCommandTest.MAPPER.readTree(r.out());
        assertEquals(1, doc.get("errors").size(), r.out());
        JsonNode e = doc.get("errors").get(0);
        assertEquals("MB-01", e.get("dsaId").asText());
        assertTrue(e.toString().contains("RULE_TIMEOUT") && e.toString().contains("local-loops"), e.toString());
        int input = AuditCommandTest.MAPPER.readTree(AuditCommandTest.SAMPLE.toFile()).get("agreements").size();
        assertEquals(input - 1, doc.get("decisions").size());
    }

    /** issue 27 item 12: a local rule calling System.exit(0) no longer ends the run with 0 and nothing said. */
    @Test
    void aLocalRuleThatCallsSystemExitEndsTheRunWithANonZeroStatusAndAMessage() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("exit-rules"));
        Files.writeString(rules.resolve("exits.drl"), """
                package org.dsarules.local;
                import org.dsarules.model.Agreement;

                rule "local-exits" @citation("a test")
                when
                    Agreement(id == "MB-03")
                then
                    System.exit(0);
                end
                """);
        Path out = dir.resolve("out.json");
        Subprocess.Result r = Subprocess.run(dir, List.of(), "audit", AuditCommandTest.SAMPLE.toString(),
                "--rules", rules.toString(), "--format", "json", "--as-of", "2026-06-15", "--out", out.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("rule \"local-exits\" (") && r.err().contains("exits.drl:4) called System.exit"), r.err());
        assertTrue(!Files.exists(out), "no document is left as if complete");
    }

    @Test
    void aTimeThatIsNotOneIsAnOptionError() {
        AuditCommandTest.Run r = AuditCommandTest.run("audit", AuditCommandTest.SAMPLE.toString(), "--rule-timeout", "soon");
        assertNotEquals(0, r.status());
        assertTrue(r.err().contains("--rule-timeout: \"soon\" is not a time"), r.err());
    }
}
