package org.dsarules.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.engine.RuleInfo;
import org.dsarules.register.json.RegisterReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 30: an LMC's own red flag speaks its own words in every document (text and HTML audits, the ICB
 * letter, the PPG page, notices, the BMA pack), never another flag's; an advisory flag is shown in its words,
 * asks its question and never reads as a reason to withdraw. The worked overlay overlays/lmc-flags, on its
 * own register: WV-01 (secondary, withdrawn on the LMC's offshore flag), WV-02 (kept, with the advisory
 * marker), WV-03 (a new request with the offshore flag, referred to the BMA).
 */
class LocalFlagWordsTest {
    private static final Path OVERLAY = Path.of("overlays/lmc-flags");
    private static final LocalDate AS_OF = LocalDate.parse("2026-06-15");
    private static final String OFFSHORE = "a processor may hold the data outside the UK";
    private static final String OFFSHORE_PATIENT = "a company that handles the information may keep it outside the UK";
    private static final String MARKER = "the data goes on to Northshire Analytics, which the LMC asks practices to watch";
    private static final String MARKER_PATIENT =
            "the information is passed on to an analytics company that our Local Medical Committee asks us to keep an eye on";

    private static DsaRules rules;
    private static DocumentModel model;
    private static final Map<String, String> DOCUMENTS = new LinkedHashMap<>();

    @BeforeAll
    static void audit() {
        rules = DsaRules.builder().rules(OVERLAY).build();
        Path register = OVERLAY.resolve("westvale-flags-register.json");
        AuditResult result = rules.audit(register, AS_OF);
        model = DocumentModel.of(result, Reports.byId(RegisterReader.defaults().readAll(register)), rules);
        StringWriter text = new StringWriter();
        Reports.text(model, "westvale-flags-register.json", text);
        DOCUMENTS.put("text audit", text.toString());
        DOCUMENTS.put("HTML audit", Reports.html(model));
        DOCUMENTS.put("ICB letter", Reports.icbLetter(model, Reports.Format.MARKDOWN));
        DOCUMENTS.put("PPG page", Reports.ppgSummary(model));
        DOCUMENTS.put("PPG page (HTML)", Reports.ppgHtml(model));
        DOCUMENTS.put("notices", Reports.letter(model, Reports.Letter.NOTICE));
        DOCUMENTS.put("BMA pack", Reports.bmaReferrals(model));
    }

    private static Decision decision(String id) {
        return model.result().decisions().stream().filter(d -> d.dsaId().equals(id)).findFirst().orElseThrow();
    }

    /** The words of every flag of the default rules, for the practice and for patients. */
    private static List<String> nationalWords() {
        return DsaRules.defaults().knowledgeBase().rules().values().stream().filter(r -> r.redFlag() != null)
                .flatMap(r -> java.util.stream.Stream.of(r.meta(RuleInfo.PRACTICE_MEANING), r.meta(RuleInfo.PATIENT_MEANING),
                        r.meta(RuleInfo.ICB_ASK)))
                .distinct().toList();
    }

    @Test
    void theDecisionsAreTheOverlaysScenarios() {
        assertEquals(List.of("RF-WESTVALE-OFFSHORE"), decision("WV-01").redFlags());
        assertEquals("withdraw-campaign-red-flag", decision("WV-01").decisiveRule());
        assertEquals(List.of("RF-WESTVALE-ANALYTICS"), decision("WV-02").redFlags());
        assertEquals("keep-icb-assessed-lawful", decision("WV-02").decisiveRule());
        assertEquals("refer-new-request", decision("WV-03").decisiveRule());
    }

    @Test
    void noDocumentSpeaksAnotherFlagsWordsOrAssumesTheCommercialFlag() {
        List<String> national = nationalWords();
        assertTrue(national.size() >= 21, national.toString());
        DOCUMENTS.forEach((name, doc) -> {
            String plain = unescape(doc);
            for (String w : national) {
                assertFalse(plain.contains(w), name + " shows another flag's words: " + w);
            }
            assertFalse(plain.contains("red flag raised by the rules in use"), name);
            assertFalse(plain.contains("commercial company"), name);
            assertFalse(plain.contains("no commercial organisation"), name);
            assertFalse(plain.contains("Campaign (commercial organisations)"), name);
        });
    }

    @Test
    void theAuditsShowEachFlagInItsOwnWordsAndTheAdvisoryOneAsAdvice() {
        for (String name : List.of("text audit", "HTML audit")) {
            String doc = unescape(DOCUMENTS.get(name));
            assertTrue(doc.contains(OFFSHORE), name);
            assertTrue(doc.contains(MARKER + " (advisory: it informs, it does not decide"), name);
        }
        // The author's explanation is embedded as written, not lower-cased.
        assertTrue(decision("WV-01").summary().startsWith("Withdraw: Westvale LMC lists Northgate Offshore"),
                decision("WV-01").summary());
        assertTrue(unescape(DOCUMENTS.get("HTML audit")).contains(
                "Has the ICB's Caldicott Guardian approved the onward sharing with Northshire Analytics?"));
    }

    @Test
    void thePpgPageSaysWhatWasFoundInPatientsWordsAndNeverWithdrawsOnTheMarker() {
        for (String name : List.of("PPG page", "PPG page (HTML)")) {
            String doc = unescape(DOCUMENTS.get(name)).replace("\\", "");
            assertTrue(doc.contains("What we found: " + OFFSHORE_PATIENT + "."), name);
            assertTrue(doc.contains("We also noted, without it changing our decision: " + MARKER_PATIENT + "."), name);
            assertFalse(doc.contains("because " + MARKER_PATIENT), name);
        }
    }

    @Test
    void theNoticeAndTheBmaPackGiveTheLmcsOwnReason() {
        String notice = DOCUMENTS.get("notices");
        assertTrue(notice.contains("Westvale LMC lists Northgate Offshore Data Services Ltd as a processor"), notice);
        assertFalse(notice.contains("Northshire"), notice);
        String bma = DOCUMENTS.get("BMA pack");
        assertTrue(bma.contains(OFFSHORE), bma);
    }

    private static String unescape(String s) {
        return s.replaceAll("<[^>]+>", "").replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&").replace("&quot;", "\"");
    }
}
