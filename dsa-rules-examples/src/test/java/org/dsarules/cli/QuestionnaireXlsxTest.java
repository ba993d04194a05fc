package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.dsarules.round.Questionnaire;
import org.dsarules.round.documents.SystemWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ICB questionnaire as an Excel workbook: written with the CSV questionnaire's columns and rows on
 * its first sheet, and, once answered, applied exactly as the CSV one is.
 */
class QuestionnaireXlsxTest {
    static final String AS_OF = "2026-06-15";

    @Test
    void theWorkbookHoldsTheCsvRowsOnItsFirstSheet(@TempDir Path dir) throws Exception {
        Path register = dir.resolve("millbrook.json");
        Files.copy(Path.of(RoundTest.SAMPLE), register);
        RoundTest.Run csv = RoundTest.dsa("questions", register.toString(), "--as-of", AS_OF);
        assertEquals(0, csv.status(), csv.err());
        List<List<String>> expected = csvRows(csv.out());
        assertTrue(expected.size() > 5, csv.out());
        assertEquals(Questionnaire.WRITTEN_COLUMNS, expected.get(0));

        // chosen by the --out name, and by --format
        Path byName = dir.resolve("questions.xlsx");
        RoundTest.Run x = RoundTest.dsa("questions", register.toString(), "--as-of", AS_OF, "--out", byName.toString());
        assertEquals(0, x.status(), x.err());
        assertEquals(expected, sheetRows(byName));
        Path byFormat = dir.resolve("questions.sheet");
        RoundTest.Run f = RoundTest.dsa("questions", register.toString(), "--as-of", AS_OF, "--format", "xlsx",
                "--out", byFormat.toString());
        assertEquals(0, f.status(), f.err());
        assertEquals(expected, sheetRows(byFormat));
        // --format csv wins over the name
        Path csvNamedXlsx = dir.resolve("plain.xlsx");
        assertEquals(0, RoundTest.dsa("questions", register.toString(), "--as-of", AS_OF, "--format", "csv",
                "--out", csvNamedXlsx.toString()).status());
        assertEquals(csv.out(), Files.readString(csvNamedXlsx));

        RoundTest.Run noOut = RoundTest.dsa("questions", register.toString(), "--as-of", AS_OF, "--format", "xlsx");
        assertEquals(DsaAudit.CANNOT_RUN, noOut.status());
        assertTrue(noOut.err().contains("--format xlsx writes a workbook, which is not text: give --out FILE.xlsx"),
                noOut.err());
    }

    @Test
    void anAnsweredWorkbookGivesTheSameNewRegisterAsTheAnsweredCsv(@TempDir Path dir) throws Exception {
        Path register = dir.resolve("millbrook.json");
        Files.copy(Path.of(RoundTest.SAMPLE), register);
        RoundTest.Run questions = RoundTest.dsa("questions", register.toString(), "--as-of", AS_OF);
        assertEquals(0, questions.status(), questions.err());
        String answered = RoundTest.answer(questions.out(), Map.of(
                "MB-01|icbAssessment.conclusion", "NECESSARY_AND_LAWFUL",
                "MB-08|dpiaProvided", "yes",
                "MB-08|icbAssessment.conclusion", "DECLINED",
                "MB-09|legalRequirement.reference", "Respiratory Audit Direction 2026 (HSCA 2012 s254)",
                "MB-13|purposes", "DIRECT_CARE",
                "MB-13|icbAssessment.conclusion", "maybe"));
        // Each form in its own folder under the same name, so that the history's source is the same text.
        Path csvDir = Files.createDirectory(dir.resolve("csv"));
        Path xlsxDir = Files.createDirectory(dir.resolve("xlsx"));
        Path csvAnswers = csvDir.resolve("answers.csv");
        Files.writeString(csvAnswers, answered + "Z99042,MB-11,,,icbAssessment.requestedOn,,,2026-06-16\n");
        Path xlsxAnswers = xlsxDir.resolve("answers.xlsx");
        try (OutputStream os = Files.newOutputStream(xlsxAnswers)) {
            Questionnaire.writeWorkbook(Questionnaire.read(csvAnswers).stream()
                    .filter(r -> !"icbAssessment.requestedOn".equals(r.field()) || !"MB-11".equals(r.agreementId()))
                    .toList(), os);
        }
        // as Excel saves a date typed into a cell: a date cell, not text
        appendDateRow(xlsxAnswers, List.of("Z99042", "MB-11", "", "", "icbAssessment.requestedOn", "", ""),
                LocalDate.of(2026, 6, 16));
        assertEquals(Questionnaire.read(csvAnswers), Questionnaire.read(xlsxAnswers));

        Path fromCsv = csvDir.resolve("millbrook-2.json");
        Path fromXlsx = xlsxDir.resolve("millbrook-2.json");
        RoundTest.Run a = RoundTest.dsa("answer", register.toString(), csvAnswers.toString(), "--out", fromCsv.toString(),
                "--on", "2027-01-06");
        RoundTest.Run b = RoundTest.dsa("answer", register.toString(), xlsxAnswers.toString(), "--out", fromXlsx.toString(),
                "--on", "2027-01-06");
        assertEquals(1, a.status(), a.out() + a.err());
        assertEquals(a.status(), b.status(), b.out() + b.err());
        String out = b.out().replace("answers.xlsx", "answers.csv").replace(xlsxDir.toString(), csvDir.toString());
        assertEquals(a.out(), out);
        assertTrue(b.out().contains("MB-11  icbAssessment.requestedOn: (not known) -> 2026-06-16"), b.out());
        String written = Files.readString(fromXlsx);
        assertTrue(written.contains("ICB questionnaire answers.xlsx row "), written);
        assertEquals(Files.readString(fromCsv), written.replace("answers.xlsx", "answers.csv"));
    }

