package org.dsarules.cli;

import static org.dsarules.cli.AuditCommandTest.MAPPER;
import static org.dsarules.cli.AuditCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dsarules.register.csv.CsvTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code template --format xlsx}: the register's columns, with the known programmes as the programme column's drop-down. */
class TemplateXlsxTest {
    @TempDir
    Path dir;

    @Test
    void theProgrammeColumnOffersTheKnownProgrammesFromAHiddenSheet() throws Exception {
        Path file = dir.resolve("register.xlsx");
        AuditCommandTest.Run r = run("template", "--format", "xlsx", "--out", file.toString());
        assertEquals(0, r.status(), r.err());
        int programmeColumn = CsvTemplate.columns().indexOf("programme");
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet register = book.getSheetAt(0);
            assertEquals("programme", register.getRow(0).getCell(programmeColumn).getStringCellValue());
            int hidden = book.getSheetIndex(TemplateCommand.PROGRAMMES_SHEET);
            assertTrue(book.isSheetHidden(hidden), "the names' sheet is hidden");
            List<String> names = new ArrayList<>();
            for (Row row : book.getSheetAt(hidden)) {
                names.add(row.getCell(0).getStringCellValue());
            }
            assertTrue(names.containsAll(List.of("GDPPR", "GP Connect", "CPRD", "National Diabetes Audit")), names.toString());
            List<? extends DataValidation> validations = register.getDataValidations();
            assertEquals(1, validations.size());
            DataValidation v = validations.get(0);
            assertEquals("'" + TemplateCommand.PROGRAMMES_SHEET + "'!$A$1:$A$" + names.size(),
                    v.getValidationConstraint().getFormula1());
            assertEquals(programmeColumn, v.getRegions().getCellRangeAddress(0).getFirstColumn());
            assertEquals(programmeColumn, v.getRegions().getCellRangeAddress(0).getLastColumn());
            assertEquals(1, v.getRegions().getCellRangeAddress(0).getFirstRow(), "every row below the header");

            // A practice picks GDPPR from the list: the row decides on the catalogue's facts.
            Row row = register.createRow(1);
            row.createCell(CsvTemplate.columns().indexOf("id")).setCellValue("DSA-1");
            row.createCell(CsvTemplate.columns().indexOf("status")).setCellValue("EXISTING");
            row.createCell(programmeColumn).setCellValue("GDPPR");
            try (OutputStream o = Files.newOutputStream(dir.resolve("filled.xlsx"))) {
                book.write(o);
            }
        }
        AuditCommandTest.Run audit = run("audit", dir.resolve("filled.xlsx").toString(), "--format", "json",
                "--as-of", "2026-12-07");
        assertEquals(0, audit.status(), audit.err() + audit.out());
        JsonNode d = MAPPER.readTree(audit.out()).get("decisions").get(0);
        assertEquals("KEEP", d.get("outcome").asText());
        assertEquals("gdppr", d.get("catalogue").get("entry").asText());
    }

    @Test
    void xlsxNeedsAnOutputFile() {
        AuditCommandTest.Run r = run("template", "--format", "xlsx");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--out"), r.err());
    }
}
