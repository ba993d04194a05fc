package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.dsarules.DsaRules;
import org.dsarules.decision.Outcome;
import org.dsarules.documents.AuditWorkbook;
import org.dsarules.register.json.RegisterReader;
import org.dsarules.model.Agreement;
import org.dsarules.model.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The document commands as a practice runs them: never silently incomplete, the other letters, the workbook. */
class DocumentCommandsTest {
    static final String SAMPLE = AuditCommandTest.SAMPLE.toString();
    static final LocalDate AS_OF = LocalDate.parse("2026-06-15");

    /** The sample register with one record broken (a purpose that does not exist): MB-04 is then in error. */
    static Path brokenRegister(Path dir) throws Exception {
        String json = Files.readString(AuditCommandTest.SAMPLE).replace("\"PAYMENT_AND_CONTRACT_MONITORING\"", "\"PAYMENTS\"");
        Path file = dir.resolve("broken.json");
        Files.writeString(file, json);
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"letter", "ppg", "refer"})
    void withRecordsInErrorADocumentIsWrittenOnlyWhenAskedAndThenNamesWhatItLeavesOut(String command, @TempDir Path dir)
            throws Exception {
        Path register = brokenRegister(dir);
        Path out = dir.resolve("doc.txt");
        AuditCommandTest.Run refused = AuditCommandTest.run(command, register.toString(), "--as-of", "2026-06-15",
                "--out", out.toString());
        assertEquals(1, refused.status(), refused.err());
        assertFalse(Files.exists(out), "a document was written");
        assertTrue(refused.err().contains("1 record(s) in error, so no document was written"), refused.err());
        assertTrue(refused.err().contains("--allow-incomplete"), refused.err());
        assertEquals(1, refused.err().lines().count(), "one line: " + refused.err());

        AuditCommandTest.Run allowed = AuditCommandTest.run(command, register.toString(), "--as-of", "2026-06-15",
                "--allow-incomplete");
        assertEquals(1, allowed.status(), allowed.err());
        assertTrue(allowed.out().contains("MB-04"), "the document names the agreement it leaves out:\n" + allowed.out());
        assertTrue(allowed.out().toLowerCase().contains("incomplete"), allowed.out());
    }

    @Test
    void thePpgPageSaysHowManyItCheckedWhenSomeAreLeftOut(@TempDir Path dir) throws Exception {
        AuditCommandTest.Run r = AuditCommandTest.run("ppg", brokenRegister(dir).toString(), "--as-of", "2026-06-15",
                "--allow-incomplete");
        assertTrue(r.out().contains("We have checked 12 of our 13; we could not yet check 1 more"), r.out());
        assertFalse(r.out().contains("all 13"), r.out());
    }

    @Test
    void theOtherLettersGoToWhoTheyAreFor() {
        AuditCommandTest.Run notice = AuditCommandTest.run("letter", SAMPLE, "--as-of", "2026-06-15", "--kind", "notice");
        assertEquals(0, notice.status(), notice.err());
        // One notice per agreement decided WITHDRAW (MB-05, MB-06, MB-11), each to its organisation.
        assertEquals(3, notice.out().lines().filter(l -> l.startsWith("NOTICE OF WITHDRAWAL: ")).count(), notice.out());
        assertTrue(notice.out().contains("To: [CONTACT NAME], Helix Health Analytics Ltd"), notice.out());
        assertTrue(notice.out().contains("Notice is given now"), notice.out());

        AuditCommandTest.Run supplier = AuditCommandTest.run("letter", SAMPLE, "--as-of", "2026-06-15", "--kind", "supplier");
        assertEquals(0, supplier.status(), supplier.err());
        assertTrue(supplier.out().contains("To: Orbit Clinical Systems Ltd"), supplier.out());
        for (String id : List.of("MB-05", "MB-06", "MB-11")) {
            assertTrue(supplier.out().contains("(our reference " + id + ")"), id);
        }

        AuditCommandTest.Run reply = AuditCommandTest.run("letter", SAMPLE, "--as-of", "2026-06-15", "--kind", "referral-reply");
        assertEquals(0, reply.status(), reply.err());
        // MB-10 is the one new request referred to the BMA; MB-12 is referred but signed: no reply to a requester.
        assertTrue(reply.out().contains("(our reference MB-10)") && !reply.out().contains("MB-12"), reply.out());
        assertTrue(reply.out().contains("To: [CONTACT NAME], NHS Westvale ICB"), reply.out());

        AuditCommandTest.Run bad = AuditCommandTest.run("letter", SAMPLE, "--kind", "thanks");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("\"thanks\" is not a kind of letter"), bad.err());
    }

    @Test
    void theWorkbookHasARowPerAgreementInPlainWords(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("audit.xlsx");
        AuditCommandTest.Run r = AuditCommandTest.run("audit", SAMPLE, "--as-of", "2026-06-15", "--format", "xlsx",
                "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        Map<String, Map<String, String>> rows = new TreeMap<>();
        try (InputStream in = Files.newInputStream(out); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet("Agreements");
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertEquals(AuditWorkbook.COLUMNS, header);
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                Map<String, String> cells = new TreeMap<>();
                for (int c = 0; c < header.size(); c++) {
                    cells.put(header.get(c), row.getCell(c) == null ? "" : row.getCell(c).getStringCellValue());
                }
                rows.put(cells.get("Reference"), cells);
            }
            assertEquals(0, wb.getSheet("Not decided").getLastRowNum(), "no record in error");
        }
        assertEquals(13, rows.size());
        Map<String, String> mb05 = rows.get("MB-05");
        assertEquals("Withdraw", mb05.get("Outcome"));
        assertEquals("Helix Health Analytics Ltd", mb05.get("Organisation"));
        assertTrue(mb05.get("Red flags").contains("a commercial organisation can access"), mb05.toString());
        assertFalse(mb05.get("Red flags").contains("RF-"), "codes are for the trace and the JSON");
        assertTrue(mb05.get("Next steps").contains("Notice is given now"), mb05.toString());
        Map<String, String> mb13 = rows.get("MB-13");
        assertEquals("Ask the ICB", mb13.get("Outcome"));
        assertTrue(mb13.get("Questions for the ICB").contains("What is the data used for"), mb13.toString());
        // Exact: what the rules decide when the purpose is answered that way.
        assertEquals("If the data is used for product development: Withdraw", mb13.get("What would settle it"), mb13.toString());
        DsaRules rules = DsaRules.defaults();
        Agreement answered = RegisterReader.defaults().readAll(AuditCommandTest.SAMPLE).agreements().stream()
                        .filter(x -> x.id().equals("MB-13")).findFirst().orElseThrow().toBuilder().purposes(Purpose.PRODUCT_DEVELOPMENT).build();
        assertEquals(Outcome.WITHDRAW, rules.decide(answered, AS_OF).outcome());

        AuditCommandTest.Run noOut = AuditCommandTest.run("audit", SAMPLE, "--format", "xlsx");
        assertEquals(2, noOut.status());
        assertTrue(noOut.err().contains("give --out FILE.xlsx"), noOut.err());
    }

    @Test
    void thePpgPageAlsoComesAsHtml() {
        AuditCommandTest.Run r = AuditCommandTest.run("ppg", SAMPLE, "--as-of", "2026-06-15", "--format", "html");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("<!DOCTYPE html>"));
        assertTrue(r.out().contains("www.nhs.uk/your-nhs-data-matters"), "how to register a national data opt-out");
        assertTrue(r.out().contains("Type 1 opt-out"));
    }
}
