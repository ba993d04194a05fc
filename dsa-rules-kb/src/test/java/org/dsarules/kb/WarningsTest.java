package org.dsarules.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.TraceLevel;
import org.dsarules.decision.Warning;
import org.dsarules.decision.Warnings;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.register.json.AgreementCodec;
import org.dsarules.json.DecisionDocumentWriter;
import org.dsarules.model.Agreement;
import org.dsarules.model.IcbAssessment;
import org.dsarules.model.IcbConclusion;
import org.dsarules.model.IcbStatus;
import org.dsarules.model.Identifiability;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.Party;
import org.dsarules.model.PartyKind;
import org.dsarules.model.Purpose;
import org.dsarules.model.RequirementKind;
import org.dsarules.model.Status;
import org.junit.jupiter.api.Test;

/**
 * Warnings for entries that contradict each other, through the real rules: each is reported with its
 * field, and the decision is exactly the one the same facts get without the contradiction (the
 * rules never read an unreceived conclusion or these dates).
 */
class WarningsTest {
    private static final DsaRules RULES = DsaRules.defaults();
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    private static Agreement.Builder research() {
        return Agreement.builder("W-1").title("Research extract").status(Status.EXISTING)
                .purposes(Purpose.RESEARCH).identifiability(Identifiability.PSEUDONYMISED)
                .legalRequirement(new LegalRequirement(RequirementKind.NONE, null, null));
    }

    /** The decision as the engine makes it, title and warnings aside. */
    private static Decision bare(Decision d) {
        return d.withTitleAndWarnings(null, List.of());
    }

    @Test
    void conclusionWithoutReceivedWarnsAndIsNotRead() {
        Agreement typed = research().icbAssessment(new IcbAssessment(IcbStatus.REQUESTED,
                IcbConclusion.NOT_NECESSARY, LocalDate.of(2026, 5, 10), null)).build();
        Agreement asRead = research().icbAssessment(new IcbAssessment(IcbStatus.REQUESTED, null,
                LocalDate.of(2026, 5, 10), null)).build();
        Decision d = RULES.decide(typed, AS_OF);
        assertEquals(List.of(Warnings.CONCLUSION_WITHOUT_RECEIVED), d.warnings().stream().map(Warning::code).toList());
        assertEquals("icbAssessment.conclusion", d.warnings().get(0).field());
        assertTrue(d.warnings().get(0).message().contains("NOT_NECESSARY"), d.warnings().get(0).message());
        assertTrue(d.warnings().get(0).message().contains("REQUESTED"), d.warnings().get(0).message());
        assertEquals(bare(RULES.decide(asRead, AS_OF)), bare(d));
        assertEquals("Research extract", d.title());
    }

