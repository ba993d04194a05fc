package org.dsarules.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.register.json.RegisterReader;
import org.junit.jupiter.api.Test;

/**
 * Issue 25 items 3 and 8: a request never signed is never "kept" (its words follow its status), and a KEEP
 * decision presents no "Questions for the ICB" that no letter asks: its open facts stay facts not known.
 */
class StatusWordsTest {
    private static final Path REGISTER = Path.of("src/test/resources/words/status-register.json");
    private static final DsaRules RULES = DsaRules.defaults();

    private static DocumentModel model() {
        AuditResult result = RULES.audit(REGISTER, LocalDate.parse("2026-06-15"));
        return DocumentModel.of(result, Reports.byId(RegisterReader.defaults().readAll(REGISTER)), RULES);
    }

    private static Decision decision(DocumentModel m, String id) {
        return m.result().decisions().stream().filter(d -> d.dsaId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aRequestWithAClaimedDutyIsWaitedOnNeverKept() {
        DocumentModel m = model();
        Decision d = decision(m, "ST-01");
        assertEquals("ask-evidence-of-claimed-duty", d.decisiveRule());
        StringWriter text = new StringWriter();
        Reports.text(m, "status-register.json", text);
        String block = text.toString().substring(text.toString().indexOf("ST-01"));
        block = block.substring(0, block.indexOf("ST-02") < 0 ? block.length() : block.indexOf("ST-02"));
        assertTrue(block.contains("Do not sign the request yet"), block);
        assertFalse(block.toLowerCase(Locale.ROOT).contains("keep sharing"), block);
        String ppg = Reports.ppgSummary(m);
        String line = ppg.lines().filter(l -> l.contains("Respiratory audit request")).findFirst().orElseThrow();
        assertFalse(line.toLowerCase(Locale.ROOT).contains("keep sharing"), line);
        assertTrue(line.contains("waiting to sign it"), line);
    }

    @Test
    void aKeepDecisionPresentsNoQuestionsForTheIcb() {
        DocumentModel m = model();
        Decision d = decision(m, "ST-02");
        assertEquals(Outcome.KEEP, d.outcome());
        assertFalse(d.missing().isEmpty(), "the example keeps an agreement with facts not known");
        StringWriter text = new StringWriter();
        Reports.text(m, "status-register.json", text);
        String block = text.toString().substring(text.toString().indexOf("ST-02"));
        assertTrue(block.contains("Not known:"), block);
        assertFalse(block.contains("Questions for the ICB"), block);
        String html = Reports.html(m);
        String keep = html.substring(html.lastIndexOf("Health check extraction"));
        assertFalse(keep.contains("Questions for the ICB"), keep);
    }
}
