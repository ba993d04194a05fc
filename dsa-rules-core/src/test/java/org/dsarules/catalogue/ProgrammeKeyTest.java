package org.dsarules.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ProgrammeKeyTest {

    @Test
    void caseWhiteSpaceAndPunctuationDoNotCount() {
        // record-format.md v1.2's own examples
        assertEquals(ProgrammeKey.of("GDPPR"), ProgrammeKey.of("gdppr."));
        assertEquals(ProgrammeKey.of("GDPPR"), ProgrammeKey.of("G.D.P.P.R"));
        assertEquals("gdppr", ProgrammeKey.of("  G D P P R ").value());
        assertEquals(ProgrammeKey.of("Oxford-RCGP RSC"), ProgrammeKey.of("oxford rcgp rsc"));
        assertEquals(ProgrammeKey.of("ＧＤＰＰＲ"), ProgrammeKey.of("GDPPR"), "full-width letters are letters");
        assertTrue(ProgrammeKey.same("CVDPREVENT", "CVD Prevent"));
        assertFalse(ProgrammeKey.same("CPRD", "QResearch"));
        assertFalse(ProgrammeKey.same(null, null), "no key is never the same programme");
    }

    @Test
    void aNameWithoutLetterOrDigitHasNoKey() {
        assertNull(ProgrammeKey.of(null));
        assertNull(ProgrammeKey.of("   "));
        assertNull(ProgrammeKey.of("-?."));
        assertThrows(IllegalArgumentException.class, () -> new ProgrammeKey("Not Normalised"));
        assertThrows(IllegalArgumentException.class, () -> new ProgrammeKey(""));
    }

    @Test
    void aliasesResolveTransitivelyAndAreReadFromCsv() {
        ProgrammeAliases shipped = ProgrammeAliases.empty()
                .with("GPES Data for Pandemic Planning and Research", "gdppr", "shipped");
        ProgrammeAliases user = ProgrammeAliases.readCsv(new StringReader(
                "\uFEFFalias,programme\r\n# our own names\r\n\"Pandemic data, GP\",GPES Data for Pandemic Planning and Research\r\n"
                        + "\n"
                        + "Westvale SCR,Westvale shared care record\r\n"), "aliases.csv");
        ProgrammeAliases all = shipped.plus(user);
        assertEquals(ProgrammeKey.of("gdppr"), all.resolve("pandemic data gp"));
        assertEquals(ProgrammeKey.of("gdppr"), all.resolve("G.D.P.P.R"));
        assertEquals(ProgrammeKey.of("Westvale shared care record"), all.resolve("westvale scr"));
        assertEquals(ProgrammeKey.of("Something else"), all.resolve("something-else"), "no alias: its own key");
        assertTrue(all.same("Pandemic data, GP", "GDPPR"));
        assertEquals("aliases.csv line 5", all.originOf("Westvale SCR").orElseThrow());
        assertEquals(3, all.size());
    }

    @Test
    void aColumnOrderOtherThanTheUsualIsRead() {
        ProgrammeAliases a = ProgrammeAliases.readCsv(new StringReader("Programme,notes,Alias\nGDPPR,x,Pandemic data\n"), "a.csv");
        assertEquals(ProgrammeKey.of("gdppr"), a.resolve("Pandemic data"));
    }

    @Test
    void badAliasFilesNameTheLine() {
        CatalogueException noHeader = assertThrows(CatalogueException.class,
                () -> ProgrammeAliases.readCsv(new StringReader("name,target\nA,B\n"), "a.csv"));
        assertTrue(noHeader.getMessage().startsWith("a.csv line 1: the header must name the columns alias and programme"),
                noHeader.getMessage());
        CatalogueException empty = assertThrows(CatalogueException.class,
                () -> ProgrammeAliases.readCsv(new StringReader("alias,programme\nA,\n"), "a.csv"));
        assertTrue(empty.getMessage().startsWith("a.csv line 2: both alias and programme"), empty.getMessage());
        CatalogueException twice = assertThrows(CatalogueException.class,
                () -> ProgrammeAliases.readCsv(new StringReader("alias,programme\nPD,GDPPR\npd.,CPRD\n"), "a.csv"));
        assertTrue(twice.getMessage().startsWith("a.csv line 3: the alias \"pd.\" maps to \"CPRD\", but a.csv line 2"),
                twice.getMessage());
        CatalogueException cycle = assertThrows(CatalogueException.class,
                () -> ProgrammeAliases.readCsv(new StringReader("alias,programme\nA,B\nB,A\n"), "a.csv"));
        assertTrue(cycle.getMessage().contains("cycle") && cycle.getMessage().contains("a.csv line 2"), cycle.getMessage());
        CatalogueException unclosed = assertThrows(CatalogueException.class,
                () -> ProgrammeAliases.readCsv(new StringReader("alias,programme\n\"A,B\n"), "a.csv"));
        assertTrue(unclosed.getMessage().contains("not closed"), unclosed.getMessage());
        assertThrows(CatalogueException.class, () -> ProgrammeAliases.readCsv(new StringReader(""), "a.csv"));
    }

    @Test
    void aLaterTableWinsOverAnEarlierOne() {
        ProgrammeAliases shipped = ProgrammeAliases.empty().with("OpenSAFELY", "opensafely-das", "shipped");
        ProgrammeAliases user = ProgrammeAliases.empty().with("OpenSAFELY", "OpenSAFELY COVID-19 Service", "user");
        assertEquals(ProgrammeKey.of("OpenSAFELY COVID-19 Service"), shipped.plus(user).resolve("opensafely"));
        assertEquals(ProgrammeKey.of("opensafely-das"), user.plus(shipped).resolve("opensafely"));
    }
}
