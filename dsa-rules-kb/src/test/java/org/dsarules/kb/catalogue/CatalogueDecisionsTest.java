package org.dsarules.kb.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.dsarules.DsaRules;
import org.dsarules.catalogue.CatalogueConflict;
import org.dsarules.catalogue.CatalogueFill;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.TraceStep;
import org.dsarules.json.DecisionJson;
import org.dsarules.model.Agreement;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.LmcAdvice;
import org.dsarules.model.Status;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each shipped entry decided by the real rules: a register row that names only the programme and its
 * status, filled from the catalogue, gets the outcome that the entry's facts give under
 * decision-policy.md v1.2 (as of the day the catalogue was checked). Where an entry leaves a fact unknown
 * (see its note), the outcome asks the ICB: the catalogue never claims more than its sources say.
 */
class CatalogueDecisionsTest {
    /** The default rules with the default catalogue: the shipped one, as dsa-rules-kb is on the class path. */
    private static final DsaRules RULES = DsaRules.defaults();
    private static final DsaRules WITHOUT = DsaRules.builder().noCatalogue().build();
    private static final LocalDate AS_OF = ShippedCatalogueTest.CHECKED;

    /** One row of the scenario table: the programme as a practice types it, and what its facts decide. */
    private record Row(String programme, String entry, Outcome outcome, String decisiveRule, String why) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("GDPPR", "gdppr", Outcome.KEEP, "keep-legal-duty",
                    "row 1: a data provision notice under a direction compels it, named in the reference"),
            new Row("QOF", "gpes-qof", Outcome.KEEP, "keep-legal-duty",
                    "row 1: a condition of the QOF the practice signed up to (GP_CONTRACT, with its reference)"),
            new Row("Participation Only", "cqrs-participation-only", Outcome.ASK_ICB_FOR_INFORMATION, "ask-icb-unknowns",
                    "row 12: a secondary use whose duty is left unknown (the only source is out of date)"),
            new Row("CVDPREVENT", "cvdprevent", Outcome.KEEP, "keep-legal-duty",
                    "row 1: a data provision notice compels it"),
            new Row("National Diabetes Audit", "national-diabetes-audit", Outcome.KEEP, "keep-legal-duty",
                    "row 1: a data provision notice served on GP practices compels it"),
            new Row("NHS DigiTrials", "nhs-digitrials", Outcome.ASK_ICB_FOR_INFORMATION, "ask-icb-unknowns",
                    "row 12: research whose notice may not reach practices: the duty is left unknown"),
            new Row("OpenSAFELY", "opensafely-das", Outcome.KEEP, "keep-legal-duty",
                    "row 1: the 2025 directions and their notice compel it until 31 March 2027"),
            new Row("GP Connect", "gp-connect", Outcome.KEEP, "keep-direct-care",
                    "row 8: direct care only, NHS England runs it for the care team, nothing unknown"),
            new Row("SCR AI", "summary-care-record", Outcome.ASK_ICB_FOR_INFORMATION, "ask-direct-care-unknown",
                    "row 7: direct care, but no source states the parties or the practice's role"),
            new Row("COVID-19 COPI notice", "covid-copi-notices", Outcome.ASK_ICB_FOR_INFORMATION, "ask-icb-unknowns",
                    "row 12: the notice ended on 30 June 2022, so no duty applies, and the rest is not known"),
            new Row("CPRD", "cprd", Outcome.ASK_ICB_FOR_INFORMATION, "ask-icb-unknowns",
                    "row 12: voluntary research, no red flag known, identifiability and commercial access unknown"),
            new Row("QResearch", "qresearch", Outcome.ASK_ICB_FOR_INFORMATION, "ask-icb-unknowns",
                    "row 12: voluntary research with its parties and identifiability unknown"),
            new Row("RCGP RSC", "orchid", Outcome.ASK_ICB_FOR_INFORMATION, "ask-icb-unknowns",
                    "row 12: pseudonymised research and surveillance whose duty is left unknown"),
            new Row("IMRD", "imrd", Outcome.ASK_ICB_FOR_INFORMATION, "ask-icb-unknowns",
                    "row 12: commercial access is a red flag, but with the duty unknown row 10 cannot withdraw"));

    private static CatalogueFill filled(String programme, Status status) {
        Agreement row = Agreement.builder("DSA-1").programme(programme).status(status).build();
        return ShippedCatalogueTest.SHIPPED.fill(row).orElseThrow(() -> new AssertionError(programme + " resolves to no entry"));
    }

    @TestFactory
    Stream<DynamicTest> eachEntryDecidesARowThatNamesOnlyItsProgramme() {
        return ROWS.stream().map(r -> DynamicTest.dynamicTest(r.entry() + ": " + r.why(), () -> {
            CatalogueFill fill = filled(r.programme(), Status.EXISTING);
            assertEquals(r.entry(), fill.entryId());
            assertFalse(fill.filled().isEmpty(), "every entry fills something");
            assertFalse(fill.sources().isEmpty());
            assertTrue(fill.conflicts().isEmpty(), "a row with no facts contradicts nothing");
            // The register row itself, decided by the default DsaRules: the engine fills it from the catalogue.
            Agreement row = Agreement.builder("DSA-1").programme(r.programme()).status(Status.EXISTING).build();
            Decision d = RULES.decide(row, AS_OF);
            assertEquals(RULES.decide(fill.agreement(), AS_OF).outcome(), d.outcome(), "the same as deciding the filled row");
            assertNotNull(d.catalogue(), "the decision says the catalogue was used");
            assertEquals(r.entry(), d.catalogue().entry());
            assertEquals(fill.checked(), d.catalogue().checked());
            assertEquals(fill.filled(), d.catalogue().filled());
            assertEquals(fill.sources(), d.catalogue().sources());
            assertEquals(List.of(), d.warnings());
            // The trace says which facts came from the catalogue, and from where: one step per filled field.
            List<TraceStep> fromCatalogue = d.trace().stream().filter(s -> s.rule().equals("fact-from-catalogue")).toList();
            assertEquals(fill.filled().size(), fromCatalogue.size(), d.trace().toString());
            for (String field : fill.filled()) {
                TraceStep step = fromCatalogue.stream().filter(s -> s.explanation().contains(" leaves " + field + " not known"))
                        .findFirst().orElseThrow(() -> new AssertionError("no trace step for " + field + ": " + fromCatalogue));
                assertNull(step.outcome());
                for (String source : fill.sourcesByField().get(field)) {
                    assertTrue(step.explanation().contains(source), step.explanation());
                }
                assertTrue(step.explanation().contains("entry " + r.entry()), step.explanation());
            }
            // The JSON carries exactly the catalogue member of record-format.md v1.2.
            JsonNode json = MAPPER.readTree(DecisionJson.write(d));
            JsonNode member = json.get("catalogue");
            assertEquals(List.of("checked", "entry", "filled", "sources"), fieldNames(member));
            assertEquals(r.entry(), member.get("entry").asText());
            assertEquals(fill.checked().toString(), member.get("checked").asText());
            assertEquals(fill.filled(), texts(member.get("filled")));
            assertEquals(fill.sources(), texts(member.get("sources")));
            if (r.entry().equals("gp-connect") && d.missing().equals(List.of(RECORD_OPERATOR_QUESTION))) {
                // A knowledge base without policy v1.2's record-operator reading still asks whether NHS England,
                // which runs the service for the care team, provides care: that question is all that is left,
                // and v1.2 does not ask it (then row 8 keeps the agreement, as the row expects).
                assertEquals(Outcome.ASK_ICB_FOR_INFORMATION, d.outcome(), d.summary());
                assertEquals("ask-direct-care-unknown", d.decisiveRule());
                assertEquals(List.of(), d.redFlags());
                return;
            }
            assertEquals(r.outcome(), d.outcome(), d.summary());
            assertEquals(r.decisiveRule(), d.decisiveRule());
        }));
    }

    /** The one question policy v1.2 stopped asking about a record operator (NHS England for GP Connect). */
    private static final String RECORD_OPERATOR_QUESTION = "directCareProvider";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        Collections.sort(out);
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theWithoutCatalogueDecisionIsTheOneTheIssueComplainedOf() {
        // Without the catalogue, a row naming only GDPPR has no purpose and is asked about (row 14).
        Decision bare = WITHOUT.decide(Agreement.builder("DSA-1").programme("GDPPR").status(Status.EXISTING).build(), AS_OF);
        assertEquals(Outcome.ASK_ICB_FOR_INFORMATION, bare.outcome());
        assertEquals("ask-purposes", bare.decisiveRule());
        assertNull(bare.catalogue());
        assertTrue(bare.trace().stream().noneMatch(s -> s.rule().equals("fact-from-catalogue")));
        assertTrue(DecisionJson.write(bare).indexOf("\"catalogue\"") < 0, "no member without an entry");
    }

    @Test
    void everyPathFillsTheSameWay() throws Exception {
        // decide, decideAll and an audit of a register share the one place that fills.
        Agreement row = Agreement.builder("DSA-1").programme("GDPPR").status(Status.EXISTING).build();
        Decision one = RULES.decide(row, AS_OF);
        Decision all = RULES.decideAll(List.of(row), AS_OF).get(0);
        String register = "{\"agreements\": [{\"id\": \"DSA-1\", \"programme\": \"GDPPR\", \"status\": \"EXISTING\"}]}";
        Decision audited = RULES.audit(new java.io.ByteArrayInputStream(register.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "register.json", AS_OF).decisions().get(0);
        assertEquals(Outcome.KEEP, one.outcome());
        assertEquals(DecisionJson.write(one), DecisionJson.write(all));
        assertEquals(DecisionJson.write(one), DecisionJson.write(audited));
        assertEquals(one.catalogue(), audited.catalogue());
    }

    @Test
    void aLocalCatalogueAddsAnEntryAndTheBuilderTakesIt() {
        org.dsarules.catalogue.Catalogue local = org.dsarules.catalogue.Catalogue.read(
                new java.io.ByteArrayInputStream(LOCAL.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "lmc.json");
        try (DsaRules rules = DsaRules.builder().catalogue(ShippedCatalogueTest.SHIPPED.withLocal(local)).build()) {
            Decision d = rules.decide(Agreement.builder("DSA-7").title("Westvale Shared Care Record")
                    .status(Status.EXISTING).build(), AS_OF);
            assertEquals("westvale-scr", d.catalogue().entry());
            assertEquals(List.of("purposes"), d.catalogue().filled());
            assertEquals(List.of("https://westvale.example.org/scr/privacy"), d.catalogue().sources());
            assertNotEquals("ask-purposes", d.decisiveRule(), "the purpose is known now");
        }
    }

    private static final String LOCAL = """
            { "id": "westvale-scr", "names": ["Westvale Shared Care Record"], "checked": "2026-12-01",
              "note": "The ICB's shared care record, for direct care.",
              "facts": [ { "field": "purposes", "value": ["DIRECT_CARE"],
                           "sources": ["https://westvale.example.org/scr/privacy"] } ] }
            """;

    @Test
    void whatTheEntriesLeaveUnknownIsAskedAbout() {
        Decision gpConnect = RULES.decide(filled("GP Connect", Status.EXISTING).agreement(), AS_OF);
        assertTrue(List.of(RECORD_OPERATOR_QUESTION).containsAll(gpConnect.missing()), gpConnect.missing().toString());
        Decision scr = RULES.decide(filled("Summary Care Record", Status.EXISTING).agreement(), AS_OF);
        assertEquals(List.of("parties", "practiceRole"), scr.missing());
        Decision imrd = RULES.decide(filled("IMRD", Status.EXISTING).agreement(), AS_OF);
        assertEquals(List.of("RF-COMMERCIAL"), imrd.redFlags());
        assertTrue(imrd.missing().contains("legalRequirement") && imrd.missing().contains("identifiability"),
                imrd.missing().toString());
    }

    @Test
    void aDutyKeepsANewRequestAndExpiresOnItsDay() {
        // Row 1 comes before row 6: a new request that a notice compels is signed, not referred.
        assertEquals(Outcome.KEEP, RULES.decide(filled("GDPPR", Status.NEW_REQUEST).agreement(), AS_OF).outcome());
        Agreement openSafely = filled("OpenSAFELY", Status.EXISTING).agreement();
        assertEquals(Outcome.KEEP, RULES.decide(openSafely, LocalDate.of(2027, 3, 31)).outcome(), "the last day still binds");
        Decision after = RULES.decide(openSafely, LocalDate.of(2027, 4, 1));
        assertEquals(Outcome.ASK_ICB_FOR_INFORMATION, after.outcome(), "after the pilot, unless it is extended");
        // While the COPI notice was in force it compelled the sharing.
        assertEquals(Outcome.KEEP, RULES.decide(filled("COPI notice", Status.EXISTING).agreement(),
                LocalDate.of(2022, 6, 30)).outcome());
    }

    @Test
    void theLmcCanWithdrawFromVoluntaryResearchButNotFromADuty() {
        Agreement cprd = filled("CPRD", Status.EXISTING).agreement().toBuilder().lmcAdvice(LmcAdvice.WITHDRAW).build();
        Decision d = RULES.decide(cprd, AS_OF);
        assertEquals(Outcome.WITHDRAW, d.outcome(), "row 2: the catalogue says no duty compels CPRD");
        assertEquals("withdraw-lmc-advice", d.decisiveRule());
        Agreement gdppr = filled("GDPPR", Status.EXISTING).agreement().toBuilder().lmcAdvice(LmcAdvice.WITHDRAW).build();
        assertEquals(Outcome.KEEP, RULES.decide(gdppr, AS_OF).outcome());
    }

    @Test
    void aRegisterThatContradictsTheCatalogueIsDecidedOnItsOwnValueWithAConflict() throws Exception {
        Agreement register = Agreement.builder("DSA-9").programme("G.D.P.P.R").status(Status.EXISTING)
                .legalRequirement(LegalRequirement.none()).lmcAdvice(LmcAdvice.WITHDRAW).build();
        CatalogueFill fill = ShippedCatalogueTest.SHIPPED.fill(register).orElseThrow();
        assertEquals(List.of("purposes"), fill.filled(), "the duty is the register's, so neither reference is filled");
        CatalogueConflict c = fill.conflicts().get(0);
        assertEquals("legalRequirement.kind", c.field());
        assertEquals("NONE", c.registerValue());
        assertEquals("STATUTORY_DIRECTION", c.catalogueValue());
        assertTrue(c.sources().get(0).startsWith("https://digital.nhs.uk/"), c.sources().toString());
        assertEquals(CatalogueConflict.CODE, fill.warnings().get(0).code());
        // The rules read the register's NONE: the LMC's advice withdraws from a secondary use no duty compels.
        Decision d = RULES.decide(fill.agreement(), AS_OF);
        assertEquals(Outcome.WITHDRAW, d.outcome());
        assertEquals("withdraw-lmc-advice", d.decisiveRule());
        // Decided from the register row itself: the same outcome, the conflict among the decision's warnings.
        Decision fromRow = RULES.decide(register, AS_OF);
        assertEquals(Outcome.WITHDRAW, fromRow.outcome());
        assertEquals("gdppr", fromRow.catalogue().entry());
        assertEquals(List.of("purposes"), fromRow.catalogue().filled());
        assertEquals(List.of(CatalogueConflict.CODE), fromRow.warnings().stream().map(w -> w.code()).toList());
        assertEquals("legalRequirement.kind", fromRow.warnings().get(0).field());
        JsonNode warning = MAPPER.readTree(DecisionJson.write(fromRow)).get("warnings").get(0);
        assertEquals("NONE", warning.get("registerValue").asText());
        assertEquals("STATUTORY_DIRECTION", warning.get("catalogueValue").asText());
        assertEquals(c.sources(), texts(warning.get("sources")));
    }

    @Test
    void anUnknownProgrammeIsDecidedOnTheRegisterAlone() {
        Agreement register = Agreement.builder("DSA-5").programme("Westvale population health platform")
                .title("PHM data extract").status(Status.EXISTING).build();
        assertTrue(ShippedCatalogueTest.SHIPPED.fill(register).isEmpty());
        Decision d = RULES.decide(register, AS_OF);
        assertEquals("ask-purposes", d.decisiveRule());
        assertNull(d.catalogue());
        assertEquals(DecisionJson.write(WITHOUT.decide(register, AS_OF)), DecisionJson.write(d));
    }
}
