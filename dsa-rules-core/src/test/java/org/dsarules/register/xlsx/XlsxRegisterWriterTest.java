package org.dsarules.register.xlsx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dsarules.model.Register;
import org.dsarules.register.ReadResult;
import org.dsarules.register.csv.CsvRegisterReader;
import org.junit.jupiter.api.Test;

/**
 * issue 25 item 10: a register written back as .xlsx keeps its cells' types (a TRUE stays a boolean, a date
 * a date), reads back as the same register, and is the same bytes whenever it is written.
 */
class XlsxRegisterWriterTest {
    static final String CSV = """
            practice.odsCode,practice.name,practice.icb,id,title,status,signedOn,commercialAccess,dpiaProvided,\
            nationalDataOptOutApplied,parties[0].name,parties[0].directCareProvider,purposes,notes,\
            history[0].date,history[0].field,history[0].oldValue,history[0].newValue,history[0].source,\
            # checked,# on,# rows,# ref,# score,# said
            Z99001,Smith & Jones Surgery,NHS Westvale ICB,007,2024,EXISTING,2022-09-14,TRUE,false,,NHS England,no,\
            RESEARCH; SERVICE_PLANNING,"'=HYPERLINK(""x"")",2026-06-16,icbAssessment.status,,REQUESTED,sent icb,\
            true,2026-03-31,12,0123,1.50,'-5
            Z99001,Smith & Jones Surgery,NHS Westvale ICB,MB-02,''=quoted,NEW_REQUEST,,,TRUE,yes,Acme Ltd,,[],- draft,,,,,,\
            false,1899-12-31,-2.5,1e3,,=SUM(A1)
            """;

    static Register read(String csv) {
        ReadResult r = CsvRegisterReader.defaults().readAll(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "r.csv");
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        return r.register();
    }

