package org.dsarules.documents;

import static org.dsarules.documents.ReportFixtures.attributeValues;
import static org.dsarules.documents.ReportFixtures.between;
import static org.dsarules.documents.ReportFixtures.element;
import static org.dsarules.documents.ReportFixtures.idsIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.TraceStep;
import org.dsarules.model.Agreement;
import org.dsarules.documents.ReportFixtures.Audit;
import org.junit.jupiter.api.Test;

/** What each document says, on the sample register as of 2026-06-15 (all four outcomes). */
class ReportsTest {

    private final Audit a = ReportFixtures.sample();

    @Test
    void sampleHasEveryOutcomeSoTheseTestsMeanSomething() {
        for (Outcome o : Outcome.values()) {
            assertFalse(a.ids(o).isEmpty(), o + " missing from the sample");
        }
    }

    // --- The letter to the ICB ---

    @Test
    void markdownLetterListsExactlyTheAskAgreementsWithTheirQuestionsAndExactlyTheWithdrawOnes() {
        String letter = Reports.icbLetter(a.result(), a.byId(), Reports.Format.MARKDOWN);
        assertTrue(letter.contains("will not sign any new voluntary data sharing agreement"), letter);
        assertTrue(letter.contains("secondary uses"));
        for (String placeholder : List.of("[PRACTICE MANAGER NAME]", "[DATE]", "[ICB CONTACT NAME]")) {
            assertTrue(letter.contains(placeholder), placeholder);
        }

        String ask = between(letter, "## 1.", "## 2.");
        assertEquals(a.ids(Outcome.ASK_ICB_FOR_INFORMATION), idsIn(ask, a.allIds()));
        for (Decision d : a.decisions(Outcome.ASK_ICB_FOR_INFORMATION)) {
            assertFalse(d.questionsForIcb().isEmpty());
            for (String q : d.questionsForIcb()) {
                assertTrue(ask.contains("- " + Plain.md(q)), d.dsaId() + " lacks question: " + q);
            }
        }

        String existing = between(letter, "## 2.", "## 3.");
        assertEquals(a.existingIds(), idsIn(existing, a.allIds()));

        String withdraw = between(letter, "## 3.", "Please send your reply");
        assertEquals(a.ids(Outcome.WITHDRAW), idsIn(withdraw, a.allIds()));
        for (Decision d : a.decisions(Outcome.WITHDRAW)) {
            assertTrue(withdraw.contains(Plain.md(d.summary())), "reason of " + d.dsaId());
        }
    }

    @Test
    void textLetterHasTheSameSections() {
        String letter = Reports.icbLetter(a.result(), a.byId(), Reports.Format.TEXT);
        assertTrue(letter.contains("will not sign any new voluntary data sharing agreement"));
        assertTrue(letter.contains("[PRACTICE MANAGER NAME]") && letter.contains("[DATE]"));
        String ask = between(letter, "1. AGREEMENTS ON WHICH", "2. YOUR ASSESSMENT");
        assertEquals(a.ids(Outcome.ASK_ICB_FOR_INFORMATION), idsIn(ask, a.allIds()));
        a.decisions(Outcome.ASK_ICB_FOR_INFORMATION).forEach(d -> d.questionsForIcb()
                .forEach(q -> assertTrue(ask.contains("- " + q), q)));
        assertEquals(a.existingIds(), idsIn(between(letter, "2. YOUR ASSESSMENT", "3. AGREEMENTS WE"), a.allIds()));
        String withdraw = between(letter, "3. AGREEMENTS WE", "Please send your reply");
        assertEquals(a.ids(Outcome.WITHDRAW), idsIn(withdraw, a.allIds()));
        a.decisions(Outcome.WITHDRAW).forEach(d -> assertTrue(withdraw.contains("Reason: " + d.summary())));
        assertFalse(letter.contains("${") || letter.contains("@if") || letter.contains("@for"));
    }

    @Test
    void htmlLetterHasTheSameSections() {
        String letter = Reports.icbLetter(a.result(), a.byId(), Reports.Format.HTML);
        assertTrue(letter.startsWith("<!DOCTYPE html>"));
        String ask = element(letter, "<section id=\"ask\">", "section");
        assertEquals(a.ids(Outcome.ASK_ICB_FOR_INFORMATION), new TreeSet<>(attributeValues(ask, "data-dsa-id")));
        a.decisions(Outcome.ASK_ICB_FOR_INFORMATION).forEach(d -> d.questionsForIcb()
                .forEach(q -> assertTrue(ask.contains("<li>" + esc(q) + "</li>"), q)));
        String existing = element(letter, "<section id=\"existing\">", "section");
        assertEquals(a.existingIds(), new TreeSet<>(attributeValues(existing, "data-dsa-id")));
        String withdraw = element(letter, "<section id=\"withdraw\">", "section");
        assertEquals(a.ids(Outcome.WITHDRAW), new TreeSet<>(attributeValues(withdraw, "data-dsa-id")));
        assertTrue(letter.contains("[PRACTICE MANAGER NAME]") && letter.contains("[DATE]"));
    }

