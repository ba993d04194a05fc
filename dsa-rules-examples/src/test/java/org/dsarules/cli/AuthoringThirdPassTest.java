package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 30 through the command line: {@code rules --lint [--strict]}, warnings on every build, the
 * Markdown catalogue of an overlay (its header, full file paths and each rule's words), and the guide's
 * no-code route for LMC advice with its example file.
 */
class AuthoringThirdPassTest {
    private static final String BAD = """
            package org.dsarules.local;

            rule "lint-no-words"
                @policyRow("8.5")
                @citation("x")
            when
                Agreement( status == Status.EXISTING )
            then
                insertLogical(Proposal.of(Outcome.KEEP, "Keep."));
            end
            """;

    @Test
    void theExampleOverlaysLintCleanTogetherAndStrictPasses() {
        AuditCommandTest.Run run = AuditCommandTest.run("rules", "--rules", "overlays/lmc-keep-list", "--rules",
                "overlays/june-2026-escalation", "--rules", "overlays/lmc-flags", "--lint", "--strict");
        assertEquals(0, run.status(), run.out() + run.err());
        assertEquals("0 warning(s)\n", run.out());
    }

    @Test
    void lintListsEachWarningAtFileAndLineAndStrictFails(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.drl");
        Files.writeString(file, BAD);
        AuditCommandTest.Run lenient = AuditCommandTest.run("rules", "--rules", dir.toString(), "--lint");
        assertEquals(0, lenient.status(), lenient.err());
        assertTrue(lenient.out().contains(file + ":3:1: warning: rule \"lint-no-words\": proposes an outcome but has no"
                + " @nextSteps"), lenient.out());
        assertTrue(lenient.out().endsWith("2 warning(s)\n"), lenient.out());
        AuditCommandTest.Run strict = AuditCommandTest.run("rules", "--rules", dir.toString(), "--lint", "--strict");
        assertEquals(1, strict.status(), strict.out());
        // Any other command that builds the rules warns on standard error and goes on.
        AuditCommandTest.Run audit = AuditCommandTest.run("audit", AuditCommandTest.SAMPLE.toString(), "--rules",
                dir.toString(), "--as-of", "2026-06-15");
        assertEquals(0, audit.status() & ~1, audit.err());
        assertTrue(audit.err().contains(file + ":3:1: warning: rule \"lint-no-words\""), audit.err());
    }

    @Test
    void theMarkdownCatalogueOfAnOverlayNamesItAndShowsEachRulesWords() {
        AuditCommandTest.Run run = AuditCommandTest.run("rules", "--rules", "overlays/lmc-keep-list", "--format",
                "markdown");
        assertEquals(0, run.status(), run.err());
        String md = run.out();
        assertFalse(md.contains("Every rule of the default knowledge base ("), md.substring(0, 300));
        assertTrue(md.contains("Every rule of the overlay"), md.substring(0, 300));
        assertTrue(md.contains("westvale-lmc-keep-list.drl`"), md.substring(0, 400));
        assertTrue(md.contains("| org/dsarules/kb/outcomes.drl:"), "full file paths, not base names");
        String words = md.substring(md.indexOf("### `westvale-lmc-keep-list-public-health-feed`"));
        assertTrue(words.contains("- patientReason: Our Local Medical Committee lists this agreement as needed"), words);
        assertTrue(words.contains("- nextSteps:\n  - Keep the agreement\n  - Keep the Westvale LMC keep-list on file"
                + " with it\n"), words);
        assertTrue(md.contains("### `withdraw-lmc-advice`"), "the default rules' words too");
    }

    @Test
    void theGuidesLmcAdviceFileSetsTheAdviceByProgrammeIgnoringCase(@TempDir Path dir) throws Exception {
        Path register = dir.resolve("register.json");
        Files.writeString(register, """
                {"agreements": [
                  {"id": "A", "programme": "WESTVALE Shared Care Record", "status": "EXISTING"},
                  {"id": "B", "programme": "cancer screening commissioning extract", "status": "EXISTING"},
                  {"id": "C", "programme": "Something else", "status": "EXISTING"}
                ]}
                """);
        Path advised = dir.resolve("advised.json");
        AuditCommandTest.Run run = AuditCommandTest.run("answer", register.toString(),
                "overlays/lmc-keep-list/lmc-advice.csv", "--out", advised.toString(), "--on", "2026-06-15");
        assertEquals(0, run.status(), run.out() + run.err());
        JsonNode out = AuditCommandTest.MAPPER.readTree(advised.toFile()).get("agreements");
        assertEquals("KEEP", out.get(0).get("lmcAdvice").asText());
        assertEquals("WITHDRAW", out.get(1).get("lmcAdvice").asText());
        assertTrue(out.get(2).path("lmcAdvice").isMissingNode() || out.get(2).get("lmcAdvice").isNull()
                || out.get(2).get("lmcAdvice").asText().equals("NONE"), out.get(2).toString());
    }
}
