package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code dsa-audit diff} and {@code dsa-audit explain} on the sample register. */
class ExplainAndDiffTest {
    static final String SAMPLE = AuditCommandTest.SAMPLE.toString();

    @Test
    void diffBetweenDatesListsExactlyTheChangedAgreements() {
        AuditCommandTest.Run r = AuditCommandTest.run("diff", SAMPLE, "--as-of", "2026-04-15", "--vs-as-of", "2026-06-15");
        assertEquals(0, r.status(), r.err());
        List<String> changed = r.out().lines().filter(l -> l.startsWith("  MB-")).map(l -> l.substring(2, 7)).toList();
        assertEquals(List.of("MB-05", "MB-10", "MB-11", "MB-12"), changed, r.out());
        assertTrue(r.out().contains("MB-11: KEEP (keep-secondary-before-campaign) -> WITHDRAW (withdraw-lmc-advice)"));
    }

    @Test
    void diffWithAnOverlayListsOnlyWhatItChanges() {
        AuditCommandTest.Run r = AuditCommandTest.run("diff", SAMPLE, "--as-of", "2026-06-15",
                "--rules", "overlays/lmc-keep-list");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("1 of 13"), r.out());
        assertTrue(r.out().contains("MB-08: ASK_ICB_FOR_INFORMATION (ask-icb-unknowns) -> KEEP "
                + "(westvale-lmc-keep-list-public-health-feed)"), r.out());
    }

    @Test
    void diffWithNoChangeListsNothing() {
        AuditCommandTest.Run r = AuditCommandTest.run("diff", SAMPLE, "--as-of", "2026-06-15", "--vs-as-of", "2026-07-01");
        assertEquals(0, r.status());
        assertTrue(r.out().contains(": 0 of 13"), r.out());
        assertEquals(1, r.out().strip().lines().count());
    }

    @Test
    void explainShowsMatchedFactsAndWhyNot() {
        AuditCommandTest.Run r = AuditCommandTest.run("explain", SAMPLE, "MB-12", "--as-of", "2026-06-15");
        assertEquals(0, r.status(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("MB-12, as of 2026-06-15: REFER_TO_BMA, decided by refer-lmc-keep-conflicts-with-law"), out);
        assertTrue(out.contains("matched: "));
        // ASK was proposed by row 9 but row 3 comes first; KEEP by row 4 (the LMC's advice), beaten too.
        assertTrue(out.contains("Ask the ICB: ask-separate-mixed-law-red-flag (row 9) proposed it, but "
                + "refer-lmc-keep-conflicts-with-law (row 3) comes first."), out);
        assertTrue(out.contains("Keep: keep-lmc-advice (row 4) proposed it"), out);
        assertTrue(out.contains("Withdraw: "), out);
        // Plain words: no DRL constraint text.
        String whyNot = out.substring(out.indexOf("Why not another outcome:"));
        assertTrue(!whyNot.contains("==") && !whyNot.contains("Purposes("), whyNot);
    }

    @Test
    void explainSaysWhatWouldSettleAnOpenAgreementAsTheRulesDecideIt() {
        AuditCommandTest.Run r = AuditCommandTest.run("explain", SAMPLE, "MB-13", "--as-of", "2026-06-15");
        assertEquals(0, r.status(), r.err());
        String out = r.out();
        String settle = out.substring(out.indexOf("What would settle it"), out.indexOf("Why not another outcome:"));
        assertTrue(settle.contains("  If the data is used for product development: Withdraw"), settle);
        // The same answer names the rule that would then decide, in the why-not lines.
        assertTrue(out.contains("Withdraw: if the data is used for product development, withdraw-campaign-red-flag would decide it"),
                out);
    }

    @Test
    void explainOfAnUnknownIdIsOneLine() {
        AuditCommandTest.Run r = AuditCommandTest.run("explain", SAMPLE, "MB-99");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("no agreement with id \"MB-99\""), r.err());
    }

    @Test
    void whyNotIsInTheJsonOnRequestEvenWithDecisiveTraces() throws Exception {
        AuditCommandTest.Run r = AuditCommandTest.run("audit", SAMPLE, "--format", "json", "--as-of", "2026-06-15",
                "--trace", "decisive", "--why-not");
        assertEquals(0, r.status(), r.err());
        com.fasterxml.jackson.databind.JsonNode doc = AuditCommandTest.MAPPER.readTree(r.out());
        assertEquals("decisive", doc.get("knowledgeBase").get("trace").asText(), "the header says what the traces hold");
        for (com.fasterxml.jackson.databind.JsonNode d : doc.get("decisions")) {
            assertEquals(3, d.get("whyNot").size(), d.toString());
            assertEquals(1, d.get("trace").size());
        }
        com.fasterxml.jackson.databind.JsonNode mb12 = doc.get("decisions").get(11);
        assertEquals("MB-12", mb12.get("dsaId").asText());
        assertTrue(mb12.get("whyNot").toString().contains("proposed by keep-lmc-advice (row 4)"), mb12.toString());
        AuditCommandTest.Run plain = AuditCommandTest.run("audit", SAMPLE, "--format", "json", "--as-of", "2026-06-15");
        assertTrue(!plain.out().contains("whyNot"));
    }
}
