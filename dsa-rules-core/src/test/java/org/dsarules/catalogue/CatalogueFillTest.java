package org.dsarules.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dsarules.decision.Warning;
import org.dsarules.model.Agreement;
import org.dsarules.model.Article6Basis;
import org.dsarules.model.Identifiability;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.Party;
import org.dsarules.model.PartyKind;
import org.dsarules.model.PartyRole;
import org.dsarules.model.PracticeRole;
import org.dsarules.model.Purpose;
import org.dsarules.model.RequirementKind;
import org.dsarules.model.Status;
import org.junit.jupiter.api.Test;

/** What filling does to an agreement, on the test fixture catalogue (the shipped one is tested in dsa-rules-kb). */
class CatalogueFillTest {
    private static final Catalogue CATALOGUE = CatalogueFileTest.fixture("local.json");
    private static final String DPN = "https://example.org/nc/dpn";

    private static Agreement.Builder named(String programme) {
        return Agreement.builder("A-1").programme(programme).status(Status.EXISTING);
    }

    @Test
    void fillsOnlyWhatTheRegisterLeavesNotKnown() {
        Agreement register = named("National Collection").identifiability(Identifiability.PSEUDONYMISED).build();
        CatalogueFill fill = CATALOGUE.fill(register).orElseThrow();
        Agreement a = fill.agreement();
        assertEquals("national-collection", fill.entryId());
        assertEquals(List.of("purposes", "legalRequirement.kind", "legalRequirement.reference",
                "legalRequirement.expiresOn", "commercialAccess"), fill.filled());
        assertEquals(List.of(Purpose.RESEARCH, Purpose.SERVICE_PLANNING), a.purposes());
        assertEquals(new LegalRequirement(RequirementKind.STATUTORY_DIRECTION, "National collection data provision notice",
                LocalDate.of(2027, 3, 31)), a.legalRequirement());
        assertEquals(Boolean.FALSE, a.commercialAccess());
        assertEquals(Identifiability.PSEUDONYMISED, a.identifiability(), "the register's value, equal: no conflict");
        assertTrue(fill.conflicts().isEmpty());
        assertEquals(List.of(DPN, "https://example.org/nc/directions"), fill.sources());
        assertEquals(List.of("https://example.org/nc/directions"), fill.sourcesByField().get("legalRequirement.expiresOn"));
        assertEquals(LocalDate.of(2026, 11, 15), fill.checked(), "the oldest check of what was filled");
        assertEquals(register.toBuilder().purposes(a.purposes()).legalRequirement(a.legalRequirement())
                .commercialAccess(false).build(), a, "nothing else changes");
        assertNull(register.purposes(), "the register's own agreement is untouched");
    }

    @Test
    void aContradictionKeepsTheRegisterValueAndIsReported() {
        Agreement register = named("NC").legalRequirement(LegalRequirement.none()).commercialAccess(true)
                .purposes(Purpose.RESEARCH).build();
        CatalogueFill fill = CATALOGUE.fill(register).orElseThrow();
        assertEquals(List.of("legalRequirement.kind", "purposes", "commercialAccess").stream().sorted().toList(),
                fill.conflicts().stream().map(CatalogueConflict::field).sorted().toList());
        assertEquals(LegalRequirement.none(), fill.agreement().legalRequirement(),
                "no reference or expiry of a duty the register says does not apply");
        assertEquals(Boolean.TRUE, fill.agreement().commercialAccess());
        assertEquals(List.of(Purpose.RESEARCH), fill.agreement().purposes());
        assertEquals(List.of("identifiability"), fill.filled());
        Warning w = fill.warnings().stream().filter(x -> x.field().equals("legalRequirement.kind")).findFirst().orElseThrow();
        assertEquals(CatalogueConflict.CODE, w.code());
        assertEquals("legalRequirement.kind is NONE in the register but STATUTORY_DIRECTION in the catalogue of known"
                + " programmes (entry national-collection, checked 2026-12-01, source " + DPN
                + "): the register's value is kept; check which is right", w.message());
    }

    @Test
    void aDutyOfTheSameKindTakesTheReferenceAndExpiryItLacks() {
        Agreement register = named("NC").legalRequirement(new LegalRequirement(RequirementKind.STATUTORY_DIRECTION,
                "NC DPN 2024", LocalDate.of(2026, 3, 31))).build();
        CatalogueFill fill = CATALOGUE.fill(register).orElseThrow();
        assertEquals("NC DPN 2024", fill.agreement().legalRequirement().reference(), "a reference in other words is kept");
        assertEquals(LocalDate.of(2026, 3, 31), fill.agreement().legalRequirement().expiresOn());
        assertEquals(List.of("legalRequirement.expiresOn"), fill.conflicts().stream().map(CatalogueConflict::field).toList());
        assertEquals("2026-03-31", fill.conflicts().get(0).registerValue());
        assertEquals("2027-03-31", fill.conflicts().get(0).catalogueValue());
        assertFalse(fill.filled().contains("legalRequirement.kind"));
        Agreement noReference = named("NC").legalRequirement(new LegalRequirement(RequirementKind.STATUTORY_DIRECTION,
                null, null)).build();
        assertEquals(List.of("purposes", "legalRequirement.reference", "legalRequirement.expiresOn", "identifiability",
                "commercialAccess"), CATALOGUE.fill(noReference).orElseThrow().filled());
    }