    @Test
    void receivedBeforeRequestedWarns() {
        Agreement typed = research().icbAssessment(new IcbAssessment(IcbStatus.RECEIVED,
                IcbConclusion.NOT_NECESSARY, LocalDate.of(2026, 5, 10), LocalDate.of(2026, 5, 2))).build();
        Agreement swapped = research().icbAssessment(new IcbAssessment(IcbStatus.RECEIVED,
                IcbConclusion.NOT_NECESSARY, LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 10))).build();
        Decision d = RULES.decide(typed, AS_OF);
        assertEquals(List.of(new Warning(Warnings.RECEIVED_BEFORE_REQUESTED, "icbAssessment.receivedOn",
                "icbAssessment.receivedOn 2026-05-02 is before icbAssessment.requestedOn 2026-05-10: the reply cannot"
                        + " come before the request")), d.warnings());
        Decision repaired = RULES.decide(swapped, AS_OF);
        assertEquals(List.of(), repaired.warnings());
        assertEquals(bare(repaired), bare(d));
    }

    @Test
    void datesAfterTheAsOfDateWarnNamingTheField() {
        Agreement typed = research().signedOn(LocalDate.of(2027, 1, 3)).reviewDue(LocalDate.of(2028, 1, 1))
                .icbAssessment(new IcbAssessment(IcbStatus.RECEIVED, IcbConclusion.NECESSARY_AND_LAWFUL,
                        LocalDate.of(2026, 5, 10), LocalDate.of(2026, 7, 1))).build();
        Decision d = RULES.decide(typed, AS_OF);
        // reviewDue in the future is normal: no warning for it.
        assertEquals(List.of("DATE_AFTER_AS_OF signedOn", "DATE_AFTER_AS_OF icbAssessment.receivedOn"),
                d.warnings().stream().map(w -> w.code() + " " + w.field()).toList());
        assertTrue(d.warnings().get(0).message().contains("2027-01-03"), d.warnings().get(0).message());
        Agreement past = research().signedOn(LocalDate.of(2025, 1, 3)).reviewDue(LocalDate.of(2028, 1, 1))
                .icbAssessment(new IcbAssessment(IcbStatus.RECEIVED, IcbConclusion.NECESSARY_AND_LAWFUL,
                        LocalDate.of(2026, 5, 10), LocalDate.of(2026, 6, 1))).build();
        assertEquals(bare(RULES.decide(past, AS_OF)), bare(d));
    }

    /** Over generated agreements: the warnings are those of the facts, and never what decides. */
    @Test
    void generatedAgreementsCarryExactlyTheirWarnings() {
        List<Agreement> agreements = new AgreementGenerator(4242L, AgreementGenerator.Mix.EXHAUSTIVE).next(400);
        int warned = 0;
        for (Agreement a : agreements) {
            Decision d = RULES.decide(a, AS_OF);
            assertEquals(Warnings.of(a, AS_OF), d.warnings(), () -> "seed 4242, " + AgreementCodec.toJson(a));
            assertEquals(a.title(), d.title());
            if (!d.warnings().isEmpty()) {
                warned++;
                // Removing the ICB's unreceived conclusion changes nothing the rules read.
                IcbAssessment icb = a.icbAssessment();
                if (icb != null && icb.status() != IcbStatus.RECEIVED && icb.conclusion() != null) {
                    Agreement without = a.toBuilder().icbAssessment(new IcbAssessment(icb.status(), null,
                            icb.requestedOn(), icb.receivedOn())).build();
                    assertEquals(bare(RULES.decide(without, AS_OF)).withTrace(TraceLevel.NONE),
                            bare(d).withTrace(TraceLevel.NONE),
                            () -> "seed 4242, " + AgreementCodec.toJson(a));
                }
            }
        }
        assertTrue(warned > 0, "the exhaustive mix should reach some contradicting entries");
    }

    @Test
    void decisionJsonCarriesTitleAndWarnings() {
        Agreement typed = research().icbAssessment(new IcbAssessment(IcbStatus.REQUESTED,
                IcbConclusion.NOT_NECESSARY, null, null)).build();
        String register = "{\"agreements\": [" + AgreementCodec.toJson(typed) + "]}";
        AuditResult r = RULES.audit(new ByteArrayInputStream(register.getBytes(StandardCharsets.UTF_8)), "test", AS_OF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionDocumentWriter.write(r, out);
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"title\": \"Research extract\""), json);
        assertTrue(json.contains("\"warnings\": [\n        {\n          \"code\": \"CONCLUSION_WITHOUT_RECEIVED\",\n"
                + "          \"field\": \"icbAssessment.conclusion\","), json);
    }
    /**
     * record-format.md v1.2: a JSON register whose reference or instructedBy holds only a placeholder word
     * is decided as if the field were absent, and each placeholder is said in a warning of that agreement.
     */
    @Test
    void placeholderWordsInAJsonRegisterAreReadAsNotKnownWithAWarning() {
        String register = """
                {"agreements": [
                  {"id": "PH-1", "title": "National extraction", "status": "EXISTING", "practiceRole": "CONTROLLER",
                   "purposes": ["SERVICE_PLANNING"], "identifiability": "PSEUDONYMISED",
                   "legalRequirement": {"kind": "STATUTORY_DIRECTION", "reference": " TBC. "},
                   "parties": [{"name": "NHS England", "kind": "NHS_ENGLAND", "role": "CONTROLLER"},
                               {"name": "Apex GP Systems", "kind": "GP_SYSTEM_SUPPLIER", "role": "PROCESSOR",
                                "instructedBy": "Unknown"}]},
                  {"id": "PH-2", "title": "Same, with nothing typed", "status": "EXISTING", "practiceRole": "CONTROLLER",
                   "purposes": ["SERVICE_PLANNING"], "identifiability": "PSEUDONYMISED",
                   "legalRequirement": {"kind": "STATUTORY_DIRECTION"},
                   "parties": [{"name": "NHS England", "kind": "NHS_ENGLAND", "role": "CONTROLLER"},
                               {"name": "Apex GP Systems", "kind": "GP_SYSTEM_SUPPLIER", "role": "PROCESSOR"}]}
                ]}""";
        AuditResult r = RULES.audit(new ByteArrayInputStream(register.getBytes(StandardCharsets.UTF_8)), "test", AS_OF);
        Decision typed = r.decisions().get(0);
        Decision blank = r.decisions().get(1);
        assertEquals(Outcome.ASK_ICB_FOR_INFORMATION, typed.outcome());
        assertEquals("ask-evidence-of-claimed-duty", typed.decisiveRule());
        assertEquals(List.of(), typed.redFlags());
        assertTrue(typed.missing().containsAll(List.of("instructedBy", "legalRequirement.reference")), typed.missing()::toString);
        assertEquals(List.of("PLACEHOLDER_AS_UNKNOWN parties[1].instructedBy", "PLACEHOLDER_AS_UNKNOWN legalRequirement.reference"),
                typed.warnings().stream().map(w -> w.code() + " " + w.field()).toList());
        assertTrue(typed.warnings().get(1).message().contains("\"TBC.\"") && typed.warnings().get(1).message().contains("not known"),
                typed.warnings().get(1).message());
        assertTrue(typed.warnings().get(0).message().contains("\"Unknown\""), typed.warnings().get(0).message());
        // The same decision as the record with the two fields left empty, which has no warning.
        assertEquals(List.of(), blank.warnings());
        assertEquals(blank.outcome(), typed.outcome());
        assertEquals(blank.decisiveRule(), typed.decisiveRule());
        assertEquals(blank.redFlags(), typed.redFlags());
        assertEquals(blank.missing(), typed.missing());
        assertEquals(blank.questionsForIcb(), typed.questionsForIcb());
    }

    /** The policy's reading holds for an agreement an application builds itself, warning included. */
    @Test
    void placeholderWordsInAnAgreementBuiltInJavaAreNotEvidence() {
        Agreement typed = research().legalRequirement(LegalRequirement.of(RequirementKind.GP_CONTRACT, "n/a"))
                .parties(Party.processor("Apex GP Systems", PartyKind.GP_SYSTEM_SUPPLIER, "?")).build();
        Decision d = RULES.decide(typed, AS_OF);
        assertEquals("ask-evidence-of-claimed-duty", d.decisiveRule());
        assertTrue(d.missing().containsAll(List.of("instructedBy", "legalRequirement.reference")), d.missing()::toString);
        assertEquals(List.of(), d.redFlags());
        assertEquals(List.of("parties[0].instructedBy", "legalRequirement.reference"),
                d.warnings().stream().map(Warning::field).toList());
        // A reference with a word more than the placeholder is evidence, and is not warned about.
        Decision named = RULES.decide(research().legalRequirement(LegalRequirement.of(RequirementKind.GP_CONTRACT,
                "GMS contract clause TBC")).build(), AS_OF);
        assertEquals("keep-legal-duty", named.decisiveRule());
        assertEquals(List.of(), named.warnings());
    }
}
