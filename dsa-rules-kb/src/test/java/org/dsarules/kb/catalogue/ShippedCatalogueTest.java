package org.dsarules.kb.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dsarules.catalogue.Catalogue;
import org.dsarules.catalogue.CatalogueEntry;
import org.dsarules.catalogue.CatalogueException;
import org.dsarules.catalogue.CatalogueFact;
import org.dsarules.catalogue.ProgrammeKey;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The catalogue shipped in this jar: every entry loads from the class path, and every fact carries a
 * public source address and the date it was checked (the project's standard for facts about the world).
 */
class ShippedCatalogueTest {
    /** The day the shipped catalogue was checked; no check can be dated after it. */
    static final LocalDate CHECKED = LocalDate.of(2026, 12, 7);
    static final Catalogue SHIPPED = Catalogue.shipped(ShippedCatalogueTest.class.getClassLoader());
    private static final Path FOLDER = Path.of("src/main/resources/org/dsarules/kb/catalogue");

    @Test
    void everyEntryFileIsListedAndLoads() throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(FOLDER)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.equals("index.json"))
                    .sorted().toList();
        }
        assertEquals(files, SHIPPED.entries().stream().map(e -> e.origin().substring(e.origin().lastIndexOf('/') + 1))
                .sorted().toList(), "an entry file the index does not list would never be loaded");
        assertEquals(14, SHIPPED.entries().size());
        for (CatalogueEntry e : SHIPPED.entries()) {
            assertEquals(e.id() + ".json", e.origin().substring(e.origin().lastIndexOf('/') + 1),
                    "an entry's file is named after its id");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFactHasAPublicSourceAndACheckedDate() {
        return SHIPPED.entries().stream().map(e -> DynamicTest.dynamicTest(e.id(), () -> {
            assertFalse(e.note().isBlank());
            assertFalse(e.checked().isAfter(CHECKED), e.id() + " checked after " + CHECKED);
            for (CatalogueFact f : e.facts()) {
                String what = e.id() + " " + f.field();
                assertFalse(f.sources().isEmpty(), what + " has no source");
                assertFalse(f.checked().isAfter(CHECKED), what + " checked after " + CHECKED);
                for (String s : f.sources()) {
                    URI u = URI.create(s);
                    assertTrue(u.getScheme().startsWith("http") && u.getHost() != null, what + ": " + s);
                }
            }
        }));
    }

    @Test
    void anEntryWithAnUnsourcedFactStopsTheCatalogueNamingFileEntryAndField() throws MalformedURLException {
        URL bad = Path.of("src/test/resources/catalogue-bad/").toUri().toURL();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {bad}, null)) {
            CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogue.shipped(loader));
            assertEquals("org/dsarules/kb/catalogue/unsourced.json, entry unsourced, facts[1], field"
                    + " legalRequirement.kind: a fact needs at least one source address (the public page that states it)",
                    e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theNamesTheSourcesUseResolveToTheirEntry() {
        assertResolves("gdppr", "GDPPR", "gdppr.", "G.D.P.P.R", "GPES Data for Pandemic Planning and Research (COVID-19)",
                "gpes data for pandemic planning and research");
        assertResolves("gpes-qof", "QOF", "Quality and Outcomes Framework");
        assertResolves("cvdprevent", "CVDPREVENT", "CVD Prevent", "Cardiovascular Disease Prevention Audit");
        assertResolves("national-diabetes-audit", "National Diabetes Audit", "NDA");
        assertResolves("nhs-digitrials", "NHS DigiTrials", "DigiTrials", "NHS DigiTrials Recruitment Service");
        assertResolves("opensafely-das", "OpenSAFELY", "NHS OpenSAFELY Data Analytics Service",
                "NHSE OpenSAFELY Secure Data Analytics Service", "opensafely-das");
        assertResolves("gp-connect", "GP Connect", "gpconnect", "GP Connect NDSA");
        assertResolves("summary-care-record", "Summary Care Record", "SCR", "SCR AI", "SCRai",
                "Summary Care Record with Additional Information");
        assertResolves("covid-copi-notices", "COPI notice", "COVID-19 COPI notices");
        assertResolves("cprd", "CPRD", "Clinical Practice Research Datalink", "GPRD");
        assertResolves("qresearch", "QResearch", "QRESEARCH");
        assertResolves("orchid", "ORCHID", "Oxford-RCGP RSC", "RCGP RSC", "RCGP Research and Surveillance Centre");
        assertResolves("imrd", "IMRD", "IQVIA Medical Research Data");
        // A different programme with a similar name, and a data asset IQVIA licenses, are not aliases.
        assertTrue(SHIPPED.resolve("General Practice Data for Planning and Research").isEmpty());
        assertTrue(SHIPPED.resolve("GPDPR").isEmpty());
        assertTrue(SHIPPED.resolve("THIN").isEmpty());
    }

    @Test
    void everyNameOfTheCatalogueIsAnAliasForGroupingAcrossPractices() {
        List<String> wrong = new ArrayList<>();
        for (CatalogueEntry e : SHIPPED.entries()) {
            for (String n : e.names()) {
                if (!e.key().equals(SHIPPED.aliases().resolve(n))) {
                    wrong.add(e.id() + ": " + n);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(ProgrammeKey.of("gdppr"), SHIPPED.aliases().resolve("GPES Data for Pandemic Planning and Research"));
    }

    private static void assertResolves(String id, String... names) {
        for (String n : names) {
            assertEquals(id, SHIPPED.resolve(n).map(CatalogueEntry::id).orElse("nothing"), n);
        }
    }
}