    @Test
    void aWorkbookLackingAColumnIsOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        Path register = dir.resolve("millbrook.json");
        Files.copy(Path.of(RoundTest.SAMPLE), register);
        Path bad = dir.resolve("answers.xlsx");
        Files.writeString(bad, "practice,agreementId\n");
        RoundTest.Run r = RoundTest.dsa("answer", register.toString(), bad.toString(), "--out", dir.resolve("n.json").toString());
        assertEquals(DsaAudit.CANNOT_RUN, r.status());
        assertTrue(r.err().contains(bad + ": not an Excel workbook (.xlsx) questionnaire that can be read"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void theSystemQuestionnaireAndReportAsWorkbooks(@TempDir Path dir) throws Exception {
        Path regs = SystemTest.system(dir);
        RoundTest.Run csv = RoundTest.dsa("questions", regs.toString(), "--as-of", AS_OF);
        assertEquals(0, csv.status(), csv.err());
        Path q = dir.resolve("system-questionnaire.xlsx");
        assertEquals(0, RoundTest.dsa("questions", regs.toString(), "--as-of", AS_OF, "--out", q.toString()).status());
        assertEquals(csvRows(csv.out()), sheetRows(q));

        // The system report: a row per programme and practice holding it, as the JSON report has them.
        RoundTest.Run json = RoundTest.dsa("audit", regs.toString(), "--as-of", AS_OF, "--format", "json");
        assertEquals(0, json.status(), json.err());
        JsonNode report = RoundTest.JSON.readTree(json.out());
        Path book = dir.resolve("system.xlsx");
        RoundTest.Run x = RoundTest.dsa("audit", regs.toString(), "--as-of", AS_OF, "--format", "xlsx", "--out", book.toString());
        assertEquals(0, x.status(), x.err());
        List<String> expected = new ArrayList<>();
        for (JsonNode p : report.get("programmes")) {
            for (JsonNode h : p.get("holdings")) {
                expected.add(p.get("label").asText() + "|" + p.get("practices").asInt() + "|" + h.get("practice").asText()
                        + "|" + h.get("dsaId").asText() + "|" + h.get("outcome").asText() + "|"
                        + h.get("decisiveRule").asText() + "|" + (p.get("outcomesDiffer").asBoolean() ? "yes" : "no"));
            }
        }
        DataFormatter text = new DataFormatter();
        List<String> actual = new ArrayList<>();
        String helixFacts = null;
        try (InputStream in = Files.newInputStream(book); Workbook wb = WorkbookFactory.create(in)) {
            Sheet programmes = wb.getSheetAt(0);
            assertEquals("Programmes", programmes.getSheetName());
            List<String> header = new ArrayList<>();
            programmes.getRow(0).forEach(c -> header.add(text.formatCellValue(c)));
            assertEquals(SystemWorkbook.PROGRAMME_COLUMNS, header);
            for (int i = 1; i <= programmes.getLastRowNum(); i++) {
                Row r = programmes.getRow(i);
                int[] cols = {0, 1, 3, 4, 6, 7, 8};
                List<String> cells = new ArrayList<>();
                for (int c : cols) {
                    cells.add(text.formatCellValue(r.getCell(c)));
                }
                actual.add(String.join("|", cells));
                if ("A00001".equals(text.formatCellValue(r.getCell(3))) && "DSA-3".equals(text.formatCellValue(r.getCell(4)))) {
                    helixFacts = text.formatCellValue(r.getCell(9));
                }
            }
            Sheet practices = wb.getSheetAt(1);
            assertEquals("Practices", practices.getSheetName());
            JsonNode ps = report.get("practices");
            assertEquals(ps.size(), practices.getLastRowNum());
            for (int i = 0; i < ps.size(); i++) {
                Row r = practices.getRow(i + 1);
                JsonNode sum = ps.get(i).get("summary");
                assertEquals(ps.get(i).get("odsCode").asText(), r.getCell(1).getStringCellValue());
                for (int c = 3; c < SystemWorkbook.PRACTICE_COLUMNS.size(); c++) {
                    assertEquals(sum.get(SystemWorkbook.PRACTICE_COLUMNS.get(c)).asInt(), (int) r.getCell(c).getNumericCellValue(),
                            SystemWorkbook.PRACTICE_COLUMNS.get(c) + " of " + ps.get(i));
                }
            }
        }
        assertEquals(expected, actual);
        // the facts that make the Helix outcomes differ, with Alder's own values (the text report has them all)
        assertEquals(List.of("parties[0].kind", "purposes", "commercialAccess"),
                helixFacts.lines().map(l -> l.substring(0, l.indexOf(':'))).toList(), helixFacts);
        assertTrue(helixFacts.lines().toList().contains("commercialAccess: true"), helixFacts);
        RoundTest.Run noOut = RoundTest.dsa("audit", regs.toString(), "--as-of", AS_OF, "--format", "xlsx");
        assertEquals(DsaAudit.CANNOT_RUN, noOut.status());
        assertTrue(noOut.err().contains("give --out FILE.xlsx"), noOut.err());
    }

    static List<List<String>> csvRows(String csv) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = new CsvMapper().readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(csv)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** The first sheet's rows as text, each padded to the header's width as a CSV row is. */
    static List<List<String>> sheetRows(Path file) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); Workbook book = WorkbookFactory.create(in)) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("Questionnaire", sheet.getSheetName());
            for (Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Questionnaire.WRITTEN_COLUMNS.size(); i++) {
                    Cell c = r.getCell(i);
                    if (c != null) {
                        assertEquals(CellType.STRING, c.getCellType(), "row " + (r.getRowNum() + 1) + " cell " + i);
                    }
                    cells.add(c == null ? "" : text.formatCellValue(c));
                }
                assertTrue(r.getLastCellNum() <= Questionnaire.WRITTEN_COLUMNS.size());
                rows.add(cells);
            }
        }
        return rows;
    }

    static void appendDateRow(Path file, List<String> cells, LocalDate answer) throws Exception {
        Workbook book;
        try (InputStream in = Files.newInputStream(file)) {
            book = WorkbookFactory.create(in);
        }
        try (book) {
            Sheet sheet = book.getSheetAt(0);
            Row row = sheet.createRow(sheet.getLastRowNum() + 1);
            for (int i = 0; i < cells.size(); i++) {
                if (!cells.get(i).isEmpty()) {
                    row.createCell(i).setCellValue(cells.get(i));
                }
            }
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Cell c = row.createCell(cells.size());
            c.setCellValue(answer);
            c.setCellStyle(date);
            try (OutputStream os = Files.newOutputStream(file)) {
                book.write(os);
            }
        }
    }
}
