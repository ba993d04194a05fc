package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dsa-audit audit} end to end, on the bundled sample register, through the real rules. */
class AuditCommandTest {
    static final Path SAMPLE = Path.of("samples/millbrook-register.json");
    static final ObjectMapper MAPPER = new ObjectMapper();

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = DsaAudit.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void sampleRegisterCoversAllFourOutcomesAndEveryRecordIsDecided() throws Exception {
        Run r = run("audit", SAMPLE.toString(), "--format", "json", "--as-of", "2026-06-15");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = MAPPER.readTree(r.out());
        JsonNode summary = doc.get("summary");
        int input = MAPPER.readTree(SAMPLE.toFile()).get("agreements").size();
        assertEquals(input, doc.get("decisions").size());
        assertEquals(0, summary.get("ERROR").asInt());
        for (String o : List.of("KEEP", "WITHDRAW", "REFER_TO_BMA", "ASK_ICB_FOR_INFORMATION")) {
            assertTrue(summary.get(o).asInt() > 0, o + " missing from the sample: " + summary);
        }
        assertEquals("2026-06-15", doc.get("knowledgeBase").get("asOf").asText());
        assertTrue(doc.get("knowledgeBase").get("fingerprint").asText().matches("sha256:[0-9a-f]{64}"));
        assertEquals("Z99042", doc.get("practice").get("odsCode").asText());
    }

    @Test
    void sampleDecisionsAreTheOnesThePolicyGives() throws Exception {
        JsonNode doc = MAPPER.readTree(run("audit", SAMPLE.toString(), "--format", "json", "--as-of", "2026-06-15").out());
        Map<String, String> got = new TreeMap<>();
        doc.get("decisions").forEach(d -> got.put(d.get("dsaId").asText(),
                d.get("outcome").asText() + " " + d.get("decisiveRule").asText()));
        assertEquals("KEEP keep-direct-care", got.get("MB-01"));
        assertEquals("KEEP keep-direct-care", got.get("MB-02"));
        assertEquals("KEEP keep-legal-duty", got.get("MB-03"));
        assertEquals("WITHDRAW withdraw-campaign-red-flag", got.get("MB-05"));
        assertEquals("WITHDRAW withdraw-law-red-flag", got.get("MB-06"));
        assertEquals("KEEP keep-icb-assessed-lawful", got.get("MB-07"));
        assertEquals("ASK_ICB_FOR_INFORMATION ask-icb-unknowns", got.get("MB-08"));
        assertEquals("ASK_ICB_FOR_INFORMATION ask-evidence-of-claimed-duty", got.get("MB-09"));
        assertEquals("REFER_TO_BMA refer-new-request", got.get("MB-10"));
        assertEquals("WITHDRAW withdraw-lmc-advice", got.get("MB-11"));
        assertEquals("REFER_TO_BMA refer-lmc-keep-conflicts-with-law", got.get("MB-12"));
        assertEquals("ASK_ICB_FOR_INFORMATION ask-purposes", got.get("MB-13"));
    }

    @Test
    void jsonIsByteIdenticalAcrossRuns() {
        String a = run("audit", SAMPLE.toString(), "--format", "json", "--as-of", "2026-06-15").out();
        String b = run("audit", SAMPLE.toString(), "--format", "json", "--as-of", "2026-06-15").out();
        assertEquals(a, b);
        assertFalse(a.contains("\r"));
    }

    @Test
    void eachDecisionIsTheSameWhateverTheOrderOfTheAgreements(@TempDir Path dir) throws Exception {
        ObjectNode register = (ObjectNode) MAPPER.readTree(SAMPLE.toFile());
        List<JsonNode> agreements = new ArrayList<>();
        register.get("agreements").forEach(agreements::add);
        Collections.shuffle(agreements, new Random(42));
        ArrayNode shuffled = MAPPER.createArrayNode();
        agreements.forEach(shuffled::add);
        register.set("agreements", shuffled);
        Path file = dir.resolve("shuffled.json");
        MAPPER.writeValue(file.toFile(), register);

        Map<String, JsonNode> original = byId(run("audit", SAMPLE.toString(), "--format", "json", "--as-of", "2026-06-15"));
        Map<String, JsonNode> reordered = byId(run("audit", file.toString(), "--format", "json", "--as-of", "2026-06-15"));
        assertEquals(original, reordered);
    }

    private static Map<String, JsonNode> byId(Run r) throws Exception {
        Map<String, JsonNode> out = new TreeMap<>();
        MAPPER.readTree(r.out()).get("decisions").forEach(d -> out.put(d.get("dsaId").asText(), d));
        return out;
    }

    @Test
    void textReportShowsCountsThenEachAgreementWithItsTrace() {
        Run r = run("audit", SAMPLE.toString(), "--as-of", "2026-06-15");
        assertEquals(0, r.status(), r.err());
        String text = r.out();
        assertTrue(text.contains("SUMMARY: 13 agreement(s)"), text);
        assertTrue(text.indexOf("SUMMARY") < text.indexOf("MB-01"));
        assertTrue(text.contains("Questions for the ICB:"));
        assertTrue(text.contains("* ") || text.contains("*1") || text.matches("(?s).*\\*\\s*\\d+\\. .*"));
        assertTrue(text.contains("cites: "));
    }

