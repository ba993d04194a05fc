package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27 item 12: an audit whose records in error outgrow memory, run with a temporary folder that does not
 * exist, ends with one line that says the temporary folder is missing, names it and says how to choose
 * another; it used to give the path of the {@code .spool} file it could not make as the reason.
 */
class TemporaryFolderCliTest {
    @TempDir
    Path dir;

    @Test
    void aMissingTemporaryFolderIsSaidInOneLineNamingIt() throws Exception {
        Path register = dir.resolve("many-errors.json");
        try (BufferedWriter w = Files.newBufferedWriter(register, StandardCharsets.UTF_8)) {
            w.write("{\"agreements\": [\n");
            int n = 30_000; // past the million characters a spool holds in memory
            for (int i = 0; i < n; i++) {
                w.write("{\"id\": \"B" + i + "\", \"colour\": 1}" + (i < n - 1 ? ",\n" : "\n"));
            }
            w.write("]}\n");
        }
        Path missing = dir.resolve("no-such-tmp");
        for (String format : List.of("json", "text")) {
            Path out = dir.resolve("decisions." + format);
            Subprocess.Result r = Subprocess.run(dir, List.of("-Djava.io.tmpdir=" + missing), "audit",
                    register.toString(), "--as-of", "2026-06-15", "--format", format, "--out", out.toString());
            assertEquals(2, r.status(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("the temporary folder " + missing + " does not exist"), r.err());
            assertTrue(r.err().contains("-Djava.io.tmpdir="), r.err());
            assertFalse(r.err().contains(".spool"), "no spool file as the reason: " + r.err());
            assertFalse(Files.exists(out), "nothing written");
        }
    }
}