    // --- The BMA referrals ---

    @Test
    void bmaReferralsListExactlyTheReferAgreementsWithTheFactsThatMatter() {
        String text = Reports.bmaReferrals(a.result(), a.byId());
        Set<String> referred = new TreeSet<>();
        var m = Pattern.compile("(?m)^Referral \\d+ of \\d+: (\\S+)").matcher(text);
        while (m.find()) {
            referred.add(m.group(1));
        }
        assertEquals(a.ids(Outcome.REFER_TO_BMA), referred);
        assertEquals(a.ids(Outcome.REFER_TO_BMA), idsIn(text, a.allIds()), "no other agreement is named");
        for (Decision d : a.decisions(Outcome.REFER_TO_BMA)) {
            String block = between(text, "Referral", null);
            block = block.substring(block.indexOf(d.dsaId()));
            Agreement ag = a.byId().get(d.dsaId());
            int end = block.indexOf("\n---");
            String one = end < 0 ? block : block.substring(0, end);
            assertTrue(one.contains(ag.title()), "title");
            assertTrue(one.contains("Requested by:"), one);
            assertTrue(one.contains("Controllers:"), one);
            assertTrue(one.contains("Purposes:          " + Plain.purposes(ag.purposes())), one);
            assertTrue(one.contains("Status:"), one);
            assertTrue(one.contains("Duty to share:"), one);
            assertTrue(one.contains("Identifiability:   " + Plain.identifiability(ag.identifiability())), one);
            assertTrue(one.contains("Commercial access: " + Plain.yesNo(ag.commercialAccess())), one);
            d.redFlags().forEach(f -> assertTrue(one.contains(f), f));
            d.missing().forEach(f -> assertTrue(one.contains(f), f));
            assertTrue(one.contains("Why referred:      " + d.summary()), one);
            assertTrue(one.contains("Decisive rule:     " + d.decisiveRule()), one);
        }
        Agreement mb10 = a.byId().get("MB-10");
        assertTrue(text.contains("Requested by:      " + mb10.requestedBy()));
    }

    // --- The PPG page ---

    @Test
    void ppgPageHasNoJargonInItsBodyAndAGlossaryAtTheEnd() {
        String page = Reports.ppgSummary(a.result(), a.byId());
        int glossary = page.indexOf("\n## Glossary");
        assertTrue(glossary > 0, page);
        assertTrue(page.substring(glossary).lines().filter(l -> l.startsWith("- **")).count() >= 5);
        String body = page.substring(0, glossary);
        assertFalse(body.contains("RF-"), body);
        for (String rule : a.ruleIds()) {
            assertFalse(body.contains(rule), "rule id in the body: " + rule);
        }
        assertFalse(Pattern.compile("\\bArt\\b").matcher(body).find(), "Art in the body");
        assertFalse(Pattern.compile("(?i)\\barticles?\\b").matcher(body).find(), "article in the body");
        assertFalse(Pattern.compile("(?i)\\bGDPR\\b|section 251|\\bs ?25[14]\\b").matcher(body).find(), "legal references");
        for (Outcome o : Outcome.values()) {
            assertFalse(body.contains(o.name()), o.name());
        }
    }

    @Test
    void ppgPageSaysWhatIsSharedStoppedAndStillBeingCheckedUnderTheRightHeadings() {
        String page = Reports.ppgSummary(a.result(), a.byId());
        String shared = between(page, "## What we share", "## What we are stopping");
        String stopping = between(page, "## What we are stopping", "## What we are still finding out");
        String pending = between(page, "## What we are still finding out", "## What this means");
        assertEquals(titles(a.ids(Outcome.KEEP)), titlesIn(shared));
        assertEquals(titles(a.ids(Outcome.WITHDRAW)), titlesIn(stopping));
        Set<String> open = new TreeSet<>(a.ids(Outcome.ASK_ICB_FOR_INFORMATION));
        open.addAll(a.ids(Outcome.REFER_TO_BMA));
        assertEquals(titles(open), titlesIn(pending));
    }

    private Set<String> titles(Set<String> ids) {
        Set<String> t = new TreeSet<>();
        ids.forEach(id -> t.add(Plain.md(a.byId().get(id).title())));
        return t;
    }

    private static Set<String> titlesIn(String section) {
        Set<String> t = new TreeSet<>();
        var m = Pattern.compile("(?m)^- \\*\\*(.+?)\\*\\*").matcher(section);
        while (m.find()) {
            t.add(m.group(1));
        }
        return t;
    }

