package org.dsarules.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.dsarules.decision.Outcome;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.dsarules.documents.ReportFixtures.Audit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Register data is text in every output: markup in a title, a party or the practice's name never runs. */
class EscapingTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(1)>";

    /** A register whose every free-text field holds markup; one agreement per outcome that lists it. */
    static final String REGISTER = """
        {
          "practice": {"odsCode": "X1 <b>", "name": "%1$s Surgery", "icb": "%2$s ICB"},
          "agreements": [
            {"id": "EVIL-1", "title": "%1$s", "status": "EXISTING", "requestedBy": "%2$s",
             "practiceRole": "CONTROLLER",
             "parties": [{"name": "%2$s", "kind": "COMMERCIAL", "role": "CONTROLLER"}],
             "purposes": ["RESEARCH"], "legalRequirement": {"kind": "NONE"}, "commercialAccess": true,
             "identifiability": "PSEUDONYMISED", "commonLawBasis": "SECTION_251_SUPPORT",
             "article6Bases": ["E"], "article9Conditions": ["J"], "nationalDataOptOutApplied": true,
             "type1OptOutApplied": true, "dpiaProvided": true, "notes": "%1$s"},
            {"id": "EVIL-2", "title": "%2$s", "status": "EXISTING", "practiceRole": "CONTROLLER",
             "parties": [{"name": "%1$s", "kind": "ICB", "role": "CONTROLLER"}],
             "legalRequirement": {"kind": "NONE"}},
            {"id": "EVIL-3", "title": "%1$s %2$s", "status": "NEW_REQUEST", "requestedBy": "%1$s",
             "practiceRole": "CONTROLLER",
             "parties": [{"name": "%2$s", "kind": "ICB", "role": "CONTROLLER"}],
             "purposes": ["RISK_STRATIFICATION"], "identifiability": "PSEUDONYMISED"}
          ]
        }
        """.formatted(SCRIPT.replace("/", "\\/"), IMG);

    static Audit audit;

    @BeforeAll
    static void audit(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("evil.json");
        Files.writeString(file, REGISTER);
        audit = ReportFixtures.audit(file);
        assertEquals(0, audit.result().errors().size(), audit.result().errors().toString());
        assertEquals(SCRIPT, audit.byId().get("EVIL-1").title());
        assertEquals(Outcome.WITHDRAW, outcome("EVIL-1"));
        assertEquals(Outcome.ASK_ICB_FOR_INFORMATION, outcome("EVIL-2"));
        assertEquals(Outcome.REFER_TO_BMA, outcome("EVIL-3"));
    }

    static Outcome outcome(String id) {
        return audit.result().decisions().stream().filter(d -> d.dsaId().equals(id)).findFirst().orElseThrow().outcome();
    }

    static List<String> htmlOutputs() {
        DocumentModel audited = DocumentModel.of(audit.result(), audit.byId(), ReportFixtures.RULES);
        return List.of(Reports.html(audit.result(), audit.byId()),
                Reports.icbLetter(audit.result(), audit.byId(), Reports.Format.HTML), Reports.ppgHtml(audited));
    }

    @Test
    void everyHtmlOutputShowsMarkupAsText() {
        for (String html : htmlOutputs()) {
            assertFalse(html.contains(SCRIPT), "raw <script> in:\n" + html);
            assertFalse(html.contains(IMG), "raw <img> in:\n" + html);
            assertFalse(html.contains("<script"));
            assertFalse(html.contains("<img"));
            assertFalse(html.contains("<b>"));
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
            assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
        }
    }

    @Test
    void theTitleAndThePartyNameAreEscapedInTheHtmlReportWhereverTheyAppear() {
        String html = Reports.html(audit.result(), audit.byId());
        // The title in the list and in its section; the party in the parties table.
        assertTrue(html.split("&lt;script&gt;alert\\(1\\)&lt;/script&gt;", -1).length - 1 >= 4);
        assertTrue(html.split("&lt;img src=x onerror=alert\\(1\\)&gt;", -1).length - 1 >= 4);
        assertTrue(html.contains("<title>Data sharing agreements audit: &lt;script&gt;alert(1)&lt;/script&gt; Surgery"));
    }

    @Test
    void markdownOutputsEscapeMarkupSoNoRendererRunsIt() {
        for (String md : List.of(Reports.icbLetter(audit.result(), audit.byId(), Reports.Format.MARKDOWN),
                Reports.ppgSummary(audit.result(), audit.byId()))) {
            assertFalse(Pattern.compile("(?<!\\\\)<(script|img|b)").matcher(md).find(), "unescaped markup in:\n" + md);
            // only the < that would open a tag is escaped (issue 25: no needless backslashes); what a
            // renderer shows is the text as typed, and no element of the register's
            assertTrue(md.contains("\\<script>alert(1)\\</script>"), md);
            String rendered = HtmlRenderer.builder().build().render(Parser.builder().build().parse(md));
            assertFalse(Pattern.compile("<(script|img|b)[ >]").matcher(rendered).find(), "markup ran in:\n" + rendered);
            assertTrue(rendered.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), rendered);
            assertTrue(rendered.contains("&lt;img src=x onerror=alert(1)&gt;"), rendered);
        }
    }

    @Test
    void plainTextKeepsTheTextAsWritten() {
        String text = Reports.bmaReferrals(audit.result(), audit.byId());
        assertTrue(text.contains("Referral 1 of 1: " + SCRIPT + " " + IMG + " (our reference EVIL-3)"), text);
        assertTrue(text.contains("Who asks for what: " + SCRIPT + " asks the practice"), text);
        assertTrue(text.contains("  - " + IMG + ": ICB, controller"), text);
        DocumentModel audited = DocumentModel.of(audit.result(), audit.byId(), ReportFixtures.RULES);
        String notice = Reports.letter(audited, Reports.Letter.NOTICE);
        assertTrue(notice.contains("NOTICE OF WITHDRAWAL: " + SCRIPT + " (our reference EVIL-1)"), notice);
        assertTrue(notice.contains("To: [CONTACT NAME], " + IMG), notice);
        String reply = Reports.letter(audited, Reports.Letter.REFERRAL_REPLY);
        assertTrue(reply.contains("YOUR REQUEST: " + SCRIPT + " " + IMG + " (our reference EVIL-3)"), reply);
    }

    @Test
    void aMissingPracticeGivesPlaceholders() {
        var bare = new org.dsarules.decision.AuditResult(audit.result().knowledgeBase(), audit.result().asOf(),
                audit.result().traceLevel(), null, audit.result().decisions(), List.of(), audit.result().summary());
        String letter = Reports.icbLetter(bare, Map.of(), Reports.Format.TEXT);
        assertTrue(letter.contains("[PRACTICE NAME]") && letter.contains("[ICB NAME]") && letter.contains("[ODS CODE]"));
    }
}
