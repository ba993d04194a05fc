package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dsa-audit letter --format docx} (issue 25 item 10): a Word document for every letter, written whole to --out. */
class LetterDocxTest {
    static final String SAMPLE = AuditCommandTest.SAMPLE.toString();

    static List<String> texts(Path docx) throws Exception {
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            return doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isBlank()).toList();
        }
    }

    static void assertNoMarkdown(List<String> texts) {
        for (String t : texts) {
            assertFalse(t.contains("**") || t.startsWith("#") || t.contains("\\"), "markdown left: " + t);
        }
    }

    @Test
    void theIcbLetterIsAWordDocumentAndTheSameEachTime(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("letter.docx");
        AuditCommandTest.Run r = AuditCommandTest.run("letter", SAMPLE, "--as-of", "2026-06-15", "--format", "docx",
                "--out", one.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out());
        List<String> texts = texts(one);
        assertNoMarkdown(texts);
        assertTrue(texts.contains("Our data sharing agreements during the GP collective action"), texts.toString());
        assertTrue(texts.contains("Dear [ICB CONTACT NAME],"), texts.toString());
        Thread.sleep(2100);
        Path two = dir.resolve("again.docx");
        assertEquals(0, AuditCommandTest.run("letter", SAMPLE, "--as-of", "2026-06-15", "--format", "DOCX", "--out",
                two.toString()).status());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
    }

    @Test
    void aWordDocumentIsNeverWrittenToTheTerminal() {
        AuditCommandTest.Run r = AuditCommandTest.run("letter", SAMPLE, "--as-of", "2026-06-15", "--format", "docx");
        assertEquals(ExitStatus.CANNOT_RUN, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("--format docx writes a Word document, which is not text: give --out FILE.docx"), r.err());
    }

    @Test
    void theOtherLettersAndTheFollowUpAreWordDocumentsToo(@TempDir Path dir) throws Exception {
        Path notice = dir.resolve("notice.docx");
        AuditCommandTest.Run r = AuditCommandTest.run("letter", SAMPLE, "--as-of", "2026-06-15", "--kind", "notice",
                "--format", "docx", "--out", notice.toString());
        assertEquals(0, r.status(), r.err());
        List<String> texts = texts(notice);
        assertEquals(3, texts.stream().filter(t -> t.startsWith("NOTICE OF WITHDRAWAL: ")).count(), texts.toString());

        Path followUp = dir.resolve("follow-up.docx");
        r = AuditCommandTest.run("letter", SAMPLE, "--as-of", "2026-06-15", "--follow-up", "--format", "docx", "--out",
                followUp.toString());
        assertEquals(0, r.status(), r.err());
        texts = texts(followUp);
        assertNoMarkdown(texts);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Our data sharing agreements: following up our letter")),
                texts.toString());
    }

    @Test
    void severalRegistersGiveOneDocumentEachAndTheSystemLetterOne(@TempDir Path dir) throws Exception {
        Path alder = dir.resolve("alder.json");
        Path birch = dir.resolve("birch.json");
        Files.copy(AuditCommandTest.SAMPLE, alder);
        Files.writeString(birch, Files.readString(AuditCommandTest.SAMPLE).replace("Z99042", "Z99043"));
        Path out = Files.createDirectory(dir.resolve("letters"));
        AuditCommandTest.Run r = AuditCommandTest.run("letter", alder.toString(), birch.toString(), "--as-of", "2026-06-15",
                "--format", "docx", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(texts(out.resolve("alder-letter.docx")).get(0).contains("Z99042"));
        assertTrue(texts(out.resolve("birch-letter.docx")).get(0).contains("Z99043"));

        Path system = dir.resolve("system.docx");
        r = AuditCommandTest.run("letter", "--system", alder.toString(), birch.toString(), "--as-of", "2026-06-15",
                "--format", "docx", "--out", system.toString());
        assertEquals(0, r.status(), r.err());
        List<String> texts = texts(system);
        assertNoMarkdown(texts);
        assertTrue(texts.stream().anyMatch(t -> t.contains("Z99043")), texts.toString());
    }
}
