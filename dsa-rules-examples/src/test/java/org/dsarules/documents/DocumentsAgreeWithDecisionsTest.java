package org.dsarules.documents;

import static org.dsarules.documents.ReportFixtures.between;
import static org.dsarules.documents.ReportFixtures.element;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.Summary;
import org.dsarules.decision.TraceLevel;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.register.json.AgreementCodec;
import org.dsarules.model.Agreement;
import org.dsarules.model.Practice;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 10 §3: every document says about each agreement what its decision says. Over generated registers
 * (the seeded {@link AgreementGenerator}, exhaustive mix), for every rule that decides some agreement: the
 * PPG page (Markdown and HTML) lists it under its outcome's heading with its rule's patient reason, the
 * HTML report files it under its outcome, and the letter to the ICB asks about it exactly when it is
 * decided ASK_ICB_FOR_INFORMATION (with every question of its decision) and lists it as withdrawn exactly
 * when it is decided WITHDRAW. A failure prints the agreement as JSON with the seed that made it.
 */
class DocumentsAgreeWithDecisionsTest {
    static final long[] SEEDS = {11, 12};
    static final int COUNT = 250;
    static final LocalDate AS_OF = ReportFixtures.AS_OF;

    @TestFactory
    Stream<DynamicNode> everyDocumentAgreesWithEveryDecision() {
        return Arrays.stream(SEEDS).mapToObj(this::seed);
    }

    private DynamicNode seed(long seed) {
        AgreementGenerator gen = AgreementGenerator.exhaustive(seed);
        Map<String, Agreement> byId = new LinkedHashMap<>();
        for (Agreement a : gen.next(COUNT)) {
            // The id as the title, so that a document that names agreements by title names each one once.
            byId.put(a.id(), a.toBuilder().title(a.id()).build());
        }
        List<Decision> decisions = ReportFixtures.RULES.decideAll(byId.values(), AS_OF);
        AuditResult result = new AuditResult(ReportFixtures.RULES.knowledgeBaseInfo(), AS_OF, TraceLevel.FULL,
                new Practice("Z00001", "Generated Practice", "NHS Generated ICB"), decisions, List.of(), Summary.of(decisions, 0));
        DocumentModel audited = DocumentModel.of(result, byId, ReportFixtures.RULES);
        Documents docs = new Documents(audited);

        Map<String, List<DecidedAgreement>> byRule = new TreeMap<>();
        audited.agreements().forEach(d -> byRule.computeIfAbsent(d.decision().decisiveRule(), r -> new ArrayList<>()).add(d));
        List<DynamicNode> tests = new ArrayList<>();
        byRule.forEach((rule, list) -> tests.add(DynamicTest.dynamicTest(rule + " (" + list.size() + ")", () -> {
            for (DecidedAgreement d : list) {
                String where = "seed " + seed + ", " + AgreementCodec.toJsonString(byId.get(d.id()));
                docs.check(d, where);
            }
        })));
        return DynamicContainer.dynamicContainer("seed " + seed, tests);
    }

    /** The documents of one generated register, read back into who is where. */
    static final class Documents {
        final Map<Outcome, Set<String>> ppgMarkdown = new LinkedHashMap<>();
        final Map<Outcome, Set<String>> ppgHtml = new LinkedHashMap<>();
        final Map<String, String> ppgLines = new TreeMap<>();
        final Map<String, String> reportOutcome = new TreeMap<>();
        final Set<String> letterAsks = new TreeSet<>();
        final Map<String, Set<String>> letterQuestions = new TreeMap<>();
        final Set<String> letterWithdraws = new TreeSet<>();
        final String letter;

