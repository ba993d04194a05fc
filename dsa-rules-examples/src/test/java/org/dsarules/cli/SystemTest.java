package org.dsarules.cli;

import static org.dsarules.cli.RoundTest.JSON;
import static org.dsarules.cli.RoundTest.answer;
import static org.dsarules.cli.RoundTest.dsa;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dsarules.cli.RoundTest.Run;
import org.dsarules.round.Questionnaire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An LMC's system of three practices sharing some programmes, end to end through the command line with
 * the real rules: the system report, one questionnaire for the ICB, its answers applied once to every
 * register, the LMC's advice applied the same way, and the re-audit.
 */
class SystemTest {

    static JsonNode sample(String id) throws Exception {
        for (JsonNode a : JSON.readTree(Path.of(RoundTest.SAMPLE).toFile()).get("agreements")) {
            if (a.get("id").asText().equals(id)) {
                return a.deepCopy();
            }
        }
        throw new AssertionError(id);
    }

    static ObjectNode as(String sampleId, String id, String programme) throws Exception {
        ObjectNode a = (ObjectNode) sample(sampleId);
        a.put("id", id);
        if (programme != null) {
            a.put("programme", programme);
        }
        return a;
    }

    static Path register(Path dir, String file, String ods, String name, ObjectNode... agreements) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("practice").put("odsCode", ods).put("name", name).put("icb", "NHS Westvale ICB (fictional)");
        ArrayNode list = root.putArray("agreements");
        for (ObjectNode a : agreements) {
            list.add(a);
        }
        Path p = dir.resolve(file);
        Files.writeString(p, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return p;
    }

    /** Three practices; the same ids in each (ids are per practice); programmes shared by key. */
    static Path system(Path dir) throws Exception {
        Path regs = Files.createDirectories(dir.resolve("registers"));
        ObjectNode helixA = as("MB-05", "DSA-3", null);
        helixA.put("requestedBy", "Helix Health Analytics Ltd");
        ObjectNode helixC = as("MB-05", "DSA-2", null);
        // The same programme by title and requester (ignoring case and white space), with other facts.
        helixC.put("title", "helix health analytics  research platform");
        helixC.put("requestedBy", "HELIX Health Analytics Ltd");
        helixC.put("commercialAccess", false);
        helixC.putArray("purposes").add("RESEARCH");
        ((ObjectNode) helixC.get("parties").get(0)).put("kind", "UNIVERSITY");
        register(regs, "alder.json", "A00001", "Alder Surgery",
                as("MB-03", "DSA-1", "GDPPR"), as("MB-08", "DSA-2", "Public health feed"), helixA);
        register(regs, "birch.json", "B00002", "Birch Practice",
                as("MB-08", "DSA-1", " public health FEED "), as("MB-03", "DSA-2", "gdppr"), as("MB-11", "DSA-3", null));
        register(regs, "cedar.json", "C00003", "Cedar Medical",
                as("MB-08", "DSA-1", "Public Health Feed"), helixC);
        return regs;
    }

    static JsonNode programme(JsonNode report, String key) {
        for (JsonNode p : report.get("programmes")) {
            if (key.equals(p.get("key").asText(null))) {
                return p;
            }
        }
        throw new AssertionError("no programme " + key + " in " + report);
    }

    static Map<String, String> outcomes(JsonNode programme) {
        Map<String, String> m = new HashMap<>();
        programme.get("holdings").forEach(h -> m.put(h.get("practice").asText() + " " + h.get("dsaId").asText(),
                h.get("outcome").asText()));
        return m;
    }

