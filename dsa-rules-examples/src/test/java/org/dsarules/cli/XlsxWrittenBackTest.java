package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dsarules.model.Agreement;
import org.dsarules.model.Register;
import org.dsarules.register.ReadResult;
import org.dsarules.register.RegisterFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * issue 25 item 10: a register the practice keeps in Excel survives {@code sent}: its TRUE/FALSE and date
 * cells stay booleans and dates, and its own {@code #} columns stay (sent used to drop them).
 */
class XlsxWrittenBackTest {

    @Test
    void sentWritesTheWorkbookBackWithItsCellTypesAndOwnColumns(@TempDir Path dir) throws Exception {
        Register sample = ReadResult.of(RegisterFiles.open(AuditCommandTest.SAMPLE)).register();
        Map<String, Map<String, String>> own = new LinkedHashMap<>();
        for (Agreement a : sample.agreements()) {
            own.put(a.id(), Map.of("# PM notes", "asked Dr Smith & Jones", "# checked", "true"));
        }
        Path register = dir.resolve("register.xlsx");
        try (OutputStream out = Files.newOutputStream(register)) {
            RegisterFiles.writer(RegisterFiles.Format.XLSX).write(new Register(sample.practice(), sample.agreements(), own), out);
        }
        Path sent = dir.resolve("register-sent.xlsx");
        AuditCommandTest.Run r = AuditCommandTest.run("sent", register.toString(), "--letter", "icb", "--on", "2026-06-16",
                "--out", sent.toString());
        assertEquals(0, r.status(), r.err());

        Register back = ReadResult.of(RegisterFiles.open(sent)).register();
        assertEquals(own, back.ownColumns());
        try (InputStream in = Files.newInputStream(sent); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet s = book.getSheetAt(0);
            Row header = s.getRow(0);
            Map<String, Integer> column = new HashMap<>();
            for (Cell c : header) {
                column.put(c.getStringCellValue(), c.getColumnIndex());
            }
            int booleans = 0;
            int dates = 0;
            for (int i = 1; i <= s.getLastRowNum(); i++) {
                Row row = s.getRow(i);
                for (String field : List.of("commercialAccess", "dpiaProvided", "nationalDataOptOutApplied")) {
                    Cell c = row.getCell(column.get(field));
                    if (c != null) {
                        assertEquals(CellType.BOOLEAN, c.getCellType(), field + " row " + (i + 1));
                        booleans++;
                    }
                }
                Cell requested = row.getCell(column.get("icbAssessment.requestedOn"));
                if (requested != null) {
                    assertTrue(DateUtil.isCellDateFormatted(requested), "requestedOn row " + (i + 1));
                    dates++;
                }
                assertEquals(CellType.BOOLEAN, row.getCell(column.get("# checked")).getCellType());
            }
            assertTrue(booleans > 10, "booleans: " + booleans);
            assertTrue(dates > 0, "the ICB letter's requestedOn dates: " + dates);
        }
    }
}
