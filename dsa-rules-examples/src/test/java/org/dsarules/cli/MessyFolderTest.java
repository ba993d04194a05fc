package org.dsarules.cli;

import static org.dsarules.cli.RoundTest.JSON;
import static org.dsarules.cli.RoundTest.dsa;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dsarules.model.Agreement;
import org.dsarules.register.ReadResult;
import org.dsarules.register.csv.CsvRegisterReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's own messy folder (samples/messy-folder, record-format.md v1.2) through the command line with
 * the real rules: placeholders in every kind of cell, bad records among good ones, a Windows-1252 file,
 * programme names in several forms with an alias file, the practice's own columns, and a system answer
 * that conflicts with a practice's value.
 */
class MessyFolderTest {
    static final Path FOLDER = Path.of("samples/messy-folder");
    static final String A = FOLDER.resolve("practice-a.csv").toString();
    static final String B = FOLDER.resolve("practice-b.csv").toString();
    static final String C = FOLDER.resolve("practice-c.csv").toString();
    static final String ALIASES = "samples/messy-aliases.csv";

    @Test
    void placeholdersAreNotKnownWithWarningsAndBadRecordsStopOnlyThemselves() throws Exception {
        // The register's own facts first (without the catalogue of known programmes, which would fill A-1's reference).
        RoundTest.Run run = dsa("audit", A, "--as-of", "2026-12-07", "--format", "json", "--no-catalogue");
        assertEquals(1, run.status(), run.err());
        JsonNode doc = JSON.readTree(run.out());
        Map<String, JsonNode> decisions = new TreeMap<>();
        doc.get("decisions").forEach(d -> decisions.put(d.get("dsaId").asText(), d));
        assertEquals(List.of("A-1", "A-2"), new ArrayList<>(decisions.keySet()));
        // "TBC" as a reference is no evidence of a duty: the direction's reference is asked for, never taken
        JsonNode a1 = decisions.get("A-1");
        // the reading's warnings (icbAssessment.status "N/A") come first, then the model's (reference "TBC")
        assertEquals(List.of("icbAssessment.status", "legalRequirement.reference"), fields(a1, "PLACEHOLDER_AS_UNKNOWN"));
        assertTrue(a1.get("missing").toString().contains("legalRequirement.reference"), a1.toString());
        assertEquals("ASK_ICB_FOR_INFORMATION", a1.get("outcome").asText(), a1.toString());
        // With the catalogue of known programmes (on by default), the placeholder is a fact left not known, so
        // the GDPPR entry fills the direction's reference from its published source, and the duty decides.
        RoundTest.Run withCatalogue = dsa("audit", A, "--as-of", "2026-12-07", "--format", "json");
        JsonNode filled = null;
        for (JsonNode d : JSON.readTree(withCatalogue.out()).get("decisions")) {
            if (d.get("dsaId").asText().equals("A-1")) {
                filled = d;
            }
        }
        assertEquals("KEEP", filled.get("outcome").asText(), String.valueOf(filled));
        assertEquals("[\"legalRequirement.reference\"]", filled.get("catalogue").get("filled").toString());
        assertEquals(List.of("icbAssessment.status", "legalRequirement.reference"), fields(filled, "PLACEHOLDER_AS_UNKNOWN"));
        JsonNode a2 = decisions.get("A-2");
        assertEquals(List.of("status", "practiceRole", "parties[0].role", "parties[0].instructedBy",
                "parties[0].directCareProvider", "purposes", "identifiability", "nationalDataOptOutApplied", "dpiaProvided",
                "signedOn", "icbAssessment.status"), sortedLike(fields(a2, "PLACEHOLDER_AS_UNKNOWN")));
        assertEquals("ASK_ICB_FOR_INFORMATION", a2.get("outcome").asText(), a2.toString());
        Map<String, JsonNode> errors = new TreeMap<>();
        doc.get("errors").forEach(e -> errors.put(e.get("dsaId").asText(), e));
        assertEquals("BAD_DATE", errors.get("A-3").get("code").asText());
        assertTrue(errors.get("A-3").get("message").asText().contains("did you mean 2022-09-14?"), errors.toString());
        assertEquals("BAD_ENUM", errors.get("A-4").get("code").asText());
        assertTrue(errors.get("A-4").get("message").asText().contains("leave it empty if not known"), errors.toString());
    }

    private static List<String> fields(JsonNode decision, String code) {
        List<String> out = new ArrayList<>();
        decision.path("warnings").forEach(w -> {
            if (w.get("code").asText().equals(code)) {
                out.add(w.get("field").asText());
            }
        });
        return out;
    }

