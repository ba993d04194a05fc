package org.dsarules.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dsarules.decision.ErrorCode;
import org.dsarules.model.Agreement;
import org.dsarules.model.HistoryEntry;
import org.dsarules.model.Practice;
import org.dsarules.model.Register;
import org.dsarules.register.RegisterFiles.Format;
import org.dsarules.register.json.AgreementCodec;
import org.dsarules.register.json.RegisterReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every form of register writes what it reads: the practice block, every agreement, its history. */
class RegisterWriterTest {
    @TempDir
    Path dir;

    /** issue 11: the 13-agreement register as Excel saves it (UK dates, Yes/No, date cells, numbers) loses nothing. */
    @Test
    void aRegisterAsExcelSavesItLosesNothing() throws IOException {
        Path file = dir.resolve("register.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet s = book.createSheet("DSAs");
            CellStyle ukDate = book.createCellStyle();
            ukDate.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            String[] header = {"practice.odsCode", "practice.name", "id", "title", "status", "signedOn", "commercialAccess",
                "dpiaProvided", "parties[0].name", "parties[0].directCareProvider", "purposes", "notes"};
            Row h = s.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            for (int n = 1; n <= 13; n++) {
                Row row = s.createRow(n);
                if (n == 1) {
                    row.createCell(0).setCellValue("A81001");
                    row.createCell(1).setCellValue("Riverside Medical Practice");
                }
                row.createCell(2).setCellValue(n); // Excel keeps 1, 2, ... as numbers
                row.createCell(3).setCellValue("Agreement " + n);
                row.createCell(4).setCellValue("Existing");
                if (n % 2 == 0) {
                    Cell d = row.createCell(5);
                    d.setCellValue(LocalDate.of(2022, 9, n));
                    d.setCellStyle(ukDate);
                } else {
                    row.createCell(5).setCellValue(n + "/09/2022");
                }
                row.createCell(6).setCellValue(n % 3 == 0 ? "Yes" : "No");
                if (n % 4 == 0) {
                    row.createCell(7).setCellValue(true);
                }
                row.createCell(8).setCellValue("NHS England");
                row.createCell(9).setCellValue("n");
                row.createCell(10).setCellValue("RESEARCH; SERVICE_PLANNING");
            }
            try (var out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }
        ReadResult r = ReadResult.of(RegisterFiles.open(file));
        assertEquals(List.of(), r.errors());
        assertEquals(13, r.agreements().size());
        assertEquals(new Practice("A81001", "Riverside Medical Practice", null), r.practice());
        for (int n = 1; n <= 13; n++) {
            Agreement a = r.agreements().get(n - 1);
            assertEquals(Integer.toString(n), a.id());
            assertEquals(LocalDate.of(2022, 9, n), a.signedOn(), a.id());
            assertEquals(n % 3 == 0, a.commercialAccess(), a.id());
            assertEquals(n % 4 == 0 ? Boolean.TRUE : null, a.dpiaProvided(), a.id());
            assertEquals(Boolean.FALSE, a.parties().get(0).directCareProvider());
        }
    }

    @Test
    void aLaterRowGivingAnotherPracticeIsAnErrorForThatRow() throws IOException {
        String csv = "practice.name,id\nRiverside,DSA-1\n,DSA-2\nHillside,DSA-3\n";
        ReadResult r = ReadResult.of(RegisterFiles.open(write("p.csv", csv)));
        assertEquals(2, r.agreements().size());
        assertEquals("Riverside", r.practice().name());
        assertEquals(ErrorCode.PRACTICE_CONFLICT, r.errors().get(0).code());
        assertEquals("DSA-3", r.errors().get(0).dsaId());
        assertEquals("practice.name", r.errors().get(0).field());
        assertEquals("row 4: practice.name: \"Hillside\" differs from the practice given in row 2 (\"Riverside\"): a register"
                + " is one practice's; leave the cell empty or give the same value", r.errors().get(0).message());
    }

    @Test
    void csvDatesTheUkWayAndHintsThatShowTheCorrectedValue() throws IOException {
        String csv = "id,signedOn,reviewDue,purposes\nDSA-1,14/09/2022,1/5/2026,RESEARCH\nDSA-2,2022-9-14,,\n"
                + "DSA-3,14.09.2022,,\nDSA-4,,,\"RESEARCH, SERVICE_PLANNING\"\n";
        ReadResult r = ReadResult.of(RegisterFiles.open(write("d.csv", csv)));
        assertEquals(LocalDate.of(2022, 9, 14), r.agreements().get(0).signedOn());
        assertEquals(LocalDate.of(2026, 5, 1), r.agreements().get(0).reviewDue(), "day first, always");
        assertEquals(ErrorCode.BAD_DATE, r.errors().get(0).code());
        assertEquals("row 3: signedOn: \"2022-9-14\" is not a date: write YYYY-MM-DD, D/M/YYYY or DD/MM/YYYY (day first),"
                + " or leave it empty if not known; did you mean 2022-09-14?", r.errors().get(0).message());
        assertTrue(r.errors().get(1).message().endsWith("did you mean 2022-09-14?"), r.errors().get(1).message());
        assertEquals(ErrorCode.BAD_LIST, r.errors().get(2).code());
        assertEquals("purposes", r.errors().get(2).field());
        assertEquals("row 5: purposes: \"RESEARCH, SERVICE_PLANNING\": values are separated by ';', not ','"
                + " (write RESEARCH; SERVICE_PLANNING)", r.errors().get(2).message());
    }

    /** issue 15: text that is not valid Unicode is a record error naming the field, in JSON as in CSV. */
    @Test
    void aLoneSurrogateIsBadText() throws IOException {
        String json = "[{\"id\": \"A\\udc00\"}, {\"id\": \"B\", \"parties\": [{\"name\": \"X\\ud800\"}]}, {\"id\": \"C\"}]";
        ReadResult r = ReadResult.of(RegisterFiles.open(write("s.json", json)));
        assertEquals(1, r.agreements().size());
        assertEquals(ErrorCode.BAD_TEXT, r.errors().get(0).code());
        assertEquals("id", r.errors().get(0).field());
        assertEquals(null, r.errors().get(0).dsaId(), "an id that cannot be written out as given is not repeated");
        assertEquals("parties[0].name", r.errors().get(1).field());
        assertEquals(ErrorCode.BAD_TEXT, r.errors().get(1).code());
        assertTrue(r.errors().get(1).message().contains("\\ud800"), r.errors().get(1).message());
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void theJsonFormWritesThePracticeBlocksOtherKeysAsGiven() throws IOException {
        Register r = new Register(new Practice("A1", "N", null, Map.of("list", List.of(1, 2))), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegisterFiles.writer(Format.JSON).write(r, out);
        ReadResult back = RegisterReader.defaults().readAll(new ByteArrayInputStream(out.toByteArray()), "r.json");
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        RegisterFiles.writer(Format.JSON).write(back.register(), again);
        assertEquals(out.toString(StandardCharsets.UTF_8), again.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"list\" : [ 1, 2 ]"), out.toString(StandardCharsets.UTF_8));
    }
}
