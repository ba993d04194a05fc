package org.dsarules.cli;

import static org.dsarules.cli.AuditCommandTest.MAPPER;
import static org.dsarules.cli.AuditCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue of known programmes end to end through {@code dsa-audit}: a row naming only its programme is
 * decided on the catalogue's facts, a register value that contradicts the catalogue stays with a
 * CATALOGUE_CONFLICT warning, an unknown programme is decided on the register alone, and the options
 * {@code --catalogue FILE} and {@code --no-catalogue} change that (record-format.md v1.2).
 */
class CatalogueCliTest {
    @TempDir
    Path dir;

    private static final String REGISTER = """
            {"agreements": [
              {"id": "DSA-1", "programme": "GDPPR", "status": "EXISTING"},
              {"id": "DSA-2", "programme": "G.D.P.P.R.", "status": "EXISTING", "legalRequirement": {"kind": "NONE"},
               "lmcAdvice": "WITHDRAW"},
              {"id": "DSA-3", "programme": "Westvale population health platform", "status": "EXISTING"},
              {"id": "DSA-4", "title": "Westvale Shared Care Record", "status": "EXISTING"}
            ]}
            """;

    private static final String LOCAL = """
            [{ "id": "westvale-scr", "names": ["Westvale Shared Care Record"], "checked": "2026-12-01",
               "note": "The ICB's shared care record, for direct care.",
               "facts": [ { "field": "purposes", "value": ["DIRECT_CARE"],
                            "sources": ["https://westvale.example.org/scr/privacy"] } ] }]
            """;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private JsonNode audit(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("audit", write("register.json", REGISTER).toString(), "--format",
                "json", "--as-of", "2026-12-07"));
        args.addAll(List.of(extra));
        AuditCommandTest.Run r = run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return MAPPER.readTree(r.out()).get("decisions");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void aRowNamingOnlyItsProgrammeIsDecidedOnTheCatalogueAndSaysSo() throws Exception {
        JsonNode d = audit().get(0);
        assertEquals("KEEP", d.get("outcome").asText());
        assertEquals("keep-legal-duty", d.get("decisiveRule").asText());
        JsonNode c = d.get("catalogue");
        assertEquals("gdppr", c.get("entry").asText());
        assertEquals("2026-12-07", c.get("checked").asText());
        assertEquals(List.of("purposes", "legalRequirement.kind", "legalRequirement.reference"), texts(c.get("filled")));
        assertFalse(c.get("sources").isEmpty());
        c.get("sources").forEach(s -> assertTrue(s.asText().startsWith("https://"), s.asText()));
        long steps = 0;
        for (JsonNode s : d.get("trace")) {
            if (s.get("rule").asText().equals("fact-from-catalogue")) {
                steps++;
                assertTrue(s.get("explanation").asText().contains("https://"), s.toString());
            }
        }
        assertEquals(3, steps, "one trace step per filled field");
    }

    @Test
    void aConflictKeepsTheRegistersValueWithAWarningNamingBothValuesAndTheSource() throws Exception {
        JsonNode d = audit().get(1);
        assertEquals("WITHDRAW", d.get("outcome").asText(), "the register's NONE decides, with the LMC's advice");
        assertEquals(List.of("purposes"), texts(d.get("catalogue").get("filled")));
        JsonNode w = d.get("warnings").get(0);
        assertEquals("CATALOGUE_CONFLICT", w.get("code").asText());
        assertEquals("legalRequirement.kind", w.get("field").asText());
        assertEquals("NONE", w.get("registerValue").asText());
        assertEquals("STATUTORY_DIRECTION", w.get("catalogueValue").asText());
        assertTrue(w.get("sources").get(0).asText().startsWith("https://"));
    }

    @Test
    void anUnknownProgrammeIsDecidedOnTheRegisterAloneWithoutACatalogueMember() throws Exception {
        JsonNode d = audit().get(2);
        assertNull(d.get("catalogue"));
        assertEquals("ask-purposes", d.get("decisiveRule").asText());
        assertEquals(0, d.get("warnings").size());
    }

