package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dsa-audit generate}: deterministic synthetic registers that audit cleanly. */
class GenerateCommandTest {

    @Test
    void theSameSeedGivesTheSameRegisterAndEveryRecordIsDecided(@TempDir Path dir) throws Exception {
        AuditCommandTest.Run a = AuditCommandTest.run("generate", "--count", "500", "--seed", "9");
        AuditCommandTest.Run b = AuditCommandTest.run("generate", "--count", "500", "--seed", "9");
        AuditCommandTest.Run c = AuditCommandTest.run("generate", "--count", "500", "--seed", "10");
        assertEquals(0, a.status(), a.err());
        assertEquals(a.out(), b.out());
        assertNotEquals(a.out(), c.out());
        JsonNode register = AuditCommandTest.MAPPER.readTree(a.out());
        assertEquals(500, register.get("agreements").size());
        assertEquals(502, a.out().strip().lines().count(), "one agreement a line");

        Path file = dir.resolve("generated.json");
        Files.writeString(file, a.out());
        AuditCommandTest.Run audit = AuditCommandTest.run("audit", file.toString(), "--format", "json",
                "--trace", "none", "--as-of", "2026-06-15");
        assertEquals(0, audit.status(), audit.err());
        JsonNode summary = AuditCommandTest.MAPPER.readTree(audit.out()).get("summary");
        int decided = 0;
        for (String o : new String[] {"KEEP", "WITHDRAW", "REFER_TO_BMA", "ASK_ICB_FOR_INFORMATION"}) {
            assertTrue(summary.get(o).asInt() > 0, "a realistic register has every outcome: " + summary);
            decided += summary.get(o).asInt();
        }
        assertEquals(500, decided);
    }

    @Test
    void aNegativeCountIsRefused() {
        AuditCommandTest.Run r = AuditCommandTest.run("generate", "--count", "-1");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--count"), r.err());
    }
}
