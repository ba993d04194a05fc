package org.dsarules.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.dsarules.model.PartyRole;
import org.dsarules.model.Purpose;
import org.junit.jupiter.api.Test;

/** Catalogue files: a good local file reads, and every kind of bad one is refused naming file, entry and field. */
class CatalogueFileTest {

    static Catalogue fixture(String name) {
        InputStream in = CatalogueFileTest.class.getResourceAsStream("/catalogue/" + name);
        return Catalogue.read(in, name);
    }

    private static CatalogueException refused(String json) {
        return assertThrows(CatalogueException.class,
                () -> Catalogue.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "lmc.json"));
    }

    private static String entry(String facts) {
        return "{\"id\":\"x-y\",\"names\":[\"X Y\"],\"checked\":\"2026-12-07\",\"note\":\"n\",\"facts\":[" + facts + "]}";
    }

    @Test
    void aLocalFileReadsWithTypedValuesAndPerFactDates() {
        Catalogue c = fixture("local.json");
        assertEquals(List.of("national-collection", "westvale-shared-care-record"),
                c.entries().stream().map(CatalogueEntry::id).toList());
        CatalogueEntry nc = c.entry("national-collection").orElseThrow();
        assertEquals(List.of(Purpose.RESEARCH, Purpose.SERVICE_PLANNING), nc.fact("purposes").orElseThrow().value());
        assertEquals(LocalDate.of(2027, 3, 31), nc.fact("legalRequirement.expiresOn").orElseThrow().value());
        assertEquals(LocalDate.of(2026, 11, 15), nc.fact("legalRequirement.expiresOn").orElseThrow().checked());
        assertEquals(LocalDate.of(2026, 12, 1), nc.fact("purposes").orElseThrow().checked(), "the entry's date by default");
        assertEquals("PSEUDONYMISED", nc.fact("identifiability").orElseThrow().valueText(), "enum values ignore case");
        assertEquals(PartyRole.JOINT_CONTROLLER, ((List<?>) c.entry("westvale-shared-care-record").orElseThrow()
                .fact("parties").orElseThrow().value()).stream().map(p -> ((org.dsarules.model.Party) p).role())
                .distinct().findFirst().orElseThrow());
        assertEquals("National collection", c.resolve("n.c.").orElseThrow().name());
    }

    @Test
    void aFactWithoutASourceIsRefused() {
        CatalogueException e = assertThrows(CatalogueException.class, () -> fixture("no-source.json"));
        assertEquals("no-source.json, entry bad-entry, facts[1], field legalRequirement.kind: a fact needs at least"
                + " one source address (the public page that states it)", e.getMessage());
    }

    @Test
    void anEntryWithoutACheckedDateIsRefused() {
        CatalogueException e = assertThrows(CatalogueException.class, () -> fixture("no-checked.json"));
        assertTrue(e.getMessage().startsWith("no-checked.json, entry undated-entry, field checked: the date the sources"
                + " were checked is required"), e.getMessage());
    }

    @Test
    void everyOtherMistakeNamesFileEntryAndField() {
        assertTrue(refused(entry("{\"field\":\"purposes\",\"value\":[\"RESEARCH\"],\"sources\":[\"example.org/x\"]}"))
                .getMessage().startsWith("lmc.json, entry x-y, facts[0], field purposes, sources[0]: a source is the http"));
        assertTrue(refused(entry("{\"field\":\"purpose\",\"value\":[\"RESEARCH\"],\"sources\":[\"https://e.org\"]}"))
                .getMessage().contains("field purpose: not a field a catalogue fact may fill (did you mean purposes?)"));
        String badEnum = refused(entry("{\"field\":\"legalRequirement.kind\",\"value\":\"DIRECTION\",\"sources\":[\"https://e.org\"]}"))
                .getMessage();
        assertTrue(badEnum.startsWith("lmc.json, entry x-y, facts[0], field legalRequirement.kind: ")
                && badEnum.contains("STATUTORY_DIRECTION"), badEnum);
        assertTrue(refused(entry("{\"field\":\"legalRequirement.reference\",\"value\":\"TBC\",\"sources\":[\"https://e.org\"]},"
                + "{\"field\":\"legalRequirement.kind\",\"value\":\"GP_CONTRACT\",\"sources\":[\"https://e.org\"]}"))
                .getMessage().contains("field legalRequirement.reference: \"TBC\" states nothing"));
        assertTrue(refused(entry("{\"field\":\"legalRequirement.reference\",\"value\":\"A DPN\",\"sources\":[\"https://e.org\"]}"))
                .getMessage().contains("needs a fact for legalRequirement.kind too"));
        assertTrue(refused(entry("{\"field\":\"purposes\",\"value\":[],\"sources\":[\"https://e.org\"]}"))
                .getMessage().contains("an empty list states nothing"));
        assertTrue(refused(entry("{\"field\":\"commercialAccess\",\"value\":\"yes\",\"sources\":[\"https://e.org\"]}"))
                .getMessage().startsWith("lmc.json, entry x-y, facts[0], field commercialAccess: "));
        assertTrue(refused(entry("{\"field\":\"purposes\",\"value\":[\"RESEARCH\"],\"sources\":[\"https://e.org\"]},"
                + "{\"field\":\"purposes\",\"value\":[\"DIRECT_CARE\"],\"sources\":[\"https://e.org\"]}"))
                .getMessage().contains("facts[1], field purposes: a second fact for the same field"));
        assertTrue(refused(entry("{\"field\":\"purposes\",\"value\":[\"RESEARCH\"],\"sources\":[\"https://e.org\"],\"checked\":\"2026-02-30\"}"))
                .getMessage().contains("field purposes (checked): \"2026-02-30\" is not a real date"));
        assertTrue(refused(entry("").replace("\"note\":\"n\",", "")).getMessage()
                .startsWith("lmc.json, entry x-y, field note: every entry needs a note"));
        assertTrue(refused(entry("").replace("\"checked\"", "\"checkd\"")).getMessage()
                .startsWith("lmc.json, entry x-y, field checkd: not a field of the catalogue format (did you mean checked?)"));
        assertTrue(refused(entry("").replace("x-y", "X Y")).getMessage()
                .startsWith("lmc.json, entry X Y, field id: an id is lower-case"));
        assertTrue(refused("[" + entry("") + ", 5]").getMessage()
                .startsWith("lmc.json, entry [1]: an entry must be a JSON object"));
        assertTrue(refused("[" + entry("") + "," + entry("").replace("X Y", "Other") + "]").getMessage()
                .contains("entry x-y, field id: the id is also the id of an entry in lmc.json"));
        assertTrue(refused("[" + entry("") + "," + entry("").replace("x-y", "x-z") + "]").getMessage()
                .contains("the name \"X Y\" is also a name of entry x-y"));
        assertTrue(refused("{\"id\": ").getMessage().startsWith("lmc.json: not valid JSON at line 1"));
        assertTrue(refused("{\"id\":\"a\",\"id\":\"b\"}").getMessage().startsWith("lmc.json: not valid JSON"));
        assertTrue(refused("\"gdppr\"").getMessage().startsWith("lmc.json: a catalogue file holds one entry object"));
    }

    @Test
    void aLocalEntryReplacesAShippedOneWithTheSameId() {
        Catalogue shipped = fixture("local.json");
        Catalogue local = Catalogue.read(new ByteArrayInputStream(entry("").replace("x-y", "national-collection")
                .getBytes(StandardCharsets.UTF_8)), "lmc.json");
        Catalogue both = shipped.withLocal(local);
        assertEquals(List.of("national-collection"), both.overridden());
        assertEquals("lmc.json", both.entry("national-collection").orElseThrow().origin());
        assertTrue(both.resolve("NC").isEmpty(), "the replaced entry's names go with it");
        assertEquals("national-collection", both.resolve("X Y").orElseThrow().id());
        Catalogue clash = Catalogue.read(new ByteArrayInputStream(entry("").replace("X Y", "Westvale SCR")
                .getBytes(StandardCharsets.UTF_8)), "lmc.json");
        CatalogueException e = assertThrows(CatalogueException.class, () -> shipped.withLocal(clash));
        assertTrue(e.getMessage().contains("is also a name of entry westvale-shared-care-record"), e.getMessage());
    }

    @Test
    void theShippedCatalogueMissingFromTheClassPathIsAClearError() {
        ClassLoader nothing = new ClassLoader(null) {
        };
        CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogue.shipped(nothing));
        assertTrue(e.getMessage().contains("is dsa-rules-kb there?"), e.getMessage());
    }
}
