package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.round.Questionnaire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** issue 27 item 8: {@code questions} prints no terminal control character, and its CSV carries no live formula. */
class QuestionsSafetyTest {
    private static final String HOSTILE = "=HYPERLINK(\"https://evil.example\",\"x\")\u001b[31m\u0007\u009b2J";

    @TempDir
    Path dir;

    private Path register() throws IOException {
        ObjectNode doc = (ObjectNode) AuditCommandTest.MAPPER.readTree(AuditCommandTest.SAMPLE.toFile());
        for (JsonNode a : doc.get("agreements")) {
            ((ObjectNode) a).put("title", HOSTILE);
        }
        Path file = dir.resolve("reg.json");
        AuditCommandTest.MAPPER.writeValue(file.toFile(), doc);
        return file;
    }

    @Test
    void noControlCharacterReachesTheTerminal() throws IOException {
        AuditCommandTest.Run r = AuditCommandTest.run("questions", register().toString(), "--as-of", "2026-06-15");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("HYPERLINK"), r.out());
        for (char c : r.out().toCharArray()) {
            assertFalse(c == 0x1b || c == 0x07 || c >= 0x80 && c <= 0x9f, () -> "control character " + (int) c);
        }
    }

    @Test
    void theCsvCarriesNoLiveFormulaAndReadsBackAsWritten() throws IOException {
        Path out = dir.resolve("q.csv");
        AuditCommandTest.Run r = AuditCommandTest.run("questions", register().toString(), "--as-of", "2026-06-15",
                "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        List<List<String>> rows = new ArrayList<>();
        new CsvMapper().readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .<List<String>>readValues(out.toFile()).forEachRemaining(rows::add);
        assertTrue(rows.size() > 1);
        for (List<String> row : rows) {
            for (String cell : row) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, cell);
            }
        }
        assertTrue(Questionnaire.read(out).stream().allMatch(q -> q.title().equals(HOSTILE)));
    }
}