    static byte[] write(Register register) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxRegisterWriter().write(register, out);
        return out.toByteArray();
    }

    /** The written sheet's cells by column name, for the row of the {@code n}th agreement. */
    static Map<String, Cell> cells(XSSFWorkbook book, int n) {
        Sheet s = book.getSheetAt(0);
        Row header = s.getRow(0);
        Row row = s.getRow(n + 1);
        Map<String, Cell> cells = new HashMap<>();
        for (int i = 0; i < header.getLastCellNum(); i++) {
            cells.put(header.getCell(i).getStringCellValue(), row.getCell(i));
        }
        return cells;
    }

    /** The fault of issue 25: TRUE, FALSE and dates were written as text cells, which sort and filter as text. */
    @Test
    void booleansAreBooleanCellsAndDatesDateCells() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(write(read(CSV))))) {
            Map<String, Cell> first = cells(book, 0);
            assertEquals(CellType.BOOLEAN, first.get("commercialAccess").getCellType());
            assertTrue(first.get("commercialAccess").getBooleanCellValue());
            assertEquals(CellType.BOOLEAN, first.get("dpiaProvided").getCellType());
            assertFalse(first.get("dpiaProvided").getBooleanCellValue());
            assertEquals(CellType.BOOLEAN, first.get("parties[0].directCareProvider").getCellType());
            Cell signed = first.get("signedOn");
            assertEquals(CellType.NUMERIC, signed.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(signed));
            assertEquals("yyyy-mm-dd", signed.getCellStyle().getDataFormatString());
            assertEquals(LocalDate.of(2022, 9, 14), signed.getLocalDateTimeCellValue().toLocalDate());
            assertTrue(DateUtil.isCellDateFormatted(first.get("history[0].date")));
            // a field that is not known is no cell at all, as before
            assertEquals(null, first.get("nationalDataOptOutApplied"));
            // text stays text: an id with leading zeros, a title that looks like a number, an enum
            assertEquals(CellType.STRING, first.get("id").getCellType());
            assertEquals("007", first.get("id").getStringCellValue());
            assertEquals(CellType.STRING, first.get("title").getCellType());
            assertEquals(CellType.STRING, first.get("status").getCellType());
        }
    }

    @Test
    void thePracticesOwnColumnsKeepTheKindTheReaderReadThemAs() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(write(read(CSV))))) {
            Map<String, Cell> first = cells(book, 0);
            assertEquals(CellType.BOOLEAN, first.get("# checked").getCellType());
            assertTrue(DateUtil.isCellDateFormatted(first.get("# on")));
            assertEquals(CellType.NUMERIC, first.get("# rows").getCellType());
            assertEquals(12, first.get("# rows").getNumericCellValue());
            // what would not read back as typed stays text
            assertEquals(CellType.STRING, first.get("# ref").getCellType());
            assertEquals(CellType.STRING, first.get("# score").getCellType());
            Map<String, Cell> second = cells(book, 1);
            assertEquals(-2.5, second.get("# rows").getNumericCellValue());
            assertEquals(CellType.STRING, second.get("# on").getCellType(), "Excel has no date before 1900");
            assertEquals(CellType.STRING, second.get("# ref").getCellType(), "1e3 reads back as 1000");
        }
    }

    @Test
    void aTextASpreadsheetWouldRunIsMarkedTextAndKeptAsWritten() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(write(read(CSV))))) {
            Map<String, Cell> first = cells(book, 0);
            Cell notes = first.get("notes");
            assertEquals(CellType.STRING, notes.getCellType());
            assertEquals("=HYPERLINK(\"x\")", notes.getStringCellValue());
            assertTrue(notes.getCellStyle().getQuotePrefixed(), "Excel would run it once the cell is edited");
            // the practice's -5 is a number, which no spreadsheet runs
            assertEquals(CellType.NUMERIC, first.get("# said").getCellType());
            assertFalse(first.get("title").getCellStyle().getQuotePrefixed());
            Map<String, Cell> second = cells(book, 1);
            assertEquals(CellType.STRING, second.get("# said").getCellType());
            assertEquals("=SUM(A1)", second.get("# said").getStringCellValue());
            assertTrue(second.get("# said").getCellStyle().getQuotePrefixed());
            assertEquals("- draft", second.get("notes").getStringCellValue());
            assertTrue(second.get("notes").getCellStyle().getQuotePrefixed());
            // a title of its own starting with a quote gets one more, which the reader removes
            assertEquals("''=quoted", second.get("title").getStringCellValue());
        }
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameRegister() throws IOException {
        Register register = read(CSV);
        assertEquals("'=quoted", register.agreements().get(1).title());
        Register back = XlsxRegisterReader.defaults().readAll(new ByteArrayInputStream(write(register)), "r.xlsx").register();
        assertEquals(register.practice(), back.practice());
        assertEquals(register.agreements(), back.agreements());
        assertEquals(register.ownColumns(), back.ownColumns());
        assertEquals(Boolean.TRUE, back.agreements().get(0).commercialAccess());
        assertEquals(LocalDate.of(2022, 9, 14), back.agreements().get(0).signedOn());
        assertEquals("-5", back.ownColumns().get("007").get("# said"));
        // and written again, the same bytes
        assertArrayEquals(write(register), write(back));
    }

    @Test
    void theSameRegisterGivesTheSameBytesWithOneFixedTime() throws Exception {
        Register register = read(CSV);
        byte[] one = write(register);
        // a zip records times to two seconds: a clock in the file would show across this pause
        Thread.sleep(2100);
        assertArrayEquals(one, write(register));
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(one))) {
            int entries = 0;
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                entries++;
                assertEquals(LocalDateTime.of(1980, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
                if (e.getName().equals("docProps/core.xml")) {
                    assertFalse(new String(z.readAllBytes(), StandardCharsets.UTF_8).contains("created"));
                }
            }
            assertTrue(entries > 3);
        }
    }

    @Test
    void anEmptyRegisterIsAHeaderOnly() throws IOException {
        Register empty = new Register(null, List.of());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(write(empty)))) {
            assertEquals(0, book.getSheetAt(0).getLastRowNum());
            assertEquals("id", book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
        }
    }
}
