package org.dsarules.round.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dsarules.decision.Outcome;
import org.dsarules.round.SystemAudit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The system report and the LMC's letter on two practices made from the sample register. */
class SystemReportTest {
    static SystemAudit system;

    @BeforeAll
    static void audit() throws Exception {
        system = SystemFixtures.system();
    }

    @Test
    void programmesPracticesAndTheFactsThatDiffer() {
        SystemAudit.Programme helix = system.programmes().stream().filter(p -> "programmemb05".equals(p.key()))
                .findFirst().orElseThrow();
        assertTrue(helix.outcomesDiffer());
        assertEquals(Outcome.WITHDRAW, helix.holdings().get(0).outcome());
        assertEquals(java.util.List.of("parties[0].kind", "purposes", "commercialAccess"),
                helix.differences().stream().map(SystemAudit.Difference::field).toList());
        assertEquals(java.util.Arrays.asList("COMMERCIAL", "UNIVERSITY"), helix.differences().get(0).values());
        // MB-13 was left out of the second register: held by one practice only.
        assertEquals(java.util.List.of("Programme MB-13"), system.singlePractice().stream().map(SystemAudit.Programme::label).toList());
        assertEquals(12, system.shared().size());
        assertTrue(system.shared().stream().filter(p -> p != helix).noneMatch(SystemAudit.Programme::outcomesDiffer));
    }

    @Test
    void htmlEscapesRegisterText() {
        String html = SystemReport.html(system);
        assertFalse(html.contains(SystemFixtures.MARKUP), "markup from the register is escaped");
        assertFalse(html.contains("<b>Surgery</b>"));
        assertTrue(html.contains("Alder &lt;b&gt;Surgery&lt;/b&gt;"), html);
        assertFalse(html.contains("<script"), "no script at all");
        assertTrue(html.contains("<tr data-field=\"commercialAccess\"><td><code>commercialAccess</code></td><td>true</td>"
                + "<td>false</td></tr>"), html);
    }

    @Test
    void htmlCountsPerPractice() {
        String html = SystemReport.html(system);
        for (org.dsarules.round.AuditedRegister r : system.registers()) {
            for (Outcome o : Outcome.values()) {
                assertTrue(java.util.regex.Pattern.compile("<tr data-practice=\"" + r.odsCode() + "\"><td>[^\n]*?<td class=\"n\" "
                        + "data-outcome=\"" + o + "\">" + r.result().summary().count(o) + "</td>").matcher(html).find(),
                        r.odsCode() + " " + o);
            }
        }
        assertEquals(12, html.split("<section class=\"programme", -1).length - 1);
    }

    @Test
    void jsonCountsEveryPractice() throws Exception {
        JsonNode j = new ObjectMapper().readTree(SystemReport.json(system));
        assertEquals(2, j.get("practices").size());
        int total = 0;
        for (JsonNode p : j.get("practices")) {
            for (Outcome o : Outcome.values()) {
                total += p.get("summary").get(o.name()).asInt();
            }
        }
        assertEquals(13 + 12, total, "every decided agreement of both registers");
        assertEquals(13, j.get("summary").get("programmes").asInt());
    }

    @Test
    void theLmcLetterAsksOncePerProgramme() {
        String letter = SystemLetter.markdown(system);
        assertTrue(letter.contains("We write for the 2 practices below"), letter);
        // only the < that opens a tag is escaped (issue 25): a renderer shows the name as typed
        assertTrue(letter.contains("- Alder \\<b>Surgery\\</b> (A00001)"), letter);
        assertTrue(letter.contains("### Programme MB-08 (held by 2 of our practices)"), letter);
        assertTrue(letter.contains("### Programme MB-05"), letter);
        assertTrue(letter.contains("whether a commercial organisation can access the data (commercialAccess): A00001: true; B00002: false"), letter);
        assertFalse(letter.contains(SystemFixtures.MARKUP));
    }
}
