package org.dsarules.documents;

import static org.dsarules.documents.ReportFixtures.attributeValues;
import static org.dsarules.documents.ReportFixtures.between;
import static org.dsarules.documents.ReportFixtures.element;
import static org.dsarules.documents.ReportFixtures.idsIn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
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

    /** The sample audited with its rules: what would settle it, and the conditional questions. */
    private final DocumentModel audited = DocumentModel.of(a.result(), a.byId(), ReportFixtures.RULES);

    @Test
    void markdownLetterAsksEachAgreementsQuestionsOnceAndListsExactlyTheWithdrawOnes() {
        String letter = Reports.icbLetter(audited, Reports.Format.MARKDOWN);
        assertTrue(letter.contains("will not sign any new voluntary agreement"), letter);
        assertTrue(letter.contains("uses beyond direct care"));
        for (String placeholder : List.of("[PRACTICE MANAGER NAME]", "[ICB CONTACT NAME]", "[PRACTICE ADDRESS]")) {
            assertTrue(letter.contains(placeholder), placeholder);
        }
        // Dates in words: the letter's own, and the reply date 28 days on.
        assertTrue(letter.contains("\n15 June 2026\n"), letter);
        assertTrue(letter.contains("Please answer by 13 July 2026"), letter);
        assertFalse(letter.contains("2026-06-15"), "an ISO date in the letter");

        String questions = between(letter, "## Our questions", "## The agreements we ask about");
        String asks = between(letter, "## The agreements we ask about", "## Your assessment of the other agreements");
        assertEquals(a.ids(Outcome.ASK_ICB_FOR_INFORMATION), idsIn(asks, a.allIds()));
        assertEquals(Set.of(), idsIn(questions, a.allIds()), "the questions name no agreement");
        // Each question once in the whole letter.
        List<String> numbered = questions.lines().filter(l -> l.matches("\\d+\\. .*")).map(l -> l.replaceFirst("\\d+\\. ", ""))
                .toList();
        assertEquals(new TreeSet<>(numbered).size(), numbered.size(), "a question asked twice: " + numbered);
        for (Decision d : a.decisions(Outcome.ASK_ICB_FOR_INFORMATION)) {
            String line = asks.lines().filter(l -> l.contains("(our reference " + d.dsaId() + ")")).findFirst().orElseThrow();
            // The heading names the other organisation.
            Agreement ag = a.byId().get(d.dsaId());
            assertTrue(line.contains(ag.title() + ", with "), line);
            for (int k = 0; k < d.missing().size(); k++) {
                int n = numbered.indexOf(Plain.md(d.questionsForIcb().get(k))) + 1;
                assertTrue(n > 0, d.dsaId() + " lacks question " + d.questionsForIcb().get(k));
                assertTrue(Pattern.compile("questions? [^.]*\\b" + n + "\\b").matcher(line).find(), line + " lacks " + n);
            }
        }
        // The claimed duty is asked once, not in two wordings (rows 5 and 14 repeat a missing field's question).
        assertEquals(1, Pattern.compile("(?i)direction, notice or contract clause").matcher(questions).results().count(), questions);

        String withdraw = between(letter, "## Agreements we are withdrawing from", "Please reply");
        assertEquals(a.ids(Outcome.WITHDRAW), idsIn(withdraw, a.allIds()));
        for (Item i : new View(audited).withdraw()) {
            assertTrue(withdraw.contains(Plain.md(i.reason())), "reason of " + i.id());
        }
        assertTrue(withdraw.contains(Item.NOTICE_WHEN), "when notice is given");
    }

    @Test
    void theLetterAsksUpFrontWhatAnAnswerWouldRaise() {
        // MB-13 does not say what the data is used for: the rules would ask more once they know.
        String letter = Reports.icbLetter(audited, Reports.Format.TEXT);
        String line = letter.lines().filter(l -> l.contains("(our reference MB-13)")).findFirst().orElseThrow();
        assertTrue(line.contains("If the data is used for any purpose beyond direct care, also "), line);
        // Computed by the rules: the questions a research purpose would add are exactly those listed.
        Agreement mb13 = a.byId().get("MB-13").toBuilder().purposes(org.dsarules.model.Purpose.RESEARCH).build();
        Decision research = ReportFixtures.RULES.decide(mb13, ReportFixtures.AS_OF);
        for (int k = 0; k < research.missing().size(); k++) {
            String q = research.questionsForIcb().get(k);
            assertTrue(letter.contains(". " + q), "the letter does not ask " + q);
        }
    }

    @Test
    void textLetterHasTheSameSectionsWithoutMarkdown() {
        String letter = Reports.icbLetter(audited, Reports.Format.TEXT);
        assertTrue(letter.contains("will not sign any new voluntary agreement"));
        assertTrue(letter.contains("[PRACTICE MANAGER NAME]") && letter.contains("15 June 2026"));
        assertFalse(letter.contains("\\") || letter.contains("**"), "Markdown in the text letter");
        String asks = between(letter, "THE AGREEMENTS WE ASK ABOUT", "YOUR ASSESSMENT OF THE OTHER AGREEMENTS");
        assertEquals(a.ids(Outcome.ASK_ICB_FOR_INFORMATION), idsIn(asks, a.allIds()));
        a.decisions(Outcome.ASK_ICB_FOR_INFORMATION).forEach(d -> d.missing().forEach(f ->
                assertTrue(letter.contains(". " + d.questionsForIcb().get(d.missing().indexOf(f))), f)));
        String withdraw = between(letter, "AGREEMENTS WE ARE WITHDRAWING", "Please reply");
        assertEquals(a.ids(Outcome.WITHDRAW), idsIn(withdraw, a.allIds()));
        assertFalse(letter.contains("${") || letter.contains("@if") || letter.contains("@for"));
    }

    @Test
    void htmlLetterHasTheSameSectionsAndMarksEveryPlaceholder() {
        String letter = Reports.icbLetter(audited, Reports.Format.HTML);
        assertTrue(letter.startsWith("<!DOCTYPE html>"));
        String ask = element(letter, "<section id=\"ask\">", "section");
        assertEquals(a.ids(Outcome.ASK_ICB_FOR_INFORMATION), new TreeSet<>(attributeValues(ask, "data-dsa-id")));
        String withdraw = element(letter, "<section id=\"withdraw\">", "section");
        assertEquals(a.ids(Outcome.WITHDRAW), new TreeSet<>(attributeValues(withdraw, "data-dsa-id")));
        String body = letter.substring(letter.indexOf("<body>"));
        var placeholders = Pattern.compile("\\[[A-Z][A-Z ]+\\]").matcher(body);
        int n = 0;
        while (placeholders.find()) {
            n++;
            assertTrue(body.startsWith("<mark class=\"placeholder\">", placeholders.start() - 26),
                    "unmarked placeholder " + placeholders.group());
        }
        assertTrue(n >= 5, "placeholders: " + n);
    }

    @Test
    void aRegisterWithoutThePracticeMarksItsNameTheSameWay() {
        AuditResult bare = new AuditResult(a.result().knowledgeBase(), a.result().asOf(), a.result().traceLevel(), null,
                a.result().decisions(), List.of(), a.result().summary());
        String html = Reports.icbLetter(bare, a.byId(), Reports.Format.HTML);
        assertTrue(html.contains("<mark class=\"placeholder\">[PRACTICE NAME]</mark>"), html);
        assertTrue(html.contains("<mark class=\"placeholder\">[ICB NAME]</mark>"), html);
        String md = Reports.icbLetter(bare, a.byId(), Reports.Format.MARKDOWN);
        assertTrue(md.contains("**[PRACTICE NAME]**") && !md.contains("\\[PRACTICE NAME"), md);
    }

    // --- The BMA referrals ---

    @Test
    void bmaReferralPackHasASubjectWhoAsksForWhatEveryPartyAndNoPracticeToDoList() {
        String text = Reports.bmaReferrals(a.result(), a.byId());
        assertTrue(text.startsWith("Subject: Referral to the BMA: 2 data sharing agreement(s) from Millbrook Surgery"), text);
        Set<String> referred = new TreeSet<>();
        var m = Pattern.compile("(?m)^Referral \\d+ of \\d+: .*\\(our reference (\\S+)\\)$").matcher(text);
        while (m.find()) {
            referred.add(m.group(1));
        }
        assertEquals(a.ids(Outcome.REFER_TO_BMA), referred);
        assertEquals(a.ids(Outcome.REFER_TO_BMA), idsIn(text, a.allIds()), "no other agreement is named");
        for (Decision d : a.decisions(Outcome.REFER_TO_BMA)) {
            String block = text.substring(text.indexOf("(our reference " + d.dsaId() + ")"));
            int end = block.indexOf("\n---");
            String one = end < 0 ? block : block.substring(0, end);
            Agreement ag = a.byId().get(d.dsaId());
            assertTrue(one.contains("Who asks for what: "), one);
            assertTrue(one.contains("Purposes:          " + Plain.purposes(ag.purposes())), one);
            assertTrue(one.contains("Identifiability:   " + Plain.identifiability(ag.identifiability())), one);
            assertTrue(one.contains("Commercial access: " + Plain.yesNo(ag.commercialAccess())), one);
            for (var p : ag.partyList()) {
                assertTrue(one.contains("  - " + p.name() + ": " + Plain.kind(p.kind()) + ", "
                        + (p.role() == null ? "role not stated" : Plain.role(p.role()))), p.name() + " in " + one);
            }
            FlagWords words = FlagWords.of(DsaRules.defaults().knowledgeBase());
            words.flags(d).forEach(f -> assertTrue(one.contains(f.practice()), f.id()));
            d.missing().forEach(f -> assertTrue(one.contains(Plain.missing(f)), f));
            if (ag.notes() != null) {
                assertTrue(one.contains("Notes:             " + Plain.line(ag.notes())), one);
            }
            // Codes for auditors only: no field names, no rule ids, no next steps for the practice.
            assertFalse(one.contains(d.decisiveRule()), one);
            d.missing().forEach(f -> assertFalse(Pattern.compile("\\b" + Pattern.quote(f) + "\\b").matcher(one).find(), f));
            d.nextSteps().forEach(step -> assertFalse(one.contains(step), step));
        }
        Agreement mb10 = a.byId().get("MB-10");
        assertTrue(text.contains("Who asks for what: " + mb10.requestedBy() + " asks the practice to sign a new agreement"));
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

    @Test
    void ppgPageTenseFollowsTheRegisterAndAnEmptyHeadingSaysSoPlainly() {
        String page = Reports.ppgSummary(audited);
        // MB-08's register entry records a request to the ICB on 12 May 2026; MB-13's records none.
        String mb08 = page.lines().filter(l -> l.contains("Local authority public health intelligence feed")).findFirst().orElseThrow();
        assertTrue(mb08.contains("We asked the local NHS on 12 May 2026"), mb08);
        String mb13 = page.lines().filter(l -> l.contains("Carers' support referral scheme")).findFirst().orElseThrow();
        assertTrue(mb13.contains("We will ask the local NHS"), mb13);
        assertFalse(mb13.contains("We have asked") || mb13.contains("We asked"), mb13);
        assertTrue(page.contains("www.nhs.uk/your-nhs-data-matters") && page.contains("Type 1 opt-out"), "how to opt out");

        AuditResult withdrawOnly = new AuditResult(a.result().knowledgeBase(), a.result().asOf(), a.result().traceLevel(),
                a.result().practice(), a.decisions(Outcome.WITHDRAW), List.of(), a.result().summary());
        String stopping = Reports.ppgSummary(withdrawOnly, a.byId());
        assertFalse(stopping.contains("not keeping any agreement unchanged"), stopping);
        assertTrue(between(stopping, "## What we share", "## What we are stopping").contains(View.ppgNone()), stopping);
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
            if (f == Reports.Format.DOCX) {
                // a Word document is bytes, not text: the same bytes
                assertArrayEquals(Reports.icbLetterDocx(DocumentModel.of(a.result(), a.byId(), null)),
                        Reports.icbLetterDocx(DocumentModel.of(again.result(), again.byId(), null)));
            } else {
                assertEquals(Reports.icbLetter(a.result(), a.byId(), f), Reports.icbLetter(again.result(), again.byId(), f));
            }
        }
        assertEquals(Reports.ppgSummary(a.result(), a.byId()), Reports.ppgSummary(again.result(), again.byId()));
        assertEquals(Reports.bmaReferrals(a.result(), a.byId()), Reports.bmaReferrals(again.result(), again.byId()));
    }

    @Test
    void withoutTheAgreementsEachDocumentFallsBackToIds() {
        String html = Reports.html(a.result(), java.util.Map.of());
        a.allIds().forEach(id -> assertTrue(html.contains(id)));
        String letter = Reports.icbLetter(a.result(), null, Reports.Format.TEXT);
        assertEquals(a.ids(Outcome.WITHDRAW), idsIn(between(letter, "AGREEMENTS WE ARE WITHDRAWING", "Please reply"), a.allIds()));
    }

    /** What jte's HTML escaping makes of text between tags. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
