package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard output and error are UTF-8 whatever the locale: under {@code LANG=C}, with no
 * {@code -Dfile.encoding} or {@code -Dstdout.encoding}, Java's own streams would write {@code CAFÉ-1}
 * as {@code CAF?-1} (issue 15), and two ids could merge.
 */
class LocaleTest {
    @TempDir
    Path dir;

    @Test
    void underLangCNonAsciiSurvivesByteForByte() throws Exception {
        // An ASCII file name: under LANG=C the JVM decodes arguments and file names as ASCII before main runs,
        // which no program can undo (docs/errors.md says to use a UTF-8 locale for such names).
        Path f = dir.resolve("cafe.json");
        Files.writeString(f, "{\"practice\": {\"name\": \"Ørsted Surgery\"}, \"agreements\": ["
                + "{\"id\": \"CAFÉ-1\", \"title\": \"Données 日本\", \"status\": \"EXISTING\", \"purposes\": [\"DIRECT_CARE\"]},"
                + "{\"id\": \"CAF?-1\", \"status\": \"EXISTING\", \"purposes\": [\"DIRECT_CARE\"]},"
                + "{\"id\": \"BAD-1\", \"status\": \"ÉTAT\"}]}", StandardCharsets.UTF_8);
        for (String format : List.of("json", "text")) {
            Subprocess.Result r = Subprocess.run(dir, List.of(), "audit", f.toString(), "--as-of", "2026-06-15",
                    "--format", format);
            assertEquals(1, r.status(), r.err());
            String out = r.outText();
            assertTrue(out.contains("CAFÉ-1"), format + ": " + out);
            assertTrue(out.contains("CAF?-1"), format);
            assertTrue(out.contains("Données 日本") || format.equals("json"), format);
            assertFalse(out.contains("\uFFFD"), "nothing lost in encoding");
            byte[] cafe = "CAFÉ-1".getBytes(StandardCharsets.UTF_8);
            assertTrue(indexOf(r.out(), cafe) >= 0, "UTF-8 bytes of CAFÉ-1 in the " + format + " output");
        }
        Subprocess.Result bad = Subprocess.run(dir, List.of(), "explain", f.toString(), "BAD-1", "--as-of", "2026-06-15");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("\"ÉTAT\""), "standard error is UTF-8 too: " + bad.err());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
