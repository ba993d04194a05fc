package org.dsarules.cli;

import static org.dsarules.cli.RoundTest.JSON;
import static org.dsarules.cli.RoundTest.dsa;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dsarules.round.documents.SystemWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every record of every register is in the system's documents, decided or in error (issue 26; issue 27 item 6),
 * on the project's own messy folder with the real rules: practice A's A-3 (a two-digit year) and A-4 (a misspelt
 * status) are listed with their problem in the LMC's working documents (JSON, HTML, workbook), and named by
 * reference only in the letter to the ICB.
 */
class SystemRecordsInErrorTest {
    private static final String[] FOLDER = {MessyFolderTest.A, MessyFolderTest.B, MessyFolderTest.C};

    private static String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of(FOLDER));
        all.addAll(List.of("--as-of", "2026-12-07", "--aliases", MessyFolderTest.ALIASES));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static String[] command(String name, String... more) {
        List<String> all = new ArrayList<>(List.of(name));
        all.addAll(List.of(args(more)));
        return all.toArray(String[]::new);
    }

    @Test
    void theSystemJsonListsEachRecordInErrorWithItsProblem() throws Exception {
        RoundTest.Run run = dsa(command("audit", "--format", "json"));
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().contains(MessyFolderTest.A + ": 2 record(s) in error, listed in this document with their "
                + "problem, not decided"), run.err());
        assertFalse(run.err().contains("not in this document"), run.err());
        JsonNode doc = JSON.readTree(run.out());
        JsonNode errors = doc.get("errors");
        assertEquals(2, errors.size(), errors.toString());
        assertEquals("A81001", errors.get(0).get("practice").asText());
        assertEquals(MessyFolderTest.A, errors.get(0).get("register").asText());
        assertEquals("A-3", errors.get(0).get("dsaId").asText());
        assertEquals("BAD_DATE", errors.get(0).get("code").asText());
        assertEquals(2, errors.get(0).get("index").asInt());
        assertTrue(errors.get(0).get("message").asText().contains("did you mean 2022-09-14?"), errors.toString());
        assertEquals("A-4", errors.get(1).get("dsaId").asText());
        assertEquals("BAD_ENUM", errors.get(1).get("code").asText());
        // decided plus in error is every record of every register (A: 4, B: 3, C: 3)
        int decided = 0;
        for (JsonNode p : doc.get("programmes")) {
            decided += p.get("holdings").size();
        }
        assertEquals(10, decided + errors.size());
        assertEquals(2, doc.get("summary").get("ERROR").asInt());
    }

    @Test
    void theSystemReportAndTextListThem() {
        RoundTest.Run html = dsa(command("audit", "--format", "html"));
        assertEquals(1, html.status(), html.err());
        assertTrue(html.out().contains("<h2 id=\"errors\">Records in error, not decided (2)</h2>"), html.out());
        assertTrue(html.out().contains("<tr data-practice=\"A81001\" data-code=\"BAD_DATE\"><td>Ashby Surgery</td>"), html.out());
        assertTrue(html.out().contains("<code>A-4</code>"), html.out());
        assertTrue(html.out().contains("did you mean 2022-09-14?"), html.out());

        RoundTest.Run text = dsa(command("audit"));
        assertEquals(1, text.status(), text.err());
        assertTrue(text.out().contains("RECORDS IN ERROR, NOT DECIDED (2)"), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.contains("A81001  A-3 (entry 3 of " + MessyFolderTest.A + ")  BAD_DATE")),
                text.out());
    }

    @Test
    void aRecordInErrorsTextIsShownAsTextInTheHtml(@TempDir Path dir) throws Exception {
        String header = "practice.odsCode,practice.name,id,title,status\n";
        Path a = Files.writeString(dir.resolve("a.csv"), header
                + "\"X1\"\"><script>alert(1)</script>\",\"<b>Elm</b> & Co\",E-1,GDPPR,EXISTING\n"
                + ",,\"<img src=x onerror=alert(2)>\",t,\"<script>alert(3)</script>\"\n");
        Path b = Files.writeString(dir.resolve("b.csv"), header + "Y2,Yew,Y-1,GDPPR,EXISTING\n");
        RoundTest.Run html = dsa("audit", a.toString(), b.toString(), "--as-of", "2026-12-07", "--format", "html");
        assertEquals(1, html.status(), html.err());
        String page = html.out();
        assertFalse(page.contains("<script>"), page);
        assertFalse(page.contains("<img"), page);
        assertFalse(page.contains("<b>Elm"), page);
        // jte's attribute escaping: the quote cannot close the attribute, no tag can open inside it
        assertTrue(page.contains("data-practice=\"X1&#34;>&lt;script>alert(1)&lt;/script>\""), page);
        assertTrue(page.contains("<td>&lt;b&gt;Elm&lt;/b&gt; &amp; Co</td>"), page);
        assertTrue(page.contains("&lt;script&gt;alert(3)&lt;/script&gt;"), page);
    }

    @Test
    void theSystemWorkbookHasASheetOfThem(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("system.xlsx");
        RoundTest.Run run = dsa(command("audit", "--format", "xlsx", "--out", out.toString()));
        assertEquals(1, run.status(), run.err());
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet errors = book.getSheet("Records in error");
            assertEquals(SystemWorkbook.ERROR_COLUMNS.get(4), errors.getRow(0).getCell(4).getStringCellValue());
            assertEquals(2, errors.getLastRowNum());
            Row a3 = errors.getRow(1);
            assertEquals("A81001", a3.getCell(1).getStringCellValue());
            assertEquals(3.0, a3.getCell(3).getNumericCellValue());
            assertEquals("A-3", a3.getCell(4).getStringCellValue());
            assertEquals("BAD_DATE", a3.getCell(6).getStringCellValue());
            assertTrue(a3.getCell(7).getStringCellValue().contains("did you mean 2022-09-14?"));
            assertEquals("A-4", errors.getRow(2).getCell(4).getStringCellValue());
        }
    }

    @Test
    void theLetterToTheIcbRefusesOrNamesThemByReferenceOnly(@TempDir Path dir) {
        Path out = dir.resolve("lmc.md");
        RoundTest.Run refused = dsa(command("letter", "--system", "--out", out.toString()));
        assertEquals(1, refused.status(), refused.err());
        assertFalse(Files.exists(out));
        assertTrue(refused.err().contains("2 record(s) in error in the registers given, so no letter was written"),
                refused.err());
        assertTrue(refused.err().contains(MessyFolderTest.A + ": 2 record(s) in error"), refused.err());

        RoundTest.Run allowed = dsa(command("letter", "--system", "--allow-incomplete"));
        assertEquals(1, allowed.status(), allowed.err());
        String letter = allowed.out();
        assertTrue(letter.contains("## Agreements this letter does not cover"), letter);
        assertTrue(letter.contains("- Ashby Surgery (A81001): reference A-3 (entry 3 of its register)"), letter);
        assertTrue(letter.contains("- Ashby Surgery (A81001): reference A-4 (entry 4 of its register)"), letter);
        // no validation message in a letter to another organisation
        for (String word : List.of("BAD_DATE", "BAD_ENUM", "did you mean", "14/09/22", "EXSTING", "leave it empty")) {
            assertFalse(letter.contains(word), word + " in:\n" + letter);
        }
        assertTrue(allowed.err().contains("named in this letter by reference, not decided"), allowed.err());
    }
}