    @Test
    void badRecordsAreReportedAndTheOthersStillDecided(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mixed.json");
        Files.writeString(file, """
                {"agreements": [
                  {"id": "A", "status": "EXISTING", "purposes": ["DIRECT_CARE"]},
                  {"id": "B", "status": "SIGNED"},
                  {"title": "no id"},
                  {"id": "A"},
                  {"id": "C", "purposes": ["RESEARCH"], "comercialAccess": true}
                ]}""", StandardCharsets.UTF_8);
        Run r = run("audit", file.toString(), "--format", "json", "--as-of", "2026-06-15");
        assertEquals(1, r.status());
        JsonNode doc = MAPPER.readTree(r.out());
        assertEquals(1, doc.get("decisions").size());
        assertEquals("A", doc.get("decisions").get(0).get("dsaId").asText());
        JsonNode errors = doc.get("errors");
        assertEquals(4, errors.size());
        assertEquals("status", errors.get(0).get("field").asText());
        assertTrue(errors.get(0).get("message").asText().contains("NEW_REQUEST"));
        assertEquals(2, errors.get(1).get("index").asInt());
        assertEquals("id", errors.get(2).get("field").asText());
        assertTrue(errors.get(3).get("message").asText().contains("commercialAccess"));
        JsonNode s = doc.get("summary");
        int total = 0;
        for (String k : List.of("KEEP", "WITHDRAW", "REFER_TO_BMA", "ASK_ICB_FOR_INFORMATION", "ERROR")) {
            total += s.get(k).asInt();
        }
        assertEquals(5, total);
    }

    @Test
    void unreadableInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Run missing = run("audit", dir.resolve("nope.json").toString());
        assertEquals(2, missing.status());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("nope.json"));

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"agreements\": [ {\"id\": \"A\",, } ]}");
        Run r = run("audit", broken.toString(), "--format", "json", "--out", dir.resolve("out.json").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("line 1"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(dir.resolve("out.json")), "nothing is written when the input fails");
    }

    @Test
    void badOptionsExitTwoWithAHint() {
        Run r = run("audit", SAMPLE.toString(), "--as-of", "2026-02-30");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("not a real date"), r.err());
        assertEquals(2, run("audit", SAMPLE.toString(), "--format", "pdf").status());
        assertEquals(2, run("frobnicate").status());
    }

    @Test
    void outReplacesTheTargetOnlyWhenComplete(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report.json");
        Files.writeString(out, "previous good report");
        Run r = run("audit", SAMPLE.toString(), "--format", "json", "--as-of", "2026-06-15", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals(13, MAPPER.readTree(out.toFile()).get("decisions").size());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void theInputIsNeverOverwritten(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("register.json");
        Files.copy(SAMPLE, copy);
        byte[] before = Files.readAllBytes(copy);
        Run r = run("audit", copy.toString(), "--out", copy.toString());
        assertEquals(2, r.status());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(copy));
    }

    @Test
    void traceLevelsShortenTheTrace() throws Exception {
        JsonNode decisive = MAPPER.readTree(run("audit", SAMPLE.toString(), "--format", "json", "--as-of", "2026-06-15",
                "--trace", "decisive").out());
        assertEquals("decisive", decisive.get("knowledgeBase").get("trace").asText());
        for (JsonNode d : decisive.get("decisions")) {
            assertEquals(1, d.get("trace").size());
            assertEquals(d.get("decisiveRule").asText(), d.get("trace").get(0).get("rule").asText());
        }
        JsonNode none = MAPPER.readTree(run("audit", SAMPLE.toString(), "--format", "json", "--as-of", "2026-06-15",
                "--trace", "none").out());
        assertFalse(none.get("decisions").get(0).has("trace"));
    }

    @Test
    void helpAndVersion() {
        Run help = run("audit", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--as-of"));
        Run version = run("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("dsa-audit "));
    }

    @Test
    void htmlFormatWritesOneSelfContainedReport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report.html");
        Run r = run("audit", SAMPLE.toString(), "--format", "html", "--as-of", "2026-06-15", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        String html = Files.readString(out);
        for (int i = 1; i <= 13; i++) {
            assertTrue(html.contains(String.format("MB-%02d", i)));
        }
        assertTrue(html.contains("<svg"));
        assertEquals(13, html.split("<h4>Next steps</h4>", -1).length - 1, "every decision shows its next steps");
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "nothing loaded from the network");
    }

    @Test
    void thePracticeBlockIsCarriedThroughAsGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.json");
        Files.writeString(file, "{\"agreements\": [], \"practice\": {\"odsCode\": \"Z9\", \"name\": \"Late\","
                + " \"phone\": \"0100\", \"partners\": [\"A\", \"B\"]}}");
        Run r = run("audit", file.toString(), "--format", "json", "--as-of", "2026-06-15");
        assertEquals(0, r.status(), r.err());
        JsonNode practice = MAPPER.readTree(r.out()).get("practice");
        assertEquals(MAPPER.readTree("{\"odsCode\": \"Z9\", \"name\": \"Late\", \"phone\": \"0100\","
                + " \"partners\": [\"A\", \"B\"]}"), practice);
        Path bare = dir.resolve("bare.json");
        Files.writeString(bare, "[]");
        assertFalse(MAPPER.readTree(run("audit", bare.toString(), "--format", "json").out()).has("practice"));
    }
}
