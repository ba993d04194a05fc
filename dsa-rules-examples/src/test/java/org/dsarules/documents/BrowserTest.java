package org.dsarules.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.TraceStep;
import org.dsarules.documents.ReportFixtures.Audit;
import org.dsarules.round.SystemAudit;
import org.dsarules.round.documents.SystemFixtures;
import org.dsarules.round.documents.SystemReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report as a real browser parses it: skipped where Chromium is not installed (CI installs it). */
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
    }

    /** The DOM after Chromium has loaded {@code html} from a file: no network, a throw-away profile. */
    static String dumpDom(String html, Path dir) throws IOException, InterruptedException {
        Path page = dir.resolve("report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Path out = dir.resolve("dom.html");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--dump-dom", page.toUri().toString())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish in 120 s");
        }
        assertEquals(0, p.exitValue(), "Chromium's exit status");
        String dom = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(dom.contains("</html>"), "no DOM dumped");
        return dom;
    }

    @Test
    void chromiumRendersTheCountsAndTheTrace(@TempDir Path dir) throws Exception {
        Audit a = ReportFixtures.sample();
        String dom = dumpDom(Reports.html(a.result(), a.byId()), dir);
        for (Outcome o : Outcome.values()) {
            int n = a.result().summary().count(o);
            assertTrue(Pattern.compile("<tr data-outcome=\"" + o + "\">.*?<td class=\"n\">" + n + "</td>", Pattern.DOTALL)
                    .matcher(dom).find(), o + " count " + n);
        }
        assertTrue(dom.contains("<td class=\"n\">" + a.result().summary().total() + "</td>"));
        // The chart: one bar per outcome and one for errors, each with its count.
        assertEquals(5, dom.split("<g class=\"bar\"", -1).length - 1);
        assertTrue(Pattern.compile("data-outcome=\"withdraw\">.*?<text class=\"count\"[^>]*>"
                + a.result().summary().count(Outcome.WITHDRAW) + "</text>", Pattern.DOTALL).matcher(dom).find());

        // One agreement's decisive trace step, as rendered.
        Decision mb05 = a.result().decisions().stream().filter(d -> d.dsaId().equals("MB-05")).findFirst().orElseThrow();
        TraceStep decisive = mb05.decisiveStep();
        int article = dom.indexOf("<article class=\"agreement withdraw\" id=\"dsa-1\" data-dsa-id=\"MB-05\">");
        assertTrue(article > 0, "MB-05 is the first, most urgent, agreement");
        String section = dom.substring(article, dom.indexOf("</article>", article));
        int step = section.indexOf("<li class=\"step decisive\" data-rule=\"" + decisive.rule() + "\">");
        assertTrue(step > 0, section);
        String li = section.substring(step, section.indexOf("</ul>", step));
        assertTrue(li.contains(ReportsTest.esc(decisive.explanation())), li);
        for (String c : decisive.citations()) {
            assertTrue(li.contains("<li>" + ReportsTest.esc(c) + "</li>"), c);
        }
        // The list links to the section.
        assertTrue(dom.contains("<a href=\"#dsa-1\"><code>MB-05</code></a>"));
    }

    @Test
    void chromiumShowsMarkupFromTheRegisterAsText(@TempDir Path dir) throws Exception {
        EscapingTest.audit(dir);
        for (String html : List.of(Reports.html(EscapingTest.audit.result(), EscapingTest.audit.byId()),
                Reports.icbLetter(EscapingTest.audit.result(), EscapingTest.audit.byId(), Reports.Format.HTML))) {
            String dom = dumpDom(html, Files.createTempDirectory(dir, "run"));
            assertFalse(dom.contains("<script"), "a script element was created");
            assertFalse(dom.contains("<img"), "an img element was created");
            assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assertTrue(dom.contains("&lt;img src=x onerror=alert(1)&gt;"));
        }
    }

    @Test
    void chromiumShowsThePpgPageWithEachAgreementUnderItsOutcomeAndHowToOptOut(@TempDir Path dir) throws Exception {
        Audit a = ReportFixtures.sample();
        DocumentModel audited = DocumentModel.of(a.result(), a.byId(), ReportFixtures.RULES);
        String dom = dumpDom(Reports.ppgHtml(audited), dir);
        Map<String, Set<String>> expected = Map.of("keep", a.ids(Outcome.KEEP), "withdraw", a.ids(Outcome.WITHDRAW));
        expected.forEach((section, ids) -> {
            String html = ReportFixtures.element(dom, "<section id=\"" + section + "\">", "section");
            assertEquals(ids, new TreeSet<>(ReportFixtures.attributeValues(html, "data-dsa-id")), section);
        });
        Set<String> open = new TreeSet<>(a.ids(Outcome.ASK_ICB_FOR_INFORMATION));
        open.addAll(a.ids(Outcome.REFER_TO_BMA));
        assertEquals(open, new TreeSet<>(ReportFixtures.attributeValues(
                ReportFixtures.element(dom, "<section id=\"open\">", "section"), "data-dsa-id")));
        String optOut = ReportFixtures.element(dom, "<section id=\"opt-out\">", "section");
        assertTrue(optOut.contains("www.nhs.uk/your-nhs-data-matters") && optOut.contains("Type 1 opt-out"), optOut);
        assertFalse(dom.contains("<script"));
    }

    @Test
    void chromiumShowsEveryPlaceholderOfTheLetterMarked(@TempDir Path dir) throws Exception {
        Audit a = ReportFixtures.sample();
        String dom = dumpDom(Reports.icbLetter(DocumentModel.of(a.result(), a.byId(), ReportFixtures.RULES),
                Reports.Format.HTML), dir);
        String body = dom.substring(dom.indexOf("<body"));
        Matcher m = Pattern.compile("\\[[A-Z][A-Z ]+\\]").matcher(body);
        int n = 0;
        while (m.find()) {
            n++;
            String before = body.substring(Math.max(0, m.start() - 40), m.start());
            assertTrue(before.endsWith("<mark class=\"placeholder\">"), "unmarked " + m.group() + " after " + before);
        }
        assertTrue(n >= 5, "placeholders: " + n);
        assertEquals(a.ids(Outcome.ASK_ICB_FOR_INFORMATION), new TreeSet<>(ReportFixtures.attributeValues(
                ReportFixtures.element(dom, "<section id=\"ask\">", "section"), "data-dsa-id")));
        assertEquals(a.ids(Outcome.WITHDRAW), new TreeSet<>(ReportFixtures.attributeValues(
                ReportFixtures.element(dom, "<section id=\"withdraw\">", "section"), "data-dsa-id")));
    }

    @Test
    void chromiumRendersTheSystemReport(@TempDir Path dir) throws Exception {
        SystemAudit system = SystemFixtures.system();
        String dom = dumpDom(SystemReport.html(system), dir);
        // Per practice: a row each, with each outcome's count.
        for (var r : system.registers()) {
            for (Outcome o : Outcome.values()) {
                // Within the practice's own row (one line, before any other row starts).
                assertTrue(Pattern.compile("<tr data-practice=\"" + r.odsCode() + "\"><td>[^\n]*?<td class=\"n\" data-outcome=\""
                        + o + "\">" + r.result().summary().count(o) + "</td>").matcher(dom).find(),
                        r.odsCode() + " " + o);
            }
        }
        // The programme whose outcomes differ, with the facts that differ per practice.
        int section = dom.indexOf("data-programme=\"programmemb05\"");
        assertTrue(section > 0, "the MB-05 programme has its section");
        String s = dom.substring(section, dom.indexOf("</section>", section));
        assertTrue(s.contains("<strong>the outcomes differ</strong>"), s);
        assertTrue(Pattern.compile("<tr data-field=\"commercialAccess\">.*?<td>true</td><td>false</td></tr>", Pattern.DOTALL)
                .matcher(s).find(), s);
        assertEquals(12, dom.split("<section class=\"programme", -1).length - 1, "one section per shared programme");
        // Register text stays text.
        assertFalse(dom.contains("<script"), "a script element was created");
        assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || dom.contains("Alder &lt;b&gt;Surgery"), dom);
    }
}
