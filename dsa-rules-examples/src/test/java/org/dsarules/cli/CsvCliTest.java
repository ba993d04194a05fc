package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.dsarules.register.ReadResult;
import org.dsarules.register.RegisterFiles;
import org.dsarules.register.RegisterFiles.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registers kept as spreadsheets: the CSV and JSON forms of one register decide alike. */
class CsvCliTest {
    static final String CSV = "../dsa-rules-core/src/test/resources/csv/riverside-register.csv";
    static final String JSON = "../dsa-rules-core/src/test/resources/csv/riverside-register.json";

    @Test
    void csvAndJsonFormsGiveIdenticalDecisions() throws Exception {
        AuditCommandTest.Run csv = AuditCommandTest.run("audit", CSV, "--format", "json", "--as-of", "2026-06-15");
        AuditCommandTest.Run json = AuditCommandTest.run("audit", JSON, "--format", "json", "--as-of", "2026-06-15");
        assertEquals(0, csv.status(), csv.err());
        JsonNode a = AuditCommandTest.MAPPER.readTree(csv.out()).get("decisions");
        JsonNode b = AuditCommandTest.MAPPER.readTree(json.out()).get("decisions");
        assertEquals(15, a.size());
        assertEquals(b, a);
    }

    /** issue 11: a register kept as an Excel workbook is read directly, by its extension or --input-format. */
    @Test
    void anXlsxWorkbookDecidesAsItsJsonForm(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("register.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            RegisterFiles.writer(Format.XLSX).write(ReadResult.of(RegisterFiles.open(Path.of(JSON))).register(), out);
        }
        Path renamed = Files.copy(xlsx, dir.resolve("register.bin"));
        for (String[] args : List.of(new String[] {"audit", xlsx.toString()},
                new String[] {"audit", renamed.toString(), "--input-format", "xlsx"})) {
            AuditCommandTest.Run x = AuditCommandTest.run(concat(args, "--format", "json", "--as-of", "2026-06-15"));
            AuditCommandTest.Run json = AuditCommandTest.run("audit", JSON, "--format", "json", "--as-of", "2026-06-15");
            assertEquals(0, x.status(), x.err());
            assertEquals("", x.err());
            assertEquals(AuditCommandTest.MAPPER.readTree(json.out()).get("decisions"),
                    AuditCommandTest.MAPPER.readTree(x.out()).get("decisions"));
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void templateParsesBackAsAnEmptyRegister(@TempDir Path dir) throws Exception {
        AuditCommandTest.Run t = AuditCommandTest.run("template", "--format", "csv");
        assertEquals(0, t.status());
        assertTrue(t.out().startsWith("\"# id"), t.out());
        Path file = dir.resolve("register.csv");
        Files.writeString(file, t.out());
        AuditCommandTest.Run r = AuditCommandTest.run("audit", file.toString(), "--format", "json");
        assertEquals(0, r.status(), r.err());
        assertEquals(0, AuditCommandTest.MAPPER.readTree(r.out()).get("decisions").size());
        assertTrue(r.err().contains("holds no agreements"));
    }

    @Test
    void aBadCellIsReportedWithItsRowAndColumnAndTheOtherRowsAreDecided(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("register.txt");
        Files.writeString(file, "id,status,purposes,commercialAccess\n"
                + "A,EXISTING,DIRECT_CARE,\n"
                + "B,EXISTING,RESEARCH,perhaps\n");
        AuditCommandTest.Run r = AuditCommandTest.run("audit", file.toString(), "--input-format", "csv",
                "--format", "json", "--as-of", "2026-06-15");
        assertEquals(1, r.status(), r.err());
        JsonNode doc = AuditCommandTest.MAPPER.readTree(r.out());
        assertEquals("A", doc.get("decisions").get(0).get("dsaId").asText());
        JsonNode e = doc.get("errors").get(0);
        assertEquals("commercialAccess", e.get("field").asText());
        assertEquals(1, e.get("index").asInt());
        assertTrue(e.get("message").asText().startsWith("row 3"), e.toString());
    }
}