        Documents(DocumentModel audited) {
            Set<String> ids = new TreeSet<>();
            audited.agreements().forEach(d -> ids.add(d.id()));
            String ppg = Reports.ppgSummary(audited);
            String keep = between(ppg, "## What we share", "## What we are stopping");
            String stop = between(ppg, "## What we are stopping", "## What we are still finding out");
            String open = between(ppg, "## What we are still finding out", "## What this means");
            ppgMarkdown.put(Outcome.KEEP, bold(keep));
            ppgMarkdown.put(Outcome.WITHDRAW, bold(stop));
            ppgMarkdown.put(Outcome.ASK_ICB_FOR_INFORMATION, bold(open));
            for (String line : ppg.split("\n")) {
                Matcher m = Pattern.compile("^- \\*\\*(.+?)\\*\\*").matcher(line);
                if (m.find()) {
                    ppgLines.put(m.group(1).replace("\\-", "-"), line);
                }
            }
            String html = Reports.ppgHtml(audited);
            ppgHtml.put(Outcome.KEEP, new TreeSet<>(ReportFixtures.attributeValues(element(html, "<section id=\"keep\">", "section"), "data-dsa-id")));
            ppgHtml.put(Outcome.WITHDRAW, new TreeSet<>(ReportFixtures.attributeValues(element(html, "<section id=\"withdraw\">", "section"), "data-dsa-id")));
            ppgHtml.put(Outcome.ASK_ICB_FOR_INFORMATION, new TreeSet<>(ReportFixtures.attributeValues(element(html, "<section id=\"open\">", "section"), "data-dsa-id")));
            Matcher a = Pattern.compile("<article class=\"agreement (\\w+)\" id=\"dsa-\\d+\" data-dsa-id=\"([^\"]+)\">")
                    .matcher(Reports.html(audited));
            while (a.find()) {
                reportOutcome.put(a.group(2), a.group(1));
            }
            letter = Reports.icbLetter(audited, Reports.Format.TEXT);
            Map<Integer, String> numbered = new TreeMap<>();
            Matcher q = Pattern.compile("(?m)^(\\d+)\\. (.+)$").matcher(letter);
            while (q.find()) {
                numbered.put(Integer.parseInt(q.group(1)), q.group(2));
            }
            if (letter.contains("THE AGREEMENTS WE ASK ABOUT")) {
                String asks = between(letter, "THE AGREEMENTS WE ASK ABOUT", letter.contains("AGREEMENTS WE ARE WITHDRAWING")
                        ? "AGREEMENTS WE ARE WITHDRAWING" : "Please reply");
                Matcher l = Pattern.compile("(?m)^- .*\\(our reference (\\S+)\\): questions? ([^.]+)\\.(.*)$").matcher(asks);
                while (l.find()) {
                    letterAsks.add(l.group(1));
                    Set<String> texts = new TreeSet<>();
                    Matcher n = Pattern.compile("\\d+").matcher(l.group(2) + " " + l.group(3));
                    while (n.find()) {
                        texts.add(numbered.get(Integer.parseInt(n.group())));
                    }
                    letterQuestions.put(l.group(1), texts);
                }
            }
            if (letter.contains("AGREEMENTS WE ARE WITHDRAWING")) {
                Matcher w = Pattern.compile("(?m)^- .*\\(our reference (\\S+)\\):").matcher(
                        between(letter, "AGREEMENTS WE ARE WITHDRAWING", "Please reply"));
                while (w.find()) {
                    letterWithdraws.add(w.group(1));
                }
            }
        }

        private static Set<String> bold(String section) {
            Set<String> t = new TreeSet<>();
            Matcher m = Pattern.compile("(?m)^- \\*\\*(.+?)\\*\\*").matcher(section);
            while (m.find()) {
                t.add(m.group(1).replace("\\-", "-"));
            }
            return t;
        }

        void check(DecidedAgreement d, String where) {
            String id = d.id();
            Outcome o = d.decision().outcome();
            // The PPG page puts REFER_TO_BMA with ASK, under "What we are still finding out".
            Outcome section = o == Outcome.REFER_TO_BMA ? Outcome.ASK_ICB_FOR_INFORMATION : o;
            for (Outcome s : ppgMarkdown.keySet()) {
                assertEquals(s == section, ppgMarkdown.get(s).contains(id), "PPG Markdown, section " + s + ": " + where);
                assertEquals(s == section, ppgHtml.get(s).contains(id), "PPG HTML, section " + s + ": " + where);
            }
            if (d.patientReason() != null) {
                assertTrue(ppgLines.get(id).contains(Plain.md(d.patientReason())), "PPG reason is the rule's @patientReason: "
                        + ppgLines.get(id) + ": " + where);
            }
            assertEquals(Plain.css(o), reportOutcome.get(id), "HTML report section: " + where);
            assertEquals(o == Outcome.ASK_ICB_FOR_INFORMATION, letterAsks.contains(id), "letter asks: " + where);
            assertEquals(o == Outcome.WITHDRAW, letterWithdraws.contains(id), "letter withdraws: " + where);
            if (o == Outcome.ASK_ICB_FOR_INFORMATION) {
                Set<String> asked = letterQuestions.get(id);
                Decision dec = d.decision();
                for (int i = 0; i < dec.missing().size(); i++) {
                    assertTrue(asked.contains(Plain.line(dec.questionsForIcb().get(i))),
                            "letter asks " + dec.missing().get(i) + " of " + id + ": " + asked + ": " + where);
                }
            }
        }
    }
}