    @Test
    void aSystemOfPracticesEndToEnd(@TempDir Path dir) throws Exception {
        Path regs = system(dir);

        // The system report, from the folder.
        Run report = dsa("audit", regs.toString(), "--as-of", "2026-06-15", "--format", "json");
        assertEquals(0, report.status(), report.err());
        JsonNode r = JSON.readTree(report.out());
        assertEquals(3, r.get("practices").size());
        assertEquals(List.of("A00001", "B00002", "C00003"),
                java.util.stream.StreamSupport.stream(r.get("practices").spliterator(), false)
                        .map(p -> p.get("odsCode").asText()).toList());
        JsonNode feed = programme(r, "publichealthfeed");
        assertEquals(3, feed.get("practices").asInt());
        assertEquals(Map.of("A00001 DSA-2", "ASK_ICB_FOR_INFORMATION", "B00002 DSA-1", "ASK_ICB_FOR_INFORMATION",
                "C00003 DSA-1", "ASK_ICB_FOR_INFORMATION"), outcomes(feed));
        assertFalse(feed.get("outcomesDiffer").asBoolean());
        assertEquals(2, programme(r, "gdppr").get("practices").asInt());
        JsonNode helix = programme(r, "helixhealthanalyticsresearchplatform/helixhealthanalyticsltd");
        assertTrue(helix.get("outcomesDiffer").asBoolean(), helix.toString());
        assertEquals("WITHDRAW", outcomes(helix).get("A00001 DSA-3"));
        assertEquals("ASK_ICB_FOR_INFORMATION", outcomes(helix).get("C00003 DSA-2"));
        List<String> differing = java.util.stream.StreamSupport.stream(helix.get("differences").spliterator(), false)
                .map(d -> d.get("field").asText()).toList();
        assertEquals(List.of("parties[0].kind", "purposes", "commercialAccess"), differing);
        // Birch's DSA-3 is held by one practice only.
        assertEquals(4, r.get("summary").get("programmes").asInt());
        assertEquals(3, r.get("summary").get("sharedProgrammes").asInt());

        Run text = dsa("audit", regs.resolve("alder.json").toString(), regs.resolve("birch.json").toString(),
                regs.resolve("cedar.json").toString(), "--as-of", "2026-06-15");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("PROGRAMMES HELD BY ONE PRACTICE ONLY (1)"), text.out());
        assertTrue(text.out().contains("      commercialAccess: A00001 true, C00003 false"), text.out());

        // One questionnaire for the system: the feed's facts asked once, for the programme.
        Run questions = dsa("questions", regs.toString(), "--as-of", "2026-06-15");
        assertEquals(0, questions.status(), questions.err());
        List<Questionnaire.Row> rows = Questionnaire.read(new StringReader(questions.out()), "q");
        List<Questionnaire.Row> feedRows = rows.stream().filter(q -> "Public health feed".equals(q.programme())).toList();
        assertEquals(List.of("dpiaProvided", "icbAssessment.conclusion"), feedRows.stream().map(Questionnaire.Row::field).toList());
        assertTrue(feedRows.stream().allMatch(q -> q.practice() == null && q.agreementId() == null), feedRows.toString());
        assertEquals(1, rows.stream().filter(q -> q.programme() != null && q.programme().startsWith("Helix")
                && q.field().equals("icbAssessment.conclusion")).count(), questions.out());

        // Answered once, applied to every register, each written into the folder under its own name.
        Map<String, String> answers = new HashMap<>();
        answers.put("null|dpiaProvided", "yes");
        answers.put("null|icbAssessment.conclusion", null);
        String answered = answer(questions.out(), answers);
        // Only the feed's conclusion is answered (NOT_NECESSARY); other programmes' conclusions stay blank.
        StringBuilder filled = new StringBuilder();
        for (String line : answered.split("\n", -1)) {
            filled.append(line.startsWith(",,\"Public health feed\"") && line.contains("icbAssessment.conclusion")
                    // the answer column, before v1.2's comment column (the line's last)
                    ? line.substring(0, line.length() - 1) + "NOT_NECESSARY," : line).append(line.isEmpty() ? "" : "\n");
        }
        Path answersFile = dir.resolve("system-answers.csv");
        Files.writeString(answersFile, filled.toString());
        Path round2 = Files.createDirectories(dir.resolve("round2"));
        Run apply = dsa("answer", regs.toString(), answersFile.toString(), "--out", round2.toString(), "--on", "2027-01-06");
        assertEquals(0, apply.status(), apply.out() + apply.err());
        for (String f : List.of("alder.json", "birch.json", "cedar.json")) {
            assertTrue(Files.exists(round2.resolve(f)), f);
        }
        JsonNode cedar = JSON.readTree(round2.resolve("cedar.json").toFile());
        JsonNode cedarFeed = RoundTest.agreement(cedar, "DSA-1");
        assertTrue(cedarFeed.get("dpiaProvided").asBoolean());
        assertEquals("NOT_NECESSARY", cedarFeed.get("icbAssessment").get("conclusion").asText());
        assertEquals("2027-01-06", cedarFeed.get("icbAssessment").get("receivedOn").asText());
        assertTrue(cedarFeed.get("history").get(0).get("source").asText().startsWith("ICB questionnaire system-answers.csv row "));

