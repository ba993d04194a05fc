package org.dsarules.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * issue 25 item 10: a Markdown letter pasted into Word or an email shows no backslashes where Markdown
 * would read nothing: a practice called Smith &amp; Jones, an organisation with an ampersand, a title
 * holding a [DATE] placeholder.
 */
class PastesCleanlyTest {

    @Test
    void aLetterWithAmpersandsAndBracketsCarriesNoNeedlessEscapes(@TempDir Path dir) throws Exception {
        String json = Files.readString(ReportFixtures.SAMPLE)
                .replace("\"Millbrook Surgery (fictional)\"", "\"Smith & Jones Surgery\"")
                .replace("\"Local authority public health intelligence feed\"", "\"Public health R&D feed, review by [DATE]\"")
                .replace("\"Westvale County Council\"", "\"Westvale Health & Care Partnership\"")
                .replace("\"Helix Health Analytics Ltd\"", "\"Helix & Co [trading as Helix]\"");
        Path file = dir.resolve("smith-and-jones.json");
        Files.writeString(file, json);
        ReportFixtures.Audit a = ReportFixtures.audit(file);
        DocumentModel m = DocumentModel.of(a.result(), a.byId(), ReportFixtures.RULES);
        String letter = Reports.icbLetter(m, Reports.Format.MARKDOWN);
        String ppg = Reports.ppgSummary(m);
        for (String md : List.of(letter, ppg)) {
            assertTrue(md.contains("Smith & Jones Surgery"), md);
            assertFalse(md.contains("\\&"), md);
            assertFalse(md.contains("\\["), md);
            assertFalse(md.contains("\\]"), md);
        }
        assertTrue(letter.contains("Public health R&D feed, review by [DATE], with Westvale Health & Care Partnership"
                + " (our reference MB-08)"), letter);
        assertTrue(letter.contains("Helix & Co [trading as Helix]"), letter);
        // and what a Markdown reader shows is the same words
        String shown = TextContentRenderer.builder().build().render(Parser.builder().build().parse(letter));
        assertTrue(shown.contains("Public health R&D feed, review by [DATE], with Westvale Health & Care Partnership"),
                shown);
        assertEquals(-1, shown.indexOf('\\'), shown);
    }
}
