package org.dsarules.register.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dsarules.decision.ErrorCode;
import org.dsarules.decision.RecordError;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterSource;
import org.dsarules.round.Answers;
import org.dsarules.round.Questionnaire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * issue 27 items 1 and 5: an .xlsx cell is read as the file saved it, and a cell with no value that can
 * be read is an error of its record naming the cell, never a value and never "not known". The workbooks
 * are written with Apache POI, which (like openpyxl) saves no value for a formula unless asked.
 */
class XlsxCellsTest {
    private static final String[] HEADER = {"id", "title", "status", "legalRequirement.kind", "legalRequirement.reference",
        "legalRequirement.expiresOn"};

    @TempDir
    Path dir;

    /** A workbook with the header on its sheet "DSAs" and three agreements; {@code change} edits it. */
    private static byte[] workbook(Consumer<XSSFWorkbook> change) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = book.createSheet("DSAs");
            Row h = s.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                h.createCell(i).setCellValue(HEADER[i]);
            }
            for (int n = 1; n <= 3; n++) {
                Row row = s.createRow(n);
                row.createCell(0).setCellValue("DSA-" + n);
                row.createCell(1).setCellValue("Agreement " + n);
                row.createCell(2).setCellValue("EXISTING");
            }
            change.accept(book);
            book.write(out);
            return out.toByteArray();
        }
    }

    private static List<RegisterEntry> read(byte[] bytes) {
        List<RegisterEntry> out = new ArrayList<>();
        try (RegisterSource s = XlsxRegisterReader.defaults().open(new ByteArrayInputStream(bytes), "reg.xlsx")) {
            s.forEachRemaining(out::add);
        }
        return out;
    }

    private static RecordError error(RegisterEntry e) {
        assertTrue(e instanceof RegisterEntry.Invalid, () -> "expected an error, got " + e);
        return ((RegisterEntry.Invalid) e).error();
    }

    private static String cell(RegisterEntry e, java.util.function.Function<org.dsarules.model.Agreement, Object> f) {
        assertTrue(e instanceof RegisterEntry.Valid, () -> "expected a valid record, got " + e);
        return String.valueOf(f.apply(((RegisterEntry.Valid) e).agreement()));
    }

    @Test
    void aFormulaWithNoSavedValueIsAnErrorNamingTheCellNeverADate() throws IOException {
        byte[] bytes = workbook(book -> {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row r = book.getSheetAt(0).getRow(2);
            r.createCell(3).setCellValue("STATUTORY_DIRECTION");
            Cell f = r.createCell(5);
            f.setCellFormula("DATE(2030,3,31)");
            f.setCellStyle(date);
        });
        List<RegisterEntry> entries = read(bytes);
        assertEquals(3, entries.size());
        RecordError e = error(entries.get(1));
        assertEquals(ErrorCode.BAD_CELL, e.code());
        assertEquals("DSA-2", e.dsaId());
        assertEquals(1, e.index());
        assertEquals("legalRequirement.expiresOn", e.field());
        assertTrue(e.message().startsWith("row 3, column legalRequirement.expiresOn (cell F3): a formula (=DATE(2030,3,31))"
                + " with no saved value"), e.message());
        assertFalse(e.message().contains("1899"), e.message());
        assertTrue(entries.get(0) instanceof RegisterEntry.Valid);
        assertTrue(entries.get(2) instanceof RegisterEntry.Valid);
    }

    @Test
    void aFormulaWithASavedValueIsReadAsThatValue() throws IOException {
        byte[] bytes = workbook(book -> {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row r = book.getSheetAt(0).getRow(1);
            r.createCell(3).setCellValue("STATUTORY_DIRECTION");
            Cell f = r.createCell(5);
            f.setCellFormula("DATE(2030,3,31)");
            f.setCellStyle(date);
            Cell ref = r.createCell(4);
            ref.setCellFormula("\"Health and Social Care Act 2012 s.259\"");
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        RegisterEntry e = read(bytes).get(0);
        assertEquals(LocalDate.of(2030, 3, 31).toString(), cell(e, a -> a.legalRequirement().expiresOn()));
        assertEquals("Health and Social Care Act 2012 s.259", cell(e, a -> a.legalRequirement().reference()));
    }

    @Test
    void anErrorCellIsAnErrorNamingTheCellNotAnEmptyCell() throws IOException {
        byte[] bytes = workbook(book -> {
            book.getSheetAt(0).getRow(1).createCell(4).setCellErrorValue(FormulaError.NA.getCode());
            Cell f = book.getSheetAt(0).getRow(3).createCell(4);
            f.setCellFormula("#REF!+1");
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        List<RegisterEntry> entries = read(bytes);
        RecordError na = error(entries.get(0));
        assertEquals(ErrorCode.BAD_CELL, na.code());
        assertEquals("legalRequirement.reference", na.field());
        assertTrue(na.message().contains("(cell E2): the error #N/A"), na.message());
        RecordError ref = error(entries.get(2));
        assertTrue(ref.message().contains("(cell E4): the error #REF!"), ref.message());
        assertTrue(entries.get(1) instanceof RegisterEntry.Valid);
    }

    @Test
    void aHiddenOrVeryHiddenFirstSheetIsNotTheOneRead() throws IOException {
        for (SheetVisibility hidden : List.of(SheetVisibility.HIDDEN, SheetVisibility.VERY_HIDDEN)) {
            byte[] bytes = workbook(book -> {
                Sheet old = book.createSheet("old");
                old.createRow(0).createCell(0).setCellValue("id");
                old.createRow(1).createCell(0).setCellValue("OLD-1");
                book.setSheetOrder("old", 0);
                book.setSheetVisibility(0, hidden);
                book.setActiveSheet(1);
                book.setSelectedTab(1);
            });
            List<RegisterEntry> entries = read(bytes);
            assertEquals(3, entries.size(), hidden.toString());
            assertEquals("DSA-1", cell(entries.get(0), a -> a.id()));
        }
    }

    @Test
    void aWorkbookWhoseSheetsAreAllHiddenIsRefused() throws IOException {
        byte[] bytes = workbook(book -> {
            book.createSheet("visible");
            book.setSheetVisibility(0, SheetVisibility.VERY_HIDDEN);
            book.setActiveSheet(1);
        });
        // the only visible sheet is empty: the hidden one is not read instead
        RegisterFormatException e = assertThrows(RegisterFormatException.class, () -> read(bytes));
        assertTrue(e.getMessage().contains("first visible sheet is empty"), e.getMessage());
    }

    @Test
    void aMergedCellIsAnErrorForEveryRowItCovers() throws IOException {
        byte[] bytes = workbook(book -> {
            Sheet s = book.getSheetAt(0);
            s.getRow(1).getCell(2).setCellValue("EXISTING");
            s.getRow(2).removeCell(s.getRow(2).getCell(2));
            s.addMergedRegion(new CellRangeAddress(1, 2, 2, 2));
        });
        List<RegisterEntry> entries = read(bytes);
        assertEquals(3, entries.size());
        for (int i = 0; i < 2; i++) {
            RecordError e = error(entries.get(i));
            assertEquals(ErrorCode.BAD_CELL, e.code());
            assertEquals("status", e.field());
            assertEquals("DSA-" + (i + 1), e.dsaId());
            assertTrue(e.message().contains("(cell C" + (i + 2) + "): cells C2:C3 are merged"), e.message());
        }
        assertTrue(entries.get(2) instanceof RegisterEntry.Valid);
    }

    @Test
    void aNumberIsItsSavedValueNotWhatItsFormatShows() throws IOException {
        byte[] bytes = workbook(book -> {
            CellStyle whole = book.createCellStyle();
            whole.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("0"));
            Sheet s = book.getSheetAt(0);
            s.getRow(1).getCell(0).setCellValue(1.5); // shown "2"
            s.getRow(1).getCell(0).setCellStyle(whole);
            s.getRow(2).getCell(0).setCellValue(2);
            s.getRow(3).getCell(0).setCellValue(-0.25);
            s.getRow(3).createCell(1).setCellValue(1e20);
        });
        List<RegisterEntry> entries = read(bytes);
        assertEquals("1.5", cell(entries.get(0), a -> a.id()));
        assertEquals("2", cell(entries.get(1), a -> a.id()));
        assertEquals("-0.25", cell(entries.get(2), a -> a.id()));
        assertEquals("100000000000000000000", cell(entries.get(2), a -> a.title()));
    }

    @Test
    void aRowNumberSavedTwiceIsRefusedRatherThanTheFirstDropped() throws IOException {
        byte[] bytes = duplicateRow(workbook(book -> { }), 3);
        RegisterFormatException e = assertThrows(RegisterFormatException.class, () -> read(bytes));
        assertTrue(e.getMessage().contains("row 3 of sheet \"DSAs\" is saved twice"), e.getMessage());
    }

    /** The workbook with the sheet's {@code <row r="n">} element saved twice, as a hand-made file could have it. */
    private static byte[] duplicateRow(byte[] xlsx, int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    int start = xml.indexOf("<row r=\"" + n + "\"");
                    int end = xml.indexOf("</row>", start) + "</row>".length();
                    assertTrue(start > 0);
                    data = (xml.substring(0, end) + xml.substring(start, end) + xml.substring(end)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(data);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aDamagedWorkbookIsRefusedWithoutAJavaClassName() {
        byte[] bytes;
        try {
            bytes = workbook(book -> { });
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        // the sheet's XML cut short: the XML library's exception names its own class
        byte[] damaged;
        try {
            damaged = truncateSheet(bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        RegisterFormatException e = assertThrows(RegisterFormatException.class, () -> read(damaged));
        assertFalse(e.getMessage().matches("(?s).*\\b(org|java)\\.[a-z]+\\..*"), e.getMessage());
        assertTrue(e.getMessage().startsWith("reg.xlsx: not an Excel workbook (.xlsx) that can be read"), e.getMessage());
    }

    private static byte[] truncateSheet(byte[] xlsx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    data = java.util.Arrays.copyOf(data, data.length / 2);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(data);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void anAnsweredQuestionnaireFormulaWithNoSavedValueIsRefusedNamingTheCell() throws IOException {
        Path file = dir.resolve("answers.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet s = book.createSheet("Questionnaire");
            String[] header = {"practice", "agreementId", "programme", "title", "field", "question", "allowed", "answer"};
            Row h = s.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("A81001");
            r.createCell(1).setCellValue("DSA-1");
            r.createCell(4).setCellValue("legalRequirement.reference");
            r.createCell(7).setCellFormula("CONCATENATE(\"s.\",259)");
            try (var out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }
        List<Questionnaire.Row> rows = Questionnaire.read(file);
        assertEquals(1, rows.size());
        assertNull(rows.get(0).answer());
        assertTrue(rows.get(0).problem().startsWith("column answer (cell H2): a formula"), rows.get(0).problem());
        Answers.Result result = Answers.apply(List.of(), rows, LocalDate.of(2026, 12, 7), "answers.xlsx");
        assertEquals(1, result.refused().size());
        assertEquals(2, result.refused().get(0).row());
        assertTrue(result.refused().get(0).why().contains("cell H2"));
        assertEquals(0, result.unanswered());
    }
}
