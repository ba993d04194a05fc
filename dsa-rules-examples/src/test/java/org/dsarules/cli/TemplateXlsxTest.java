package org.dsarules.cli;

import static org.dsarules.cli.AuditCommandTest.MAPPER;
import static org.dsarules.cli.AuditCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dsarules.register.csv.CsvTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code template --format xlsx}: the register's columns, with the known programmes as the programme column's
 * drop-down; and {@code template --out}, in either format, written as every other output is (issue 27 items 2, 10
 * and 12): whole or not at all, never over an input, one line when it cannot be written, the same bytes on every run.
 */
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

    /** Issue 27 item 12: the workbook carried the time of writing in its zip entries and its created date. */
    @Test
    void theWorkbookIsTheSameBytesOnEveryRunAndCarriesNoTimeOfWriting() throws Exception {
        Path first = dir.resolve("first.xlsx");
        Path second = dir.resolve("second.xlsx");
        assertEquals(0, run("template", "--format", "xlsx", "--out", first.toString()).status());
        assertEquals(0, run("template", "--format", "xlsx", "--out", second.toString()).status());
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(first))) {
            int entries = 0;
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                entries++;
                assertEquals(LocalDateTime.of(1980, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
                if (e.getName().equals("docProps/core.xml")) {
                    String xml = new String(z.readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(xml.contains(">1980-01-01T00:00:00Z</dcterms:created>"), xml);
                    assertFalse(xml.contains(String.valueOf(LocalDate.now().getYear())), "no date of writing: " + xml);
                }
            }
            assertTrue(entries > 3, "a workbook");
        }
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), "two runs, the same bytes");
    }

    static List<List<String>> bothFormats() {
        return List.of(List.of("template", "--format", "xlsx"), List.of("template", "--format", "csv"),
                List.of("template"));
    }

    /** Issue 27 item 10: a full device under --out is one line, exit 2 (the CSV template said nothing, exit 0). */
    @ParameterizedTest
    @MethodSource("bothFormats")
    void aFullDeviceUnderOutIsOneLine(List<String> args) {
        assumeTrue(Files.exists(Path.of("/dev/full")), "/dev/full is Linux's");
        List<String> a = new ArrayList<>(args);
        a.addAll(List.of("--out", "/dev/full"));
        AuditCommandTest.Run r = run(a.toArray(String[]::new));
        assertEquals(2, r.status(), args + ": " + r.err());
        assertEquals("dsa-audit: /dev/full: cannot write: No space left on device", r.err().strip(), args.toString());
    }

    /** Issue 27 items 10 and 12: a missing folder is the one line every --out gives, the path said once, no Java words. */
    @ParameterizedTest
    @MethodSource("bothFormats")
    void aMissingFolderUnderOutIsOneLineNamingTheFolder(List<String> args) {
        Path out = dir.resolve("no-such-folder").resolve("register.xlsx");
        List<String> a = new ArrayList<>(args);
        a.addAll(List.of("--out", out.toString()));
        AuditCommandTest.Run r = run(a.toArray(String[]::new));
        assertEquals(2, r.status(), args + ": " + r.err());
        assertEquals("dsa-audit: " + out + ": cannot write: the folder " + out.getParent().toAbsolutePath()
                + " does not exist", r.err().strip(), args.toString());
        assertFalse(Files.exists(out.getParent()));
    }

    /** Issue 27 item 2: a catalogue file given is an input, and --out never overwrites an input. */
    @ParameterizedTest
    @MethodSource("bothFormats")
    void outNeverOverwritesTheCatalogueGiven(List<String> args) throws Exception {
        Path catalogue = dir.resolve("local-catalogue.json");
        try (InputStream in = TemplateXlsxTest.class.getClassLoader()
                .getResourceAsStream("org/dsarules/kb/catalogue/cprd.json")) {
            Files.write(catalogue, in.readAllBytes());
        }
        byte[] before = Files.readAllBytes(catalogue);
        List<String> a = new ArrayList<>(args);
        a.addAll(List.of("--catalogue", catalogue.toString(), "--out", dir.resolve("./local-catalogue.json").toString()));
        AuditCommandTest.Run r = run(a.toArray(String[]::new));
        assertEquals(2, r.status(), args + ": " + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--out would overwrite the input " + catalogue), r.err());
        assertArrayEquals(before, Files.readAllBytes(catalogue), "the catalogue is untouched");
    }

    /**
     * An existing --out file is replaced, as every command's is (SafeOutput): whole, keeping its mode, no temporary
     * file left beside it.
     */
    @ParameterizedTest
    @MethodSource("bothFormats")
    void anExistingOutFileIsReplacedWholeKeepingItsMode(List<String> args) throws Exception {
        Path out = Files.writeString(dir.resolve("register.out"), "the previous file\n");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        List<String> a = new ArrayList<>(args);
        a.addAll(List.of("--out", out.toString()));
        AuditCommandTest.Run r = run(a.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        byte[] written = Files.readAllBytes(out);
        if (args.contains("xlsx")) {
            assertEquals("PK", new String(written, 0, 2, StandardCharsets.ISO_8859_1), "a workbook replaced the file");
        } else {
            assertEquals(run("template").out(), new String(written, StandardCharsets.UTF_8),
                    "the same bytes as on standard output");
        }
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(out), s.toList(), "no temporary file left");
        }
    }

    /** A bad --catalogue stops the workbook before anything is written: the --out file there is kept (it was emptied). */
    @Test
    void aBadCatalogueLeavesTheOutFileAsItWas() throws Exception {
        Path catalogue = Files.writeString(dir.resolve("bad-catalogue.json"), "{ \"id\": ");
        Path out = Files.writeString(dir.resolve("register.xlsx"), "the previous workbook");
        AuditCommandTest.Run r = run("template", "--format", "xlsx", "--catalogue", catalogue.toString(),
                "--out", out.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("dsa-audit: --catalogue: "), r.err());
        assertEquals("the previous workbook", Files.readString(out));
    }

    @Test
    void xlsxNeedsAnOutputFile() {
        AuditCommandTest.Run r = run("template", "--format", "xlsx");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--out"), r.err());
    }
}
