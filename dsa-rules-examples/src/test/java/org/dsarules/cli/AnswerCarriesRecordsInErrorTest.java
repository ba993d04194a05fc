package org.dsarules.cli;

import static org.dsarules.cli.RoundTest.JSON;
import static org.dsarules.cli.RoundTest.dsa;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dsarules.decision.RecordError;
import org.dsarules.register.ReadResult;
import org.dsarules.register.RegisterFiles;
import org.dsarules.register.csv.CsvRegisterReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code answer} over registers with records in error (issue 26): the answers apply to the good records, and
 * each record in error is written into the new register as it was read, at its own place, cell for cell (CSV
 * cells as typed, .xlsx cells with their type, JSON records as the same tree), own {@code #} columns kept; the
 * command lists them and exits 1, every register written. Real readers and writers, the project's messy folder.
 */
class AnswerCarriesRecordsInErrorTest {
    private static final String ANSWERS = "practice,agreementId,programme,title,field,question,allowed,answer,comment\n"
            + ",,GDPPR,,icbAssessment.conclusion,Conclusion?,one of,NECESSARY_AND_LAWFUL,Direction in force\n"
            + "A81001,A-3,,,dpiaProvided,q,true or false,true,\n"
            + "A81001,A-2,,,dpiaProvided,q,true or false,true,\n";

    @Test
    void csvRegistersKeepTheirRecordsInErrorCellForCell(@TempDir Path dir) throws Exception {
        Path q = Files.writeString(dir.resolve("answers.csv"), ANSWERS, StandardCharsets.UTF_8);
        Path out = Files.createDirectory(dir.resolve("new"));
        RoundTest.Run run = dsa("answer", MessyFolderTest.A, MessyFolderTest.B, MessyFolderTest.C, q.toString(),
                "--out", out.toString(), "--on", "2026-12-07", "--aliases", MessyFolderTest.ALIASES);
        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("2 record(s) in error carried through unchanged"), run.out());
        assertTrue(run.out().contains("Records in error (no answer applies to them; written into the new register as they were read):"),
                run.out());
        assertTrue(run.out().contains("  " + MessyFolderTest.A + "  A-3 (entry 3): "), run.out());
        // a row for a record in error is refused, saying why
        assertTrue(run.out().contains("A-3 is a record in error in " + MessyFolderTest.A + ", carried through unchanged"), run.out());
        for (String name : List.of("practice-a.csv", "practice-b.csv", "practice-c.csv")) {
            assertTrue(run.out().contains("Wrote " + out.resolve(name)), run.out());
        }

        Path written = out.resolve("practice-a.csv");
        ReadResult before = CsvRegisterReader.defaults().readAll(Path.of(MessyFolderTest.A));
        ReadResult after = CsvRegisterReader.defaults().readAll(written);
        // the same records in error, at the same places, with the same problems
        assertEquals(before.errors(), after.errors());
        assertEquals(List.of("A-1", "A-2"), after.agreements().stream().map(a -> a.id()).toList());
        // the answers applied to the good records, in every register
        assertEquals("NECESSARY_AND_LAWFUL", after.agreements().get(0).icbAssessment().conclusion().name());
        assertEquals(Boolean.TRUE, after.agreements().get(1).dpiaProvided());
        assertEquals("NECESSARY_AND_LAWFUL", CsvRegisterReader.defaults().readAll(out.resolve("practice-b.csv")).agreements().get(0)
                .icbAssessment().conclusion().name());
        // cell for cell: each record in error's row, by column, as the input had it (own # column too)
        Map<String, Map<String, String>> in = rowsById(Files.readString(Path.of(MessyFolderTest.A)));
        Map<String, Map<String, String>> now = rowsById(Files.readString(written));
        for (String id : List.of("A-3", "A-4")) {
            Map<String, String> typed = nonEmpty(in.get(id));
            assertEquals(typed, nonEmpty(now.get(id)), id);
        }
        assertEquals("typed from the paper copy", now.get("A-4").get("# PM comments"));
        // in place
        assertEquals(List.of("A-1", "A-2", "A-3", "A-4"), new ArrayList<>(now.keySet()));
    }

    @Test
    void anXlsxRegisterKeepsItsRecordInErrorWithItsCellTypes(@TempDir Path dir) throws Exception {
        Path register = dir.resolve("dale.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(register)) {
            Sheet s = book.createSheet("Register");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            List<String> header = List.of("practice.odsCode", "practice.name", "id", "title", "programme", "status",
                    "signedOn", "notes", "# PM comments");
            Row h = s.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            Row r1 = s.createRow(1);
            text(r1, "D84004", "Dale Surgery", "D-1", "GP data extraction", "GDPPR", "EXISTING");
            Row r2 = s.createRow(2);
            text(r2, "", "", "D-2", "Typed by hand", "GDPPR", "EXSTING");
            Cell signed = r2.createCell(6);
            signed.setCellValue(LocalDate.of(2022, 9, 14));
            signed.setCellStyle(date);
            r2.createCell(7).setCellValue(1.5);
            r2.createCell(8).setCellValue("ask Dr Lee");
            Row r3 = s.createRow(3);
            text(r3, "", "", "D-3", "Shared care", "Westvale shared care record", "EXISTING");
            book.write(os);
        }
        Path q = Files.writeString(dir.resolve("answers.csv"), ANSWERS, StandardCharsets.UTF_8);
        Path out = Files.createDirectory(dir.resolve("new"));
        RoundTest.Run run = dsa("answer", MessyFolderTest.A, register.toString(), q.toString(), "--out", out.toString(),
                "--on", "2026-12-07", "--aliases", MessyFolderTest.ALIASES);
        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.out().contains(register + "  D-2 (entry 2): "), run.out());

        ReadResult before = ReadResult.of(RegisterFiles.open(register));
        ReadResult after = ReadResult.of(RegisterFiles.open(out.resolve("dale.xlsx")));
        assertEquals(before.errors(), after.errors());
        assertEquals(List.of("D-1", "D-3"), after.agreements().stream().map(a -> a.id()).toList());
        assertEquals("NECESSARY_AND_LAWFUL", after.agreements().get(0).icbAssessment().conclusion().name());
        try (InputStream is = Files.newInputStream(out.resolve("dale.xlsx")); XSSFWorkbook book = new XSSFWorkbook(is)) {
            Sheet s = book.getSheetAt(0);
            Map<String, Integer> columns = new LinkedHashMap<>();
            s.getRow(0).forEach(c -> columns.put(c.getStringCellValue(), c.getColumnIndex()));
            Row d2 = s.getRow(2);
            assertEquals("D-2", d2.getCell(columns.get("id")).getStringCellValue());
            assertEquals("EXSTING", d2.getCell(columns.get("status")).getStringCellValue());
            Cell signed = d2.getCell(columns.get("signedOn"));
            assertEquals(CellType.NUMERIC, signed.getCellType());
            assertEquals(LocalDate.of(2022, 9, 14), signed.getLocalDateTimeCellValue().toLocalDate());
            assertEquals("14/09/2022", new DataFormatter().formatCellValue(signed));
            assertEquals(1.5, d2.getCell(columns.get("notes")).getNumericCellValue());
            assertEquals("ask Dr Lee", d2.getCell(columns.get("# PM comments")).getStringCellValue());
            assertEquals("D-3", s.getRow(3).getCell(columns.get("id")).getStringCellValue());
        }
    }

    @Test
    void aJsonRegisterKeepsItsRecordInErrorAsTheSameTree(@TempDir Path dir) throws Exception {
        Path regs = Files.createDirectory(dir.resolve("regs"));
        ObjectNode bad = SystemTest.as("MB-03", "DSA-9", "GDPPR");
        bad.putArray("purposes").add("PAYMENTS");
        bad.put("notes", "1.50 as typed");
        bad.put("ownKeyOfThePractice", 1.50);
        Path alder = SystemTest.register(regs, "alder.json", "A00001", "Alder Surgery",
                SystemTest.as("MB-03", "DSA-1", "GDPPR"), bad, SystemTest.as("MB-08", "DSA-2", "Public health feed"));
        Path birch = SystemTest.register(regs, "birch.json", "B00002", "Birch Practice", SystemTest.as("MB-03", "DSA-1", "gdppr"));
        Path q = Files.writeString(dir.resolve("answers.csv"), ANSWERS, StandardCharsets.UTF_8);
        Path out = Files.createDirectory(dir.resolve("new"));
        RoundTest.Run run = dsa("answer", alder.toString(), birch.toString(), q.toString(), "--out", out.toString(),
                "--on", "2026-12-07");
        assertEquals(1, run.status(), run.out() + run.err());
        JsonNode in = JSON.readTree(alder.toFile()).get("agreements").get(1);
        String written = Files.readString(out.resolve("alder.json"));
        JsonNode now = JSON.readTree(written).get("agreements");
        assertEquals(3, now.size());
        assertEquals(in, now.get(1));
        assertTrue(written.contains("\"ownKeyOfThePractice\" : 1.5"), written);
        assertEquals("NECESSARY_AND_LAWFUL", now.get(0).get("icbAssessment").get("conclusion").asText());
        List<RecordError> errors = ReadResult.of(RegisterFiles.open(out.resolve("alder.json"))).errors();
        assertEquals(List.of(1), errors.stream().map(RecordError::index).toList());
        assertNull(JSON.readTree(written).get("agreements").get(1).get("history"));
    }

    private static void text(Row r, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].isEmpty()) {
                r.createCell(i).setCellValue(cells[i]);
            }
        }
    }

    /** Each data row of a CSV register by its id: column name to cell. */
    private static Map<String, Map<String, String>> rowsById(String csv) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (var it = new com.fasterxml.jackson.dataformat.csv.CsvMapper()
                .enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(List.class).<List<String>>readValues(csv)) {
            it.forEachRemaining(rows::add);
        }
        List<String> header = rows.get(0);
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < r.size() && i < header.size(); i++) {
                cells.put(header.get(i), r.get(i));
            }
            out.put(cells.get("id"), cells);
        }
        return out;
    }

    private static Map<String, String> nonEmpty(Map<String, String> cells) {
        return cells.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