    /** The reading's warnings come before the model's (instructedBy): compare as a set in the header's order. */
    private static List<String> sortedLike(List<String> fields) {
        List<String> order = List.of("status", "practiceRole", "parties[0].role", "parties[0].instructedBy",
                "parties[0].directCareProvider", "purposes", "identifiability", "nationalDataOptOutApplied", "dpiaProvided",
                "signedOn", "icbAssessment.status");
        List<String> sorted = new ArrayList<>(fields);
        sorted.sort((x, y) -> Integer.compare(order.indexOf(x), order.indexOf(y)));
        return sorted;
    }

    @Test
    void theSystemGroupsProgrammesInEveryFormAndReadsTheWindows1252File() throws Exception {
        RoundTest.Run run = dsa("audit", A, B, C, "--as-of", "2026-12-07", "--format", "json", "--aliases", ALIASES);
        assertEquals(1, run.status(), run.err()); // A's two records in error
        assertTrue(run.err().contains(B + ": not UTF-8, read as Windows-1252"), run.err());
        assertEquals(1, run.err().lines().filter(l -> l.contains("Windows-1252")).count(), run.err());
        JsonNode doc = JSON.readTree(run.out());
        Map<String, List<String>> byKey = new TreeMap<>();
        for (JsonNode p : doc.get("programmes")) {
            List<String> ids = new ArrayList<>();
            p.get("holdings").forEach(h -> ids.add(h.get("dsaId").asText()));
            byKey.put(p.get("label").asText(), ids);
        }
        assertEquals(List.of("A-1", "B-1", "C-1"), byKey.get("GDPPR"), byKey.toString());
        assertEquals(List.of("A-2", "B-2", "C-2"), byKey.get("CPRD Aurum"), byKey.toString());
        assertEquals(List.of("B-3", "C-3"), byKey.get("opensafely"), byKey.toString());
        assertEquals(3, byKey.size(), byKey.toString());

        // without the alias file, the practices' own names (GDPPR extraction, CPRD Aurum) are programmes of their own
        RoundTest.Run plain = dsa("audit", A, B, C, "--as-of", "2026-12-07", "--format", "json");
        assertEquals(5, JSON.readTree(plain.out()).get("programmes").size(), plain.out());
    }

    @Test
    void aSystemAnswerKeepsAPracticesValueAndTheOwnColumnsGoOn(@TempDir Path dir) throws Exception {
        Path q = dir.resolve("answers.csv");
        Files.writeString(q, "practice,agreementId,programme,title,field,question,allowed,answer,comment,ICB reviewer\n"
                + ",,GDPPR,,dpiaProvided,Was a DPIA provided?,true or false,true,Published with the direction,Jo\n"
                + ",,CPRD,,icbAssessment.conclusion,Conclusion?,one of,NOT_NECESSARY,,\n"
                + "C83003,C-3,,,identifiability,q,one of,maybe,,\n"
                + "C83003,C-3,,,nationalDataOptOutApplied,q,true or false,yes,,\n"
                + ",,Orchid,,dpiaProvided,q,true or false,true,,\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("new");
        Files.createDirectory(out);
        RoundTest.Run run = dsa("answer", B, C, q.toString(), "--out", out.toString(), "--on", "2026-12-07",
                "--aliases", ALIASES);
        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.err().contains("ICB reviewer"), run.err());
        assertTrue(run.out().contains("row 2: B82002 B-1 dpiaProvided: the practice holds \"false\", the answer is \"true\""),
                run.out());
        assertTrue(run.out().contains("row 4  C-3  identifiability"), run.out());
        assertTrue(run.out().contains("row 6  dpiaProvided: no agreement of programme Orchid"), run.out());

        ReadResult b = CsvRegisterReader.defaults().readAll(out.resolve("practice-b.csv"));
        ReadResult c = CsvRegisterReader.defaults().readAll(out.resolve("practice-c.csv"));
        Agreement b1 = b.agreements().get(0);
        assertEquals(Boolean.FALSE, b1.dpiaProvided());
        assertEquals("NOT_NECESSARY", b.agreements().get(1).icbAssessment().conclusion().name());
        Agreement c1 = c.agreements().get(0);
        assertEquals(Boolean.TRUE, c1.dpiaProvided());
        assertEquals("Published with the direction", c1.history().get(0).comment());
        Agreement c3 = c.agreements().get(2);
        assertEquals(Boolean.TRUE, c3.nationalDataOptOutApplied()); // row 5 applied although row 4 was refused
        assertEquals("Renée to chase – urgent", b.ownColumns().get("B-1").get("# PM comments"));
        assertEquals("keep until ICB replies", c.ownColumns().get("C-2").get("# PM comments"));
        assertEquals("Désirée Lane Surgery", b.practice().name());
        assertFalse(Files.readString(out.resolve("practice-b.csv"), StandardCharsets.UTF_8).isEmpty());
    }
}
