package org.dsarules.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * issue 25 item 10: the letter as a Word document says what its Markdown says, as a reader sees it (no
 * Markdown left in it), in Word's own headings, bold and line breaks, and is the same file every time.
 */
class DocxLetterTest {
    static final LocalDate DATE = ReportFixtures.AS_OF;

    static XWPFDocument open(byte[] docx) throws Exception {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    static List<String> texts(XWPFDocument doc) {
        return doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isBlank()).toList();
    }

    static DocumentModel sample() {
        ReportFixtures.Audit a = ReportFixtures.sample();
        return DocumentModel.of(a.result(), a.byId(), ReportFixtures.RULES);
    }

    /** No Markdown marker a reader would see: no **, no # heading, no backslash escape, no list marker typed. */
    static void assertNoMarkdownLeft(XWPFDocument doc) {
        for (XWPFParagraph p : doc.getParagraphs()) {
            for (XWPFRun r : p.getRuns()) {
                String t = r.text();
                assertFalse(t.contains("**") || t.contains("\\") || t.contains("`") || t.startsWith("#") || t.startsWith("- "),
                        "markdown left in a run: " + t);
            }
        }
    }

    @Test
    void theIcbLetterReadsInWordAsItsMarkdownRenders() throws Exception {
        DocumentModel m = sample();
        String markdown = Reports.icbLetter(m, Reports.Format.MARKDOWN);
        try (XWPFDocument doc = open(Reports.icbLetterDocx(m))) {
            assertNoMarkdownLeft(doc);
            List<String> texts = texts(doc);
            // the letter's reference lines, title and sections, as the reader sees them
            assertEquals("Millbrook Surgery (fictional) (ODS code Z99042)\n[PRACTICE ADDRESS]", texts.get(0));
            assertEquals("15 June 2026", texts.get(1));
            XWPFParagraph title = doc.getParagraphs().stream()
                    .filter(p -> p.getText().equals("Our data sharing agreements during the GP collective action")).findFirst()
                    .orElseThrow(() -> new AssertionError(texts.toString()));
            assertEquals("Heading1", title.getStyle());
            assertEquals("Heading1", doc.getStyles().getStyle("Heading1").getStyleId());
            assertTrue(doc.getParagraphs().stream().anyMatch(p -> "Heading2".equals(p.getStyle())
                    && p.getText().equals("Our questions")), texts.toString());
            // a numbered question and a bullet, with their number and bullet as text the practice can edit
            assertTrue(texts.contains("1.\tWhich direction, notice or contract clause compels the practice to share under this"
                    + " agreement?"), texts.toString());
            assertTrue(texts.stream().anyMatch(t -> t.startsWith("\u2022\tLocal authority public health intelligence feed,"
                    + " with Westvale County Council (our reference MB-08): questions 8 and 9.")), texts.toString());
            // bold stays bold: the practice's name, the agreement in each bullet
            XWPFRun name = doc.getParagraphs().get(0).getRuns().get(0);
            assertEquals("Millbrook Surgery (fictional)", name.text());
            assertTrue(name.isBold());
            assertTrue(doc.getParagraphs().get(0).getRuns().stream().noneMatch(r -> r.text().contains("ODS") && r.isBold()));
            // every reference in the Markdown letter is in the document
            for (String id : ReportFixtures.idsIn(markdown, ReportFixtures.sample().allIds())) {
                assertTrue(texts.stream().anyMatch(t -> t.contains("(our reference " + id + ")")), id);
            }
            assertEquals("Our data sharing agreements during the GP collective action",
                    doc.getProperties().getCoreProperties().getTitle());
        }
    }

    @Test
    void markupFromTheRegisterStaysTextAndPlaceholdersStayAsWritten() throws Exception {
        String md = "**Smith & Jones \\<b> [DATE\\]** (ODS code X1)\\\n[PRACTICE ADDRESS]\n\n# A *title* with a\\_b\n\n"
                + "- **R&D \\*not bold\\***: reply by [DATE].\n  From the catalogue.\n";
        try (XWPFDocument doc = open(DocxLetter.fromMarkdown(md, DATE))) {
            assertNoMarkdownLeft(doc);
            List<String> texts = texts(doc);
            assertEquals(List.of("Smith & Jones <b> [DATE] (ODS code X1)\n[PRACTICE ADDRESS]", "A title with a_b",
                    "\u2022\tR&D *not bold*: reply by [DATE]. From the catalogue."), texts);
            XWPFParagraph heading = doc.getParagraphs().get(1);
            assertTrue(heading.getRuns().stream().anyMatch(r -> r.text().equals("title") && r.isItalic()));
        }
    }

    @Test
    void theSameLetterIsTheSameFileDatedTheLettersDate() throws Exception {
        DocumentModel m = sample();
        byte[] one = Reports.icbLetterDocx(m);
        // a zip records times to two seconds: a clock in the file would show across this pause
        Thread.sleep(2100);
        assertArrayEquals(one, Reports.icbLetterDocx(m));
        List<String> names = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(one))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                names.add(e.getName());
                assertEquals(LocalDateTime.of(2026, 6, 15, 0, 0), e.getTimeLocal(), e.getName());
                if (e.getName().equals("docProps/core.xml")) {
                    String core = new String(z.readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(core.contains("2026-06-15T00:00:00Z"), core);
                }
            }
        }
        assertTrue(names.containsAll(List.of("[Content_Types].xml", "word/document.xml", "word/styles.xml")), names.toString());
        try (XWPFDocument doc = open(one)) {
            assertEquals(Date.from(DATE.atStartOfDay(ZoneOffset.UTC).toInstant()),
                    doc.getProperties().getCoreProperties().getCreated());
        }
    }

    @Test
    void plainTextLettersAreParagraphsEachLetterOnItsOwnPage(@TempDir Path dir) throws Exception {
        String notices = Reports.letter(sample(), Reports.Letter.NOTICE);
        try (XWPFDocument doc = open(DocxLetter.fromText(notices, DATE))) {
            List<XWPFParagraph> starts = doc.getParagraphs().stream().filter(XWPFParagraph::isPageBreak).toList();
            long letters = notices.lines().filter(l -> l.startsWith("NOTICE OF WITHDRAWAL: ")).count();
            assertEquals(3, letters);
            assertEquals(letters - 1, starts.size(), "each notice after the first on a new page");
            assertTrue(starts.stream().allMatch(p -> p.getText().startsWith("Millbrook Surgery (fictional)")));
            List<String> texts = texts(doc);
            assertTrue(texts.contains("[PRACTICE MANAGER NAME]\n[ROLE], on behalf of the partners of Millbrook Surgery"
                    + " (fictional)"), texts.toString());
            assertTrue(texts.stream().noneMatch(t -> t.startsWith("-----")), texts.toString());
        }
        Path file = dir.resolve("n.docx");
        Files.write(file, DocxLetter.fromText(notices, DATE));
        assertArrayEquals(Files.readAllBytes(file), DocxLetter.fromText(notices, DATE));
    }
}