        // The LMC's advice, once for every register, through the same answer path.
        Path advice = dir.resolve("lmc-advice.csv");
        Files.writeString(advice, "programme,advice\n"
                + "Helix Health Analytics research platform / Helix Health Analytics Ltd,WITHDRAW\n"
                + "GDPPR,keep\n");
        Path round3 = Files.createDirectories(dir.resolve("round3"));
        Run lmc = dsa("answer", round2.toString(), advice.toString(), "--out", round3.toString(), "--on", "2027-01-07");
        assertEquals(0, lmc.status(), lmc.out() + lmc.err());
        assertTrue(lmc.out().contains("Applied LMC advice lmc-advice.csv on 2027-01-07 to 3 register(s): 4 answer(s) applied"),
                lmc.out());
        JsonNode alderHelix = RoundTest.agreement(JSON.readTree(round3.resolve("alder.json").toFile()), "DSA-3");
        assertEquals("WITHDRAW", alderHelix.get("lmcAdvice").asText());
        JsonNode last = alderHelix.get("history").get(alderHelix.get("history").size() - 1);
        assertEquals("lmcAdvice", last.get("field").asText());
        assertEquals("NONE", last.get("oldValue").asText());
        assertEquals("LMC advice lmc-advice.csv row 2", last.get("source").asText());

        // The re-audit: the answers and the advice decide every practice's agreement of each programme.
        Run again = dsa("audit", round3.toString(), "--as-of", "2027-01-10", "--format", "json");
        assertEquals(0, again.status(), again.err());
        JsonNode r2 = JSON.readTree(again.out());
        assertEquals(Map.of("A00001 DSA-2", "WITHDRAW", "B00002 DSA-1", "WITHDRAW", "C00003 DSA-1", "WITHDRAW"),
                outcomes(programme(r2, "publichealthfeed")));
        JsonNode helix2 = programme(r2, "helixhealthanalyticsresearchplatform/helixhealthanalyticsltd");
        assertEquals(Map.of("A00001 DSA-3", "WITHDRAW", "C00003 DSA-2", "WITHDRAW"), outcomes(helix2));
        assertFalse(helix2.get("outcomesDiffer").asBoolean());

        // Each practice's follow-up letter into a folder, and the LMC's system letter.
        Path letters = Files.createDirectories(dir.resolve("letters"));
        Run each = dsa("letter", round3.toString(), "--as-of", "2027-01-10", "--out", letters.toString());
        assertEquals(0, each.status(), each.err());
        assertTrue(Files.readString(letters.resolve("birch-letter.md")).contains("following up our letter of 12 May 2026"));
        Run systemLetter = dsa("letter", "--system", regs.toString(), "--as-of", "2026-06-15");
        assertEquals(0, systemLetter.status(), systemLetter.err());
        String sl = systemLetter.out();
        assertTrue(sl.contains("We write for the 3 practices below"), sl);
        assertTrue(sl.contains("### Public health feed (held by 3 of our practices)"), sl);
        assertTrue(sl.contains("## 3. Where our practices' agreements for one programme differ"), sl);
        assertTrue(sl.contains("(commercialAccess): A00001: true; C00003: false"), sl);
    }

    @Test
    void severalRegistersNeedTheirPractices(@TempDir Path dir) throws Exception {
        Path a = register(dir, "a.json", "A00001", "Alder", as("MB-01", "X", null));
        Path b = dir.resolve("bare.json");
        Files.writeString(b, "[" + sample("MB-01") + "]");
        Run r = dsa("audit", a.toString(), b.toString(), "--as-of", "2026-06-15");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("bare.json: the register names no practice (practice.odsCode)"), r.err());
        Path c = register(dir, "c.json", "a00001", "Alder again", as("MB-01", "X", null));
        Run twice = dsa("questions", a.toString(), c.toString(), "--as-of", "2026-06-15");
        assertEquals(2, twice.status());
        assertTrue(twice.err().contains("practice a00001 is the practice of another register given"), twice.err());
    }
}