    @Test
    void noCatalogueDecidesOnTheRegisterAlone() throws Exception {
        JsonNode all = audit("--no-catalogue");
        all.forEach(d -> assertNull(d.get("catalogue"), d.toString()));
        assertEquals("ask-purposes", all.get(0).get("decisiveRule").asText());
        assertEquals(0, all.get(1).get("warnings").size());
    }

    @Test
    void aLocalCatalogueAddsTheLmcsOwnEntries() throws Exception {
        assertNull(audit().get(3).get("catalogue"), "not a shipped programme");
        JsonNode d = audit("--catalogue", write("lmc.json", LOCAL).toString()).get(3);
        assertEquals("westvale-scr", d.get("catalogue").get("entry").asText());
        assertEquals(List.of("https://westvale.example.org/scr/privacy"), texts(d.get("catalogue").get("sources")));
    }

    @Test
    void aBadLocalCatalogueIsOneLineNamingTheFile() throws Exception {
        Path bad = write("bad.json", "[{\"id\": \"x\", \"names\": [\"X\"], \"checked\": \"2026-12-01\", \"note\": \"n\","
                + " \"facts\": [{\"field\": \"purposes\", \"value\": [\"DIRECT_CARE\"], \"sources\": []}]}]");
        AuditCommandTest.Run r = run("audit", write("register.json", REGISTER).toString(), "--catalogue", bad.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("bad.json"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        AuditCommandTest.Run both = run("audit", write("register.json", REGISTER).toString(), "--catalogue",
                write("lmc.json", LOCAL).toString(), "--no-catalogue");
        assertEquals(2, both.status());
    }

    @Test
    void theTextReportAndExplainSayWhichFactsCameFromTheCatalogue() throws Exception {
        Path register = write("register.json", REGISTER);
        AuditCommandTest.Run text = run("audit", register.toString(), "--as-of", "2026-12-07");
        assertTrue(text.out().contains("From the catalogue of known programmes: GPES Data for Pandemic Planning and"
                + " Research (COVID-19) (checked 2026-12-07): purposes, legal requirement, its reference; sources: https://"),
                text.out());
        AuditCommandTest.Run explain = run("explain", register.toString(), "DSA-1", "--as-of", "2026-12-07");
        assertEquals(0, explain.status(), explain.err());
        assertTrue(explain.out().contains("From the catalogue of known programmes"), explain.out());
        assertTrue(explain.out().contains("fact-from-catalogue"), explain.out());
    }

    @Test
    void programmesListsEveryEntryWithItsFactsSourcesAndDates() throws Exception {
        AuditCommandTest.Run r = run("programmes", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode all = MAPPER.readTree(r.out()).get("programmes");
        assertTrue(all.size() >= 14, r.out());
        for (JsonNode e : all) {
            assertTrue(e.get("checked").asText().matches("\\d{4}-\\d{2}-\\d{2}"), e.toString());
            assertFalse(e.get("names").isEmpty());
            for (JsonNode f : e.get("facts")) {
                assertFalse(f.get("sources").isEmpty(), e.get("id") + " " + f);
            }
        }
        AuditCommandTest.Run text = run("programmes", "--catalogue", write("lmc.json", LOCAL).toString());
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("Westvale Shared Care Record  [westvale-scr, checked 2026-12-01]"), text.out());
        assertTrue(text.out().contains("source: https://westvale.example.org/scr/privacy"), text.out());
        assertTrue(text.out().contains("not legal advice"));
        AuditCommandTest.Run md = run("programmes", "--format", "markdown");
        // an _ inside a word is not emphasis, so it is written as it is (issue 25: no needless backslashes)
        assertTrue(md.out().contains("| `legalRequirement.kind` | STATUTORY_DIRECTION |"), md.out());
    }
}