    // --- The HTML report ---

    @Test
    void htmlReportIsSelfContainedAndPrintable() {
        String html = Reports.html(a.result(), a.byId());
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        for (String outside : List.of("<script", "<link", "<img", "<iframe", "src=", "url(", "@import", "@font-face")) {
            assertFalse(html.contains(outside), outside);
        }
        assertFalse(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").matches("(?s).*https?://.*"),
                "no address but the SVG namespace");
        assertTrue(html.contains("<svg"));
        assertTrue(html.contains("@media print"));
        assertTrue(html.contains("size: A4"));
    }

    @Test
    void htmlReportShowsThePracticeTheRulesTheDateAndTheCounts() {
        String html = Reports.html(a.result(), a.byId());
        assertTrue(html.contains("Millbrook Surgery (fictional)"));
        assertTrue(html.contains("Z99042"));
        assertTrue(html.contains(a.result().knowledgeBase().name() + " " + a.result().knowledgeBase().version()));
        assertTrue(html.contains(a.result().knowledgeBase().fingerprint()));
        assertTrue(html.contains("datetime=\"2026-06-15\""));
        for (Outcome o : Outcome.values()) {
            assertTrue(html.matches("(?s).*<tr data-outcome=\"" + o + "\">.*?<td class=\"n\">"
                    + a.result().summary().count(o) + "</td>.*"), o.name());
        }
    }

    @Test
    void htmlReportListsAgreementsByUrgencyThenIdEachLinkedToItsSection() {
        String html = Reports.html(a.result(), a.byId());
        String list = element(html, "<table class=\"list\">", "table");
        List<String> rows = attributeValues(list, "data-dsa-id");
        List<String> expected = new ArrayList<>();
        for (Outcome o : List.of(Outcome.WITHDRAW, Outcome.REFER_TO_BMA, Outcome.ASK_ICB_FOR_INFORMATION, Outcome.KEEP)) {
            expected.addAll(a.ids(o)); // a TreeSet: sorted by id
        }
        assertEquals(expected, rows);
        List<String> links = attributeValues(list, "href");
        for (String link : links) {
            assertTrue(link.startsWith("#"));
            assertTrue(html.contains("id=\"" + link.substring(1) + "\""), link);
        }
        assertEquals(rows.size(), links.size());
    }

    @Test
    void htmlReportHasEachAgreementsSummaryRedFlagsQuestionsAndFullTraceWithCitations() {
        String html = Reports.html(a.result(), a.byId());
        for (Decision d : a.result().decisions()) {
            int start = html.indexOf("data-dsa-id=\"" + d.dsaId() + "\"", html.indexOf("<section class=\"agreements-detail\">"));
            String section = html.substring(start, html.indexOf("</article>", start));
            assertTrue(section.contains(esc(a.byId().get(d.dsaId()).title())), d.dsaId());
            assertTrue(section.contains(esc(d.summary())), d.dsaId());
            d.redFlags().forEach(f -> assertTrue(section.contains(f), f));
            d.questionsForIcb().forEach(q -> assertTrue(section.contains(esc(q)), q));
            List<String> rules = attributeValues(section, "data-rule");
            assertEquals(d.trace().stream().map(TraceStep::rule).toList(), rules, d.dsaId());
            for (TraceStep s : d.trace()) {
                s.citations().forEach(c -> assertTrue(section.contains(esc(c)), c));
            }
            assertEquals(1, section.split("class=\"step decisive\"", -1).length - 1, "one decisive step");
        }
    }

    @Test
    void everyDocumentIsTheSameForTheSameInput() {
        Audit again = ReportFixtures.audit(ReportFixtures.SAMPLE);
        assertEquals(Reports.html(a.result(), a.byId()), Reports.html(again.result(), again.byId()));
        for (Reports.Format f : Reports.Format.values()) {
            assertEquals(Reports.icbLetter(a.result(), a.byId(), f), Reports.icbLetter(again.result(), again.byId(), f));
        }
        assertEquals(Reports.ppgSummary(a.result(), a.byId()), Reports.ppgSummary(again.result(), again.byId()));
        assertEquals(Reports.bmaReferrals(a.result(), a.byId()), Reports.bmaReferrals(again.result(), again.byId()));
    }

    @Test
    void withoutTheAgreementsEachDocumentFallsBackToIds() {
        String html = Reports.html(a.result(), java.util.Map.of());
        a.allIds().forEach(id -> assertTrue(html.contains(id)));
        String letter = Reports.icbLetter(a.result(), null, Reports.Format.TEXT);
        assertEquals(a.ids(Outcome.WITHDRAW), idsIn(between(letter, "3. AGREEMENTS WE", "Please send"), a.allIds()));
    }

    /** What jte's HTML escaping makes of text between tags. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