    @Test
    void partiesFillWholeWhenUnknownAndMemberByMemberByName() {
        CatalogueFill empty = CATALOGUE.fill(named("Westvale SCR").build()).orElseThrow();
        assertEquals(List.of("practiceRole", "parties", "purposes"), empty.filled());
        assertEquals(2, empty.agreement().parties().size());
        assertEquals(PracticeRole.JOINT_CONTROLLER, empty.agreement().practiceRole());

        Agreement register = named("westvale shared care record").parties(
                new Party("Acme Analytics", PartyKind.COMMERCIAL, PartyRole.PROCESSOR, "PRACTICE", null),
                new Party(" westvale hospital ", null, PartyRole.RECIPIENT, null, null)).build();
        CatalogueFill fill = CATALOGUE.fill(register).orElseThrow();
        List<Party> parties = fill.agreement().parties();
        assertEquals(2, parties.size(), "a catalogue party the register does not name is not added");
        assertEquals(register.parties().get(0), parties.get(0));
        assertEquals(new Party(" westvale hospital ", PartyKind.NHS_PROVIDER, PartyRole.RECIPIENT, null, true),
                parties.get(1));
        assertEquals(List.of("practiceRole", "parties[1].kind", "parties[1].directCareProvider", "purposes"), fill.filled());
        assertEquals(List.of("parties[1].role"), fill.conflicts().stream().map(CatalogueConflict::field).toList());
        assertEquals("RECIPIENT", fill.conflicts().get(0).registerValue());
    }

    @Test
    void anEmptyLawfulBasisListIsKnownButAnEmptyPurposesIsNot() {
        CatalogueEntry e = new CatalogueEntry("t", List.of("T"), LocalDate.of(2026, 12, 7), "n", List.of(
                new CatalogueFact("article6Bases", List.of(Article6Basis.E), List.of(DPN), LocalDate.of(2026, 12, 7)),
                new CatalogueFact("purposes", List.of(Purpose.DIRECT_CARE), List.of(DPN), LocalDate.of(2026, 12, 7))),
                "test");
        CatalogueFill fill = Catalogue.fill(named("T").article6Bases(List.of()).purposes(List.of()).build(), e);
        assertEquals(List.of("purposes"), fill.filled());
        assertEquals(List.of("article6Bases"), fill.conflicts().stream().map(CatalogueConflict::field).toList());
        assertEquals("an empty list", fill.conflicts().get(0).registerValue());
    }

    @Test
    void theTitleIsUsedOnlyWhenTheProgrammeDoesNotResolve() {
        assertEquals("national-collection", CATALOGUE.match(Agreement.builder("B").title("National collection").build())
                .orElseThrow().id());
        assertEquals("national-collection", CATALOGUE.match(Agreement.builder("B").programme("Our local name")
                .title("N.C.").build()).orElseThrow().id());
        assertEquals("westvale-shared-care-record", CATALOGUE.match(Agreement.builder("B").programme("Westvale SCR")
                .title("National collection").build()).orElseThrow().id());
        assertTrue(CATALOGUE.match(Agreement.builder("B").title("National collection extract for 2026").build()).isEmpty(),
                "a title that only contains a name does not resolve");
    }

    @Test
    void anUnknownProgrammeIsNotFilled() {
        Agreement register = named("Acme population health platform").title("Acme PHM").build();
        assertTrue(CATALOGUE.fill(register).isEmpty());
        assertTrue(Catalogue.empty().fill(named("NC").build()).isEmpty());
    }

    @Test
    void userAliasesLeadToTheEntry() {
        Catalogue c = CATALOGUE.withAliases(ProgrammeAliases.empty().with("NCX 2026", "National collection", "aliases.csv line 2"));
        assertEquals("national-collection", c.match(named("ncx-2026").build()).orElseThrow().id());
        assertEquals(c.aliases().resolve("NC"), c.aliases().resolve("NCX 2026"), "one key for grouping");
    }

    @Test
    void aFullyKnownAgreementIsReturnedAsItIs() {
        Agreement register = named("NC").purposes(Purpose.RESEARCH, Purpose.SERVICE_PLANNING)
                .legalRequirement(new LegalRequirement(RequirementKind.STATUTORY_DIRECTION, "x", LocalDate.of(2027, 3, 31)))
                .identifiability(Identifiability.PSEUDONYMISED).commercialAccess(false).build();
        CatalogueFill fill = CATALOGUE.fill(register).orElseThrow();
        assertSame(register, fill.agreement());
        assertFalse(fill.changed());
        assertEquals(Map.of(), fill.sourcesByField());
        assertEquals(LocalDate.of(2026, 12, 1), fill.checked(), "the entry's date when nothing was filled");
    }
}
