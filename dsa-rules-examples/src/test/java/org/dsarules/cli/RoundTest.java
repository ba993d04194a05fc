package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dsarules.round.Questionnaire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaign's second round walked end to end on the project's own sample register, every step
 * through the command line with the real rules: audit, letter, questionnaire, answers, second audit,
 * diff, follow-up letter.
 */
class RoundTest {
    static final String SAMPLE = "samples/millbrook-register.json";
    static final ObjectMapper JSON = new ObjectMapper();

    record Run(int status, String out, String err) {
    }

    static Run dsa(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = DsaAudit.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    static Map<String, String> outcomes(String decisionJson) throws Exception {
        Map<String, String> m = new java.util.TreeMap<>();
        for (JsonNode d : JSON.readTree(decisionJson).get("decisions")) {
            m.put(d.get("dsaId").asText(), d.get("outcome").asText());
        }
        return m;
    }

    /** The questionnaire with {@code answers} (agreementId|field -> answer) filled in. */
    static String answer(String questionnaire, Map<String, String> answers) {
        List<Questionnaire.Row> rows = new ArrayList<>();
        for (Questionnaire.Row r : Questionnaire.read(new StringReader(questionnaire), "q")) {
            String a = answers.get(r.agreementId() + "|" + r.field());
            rows.add(new Questionnaire.Row(0, r.practice(), r.agreementId(), r.programme(), r.title(), r.field(),
                    r.question(), r.allowed(), a));
        }
        StringWriter w = new StringWriter();
        Questionnaire.write(rows, w);
        return w.toString();
    }

    @Test
    void theWholeRound(@TempDir Path dir) throws Exception {
        Path register = dir.resolve("millbrook.json");
        Files.copy(Path.of(SAMPLE), register);
        byte[] original = Files.readAllBytes(register);

        // 1. The first audit.
        Run audit = dsa("audit", register.toString(), "--as-of", "2026-06-15", "--format", "json");
        assertEquals(0, audit.status(), audit.err());
        Map<String, String> before = outcomes(audit.out());
        assertEquals("ASK_ICB_FOR_INFORMATION", before.get("MB-08"));
        assertEquals("ASK_ICB_FOR_INFORMATION", before.get("MB-09"));
        assertEquals("ASK_ICB_FOR_INFORMATION", before.get("MB-13"));

        // 2. The first letter: the register records no applied answer, so it is the first one.
        Run letter = dsa("letter", register.toString(), "--as-of", "2026-06-15");
        assertEquals(0, letter.status(), letter.err());
        assertTrue(letter.out().contains("# Our data sharing agreements during the GP collective action"), letter.out());
        assertFalse(letter.out().contains("following up"), letter.out());

        // 3. The questionnaire: v1.1's columns in order (then v1.2's comment), a row per open question, fields as paths.
        Run questions = dsa("questions", register.toString(), "--as-of", "2026-06-15");
        assertEquals(0, questions.status(), questions.err());
        assertTrue(questions.out().startsWith("practice,agreementId,programme,title,field,question,allowed,answer,comment\n"),
                questions.out());
        List<Questionnaire.Row> rows = Questionnaire.read(new StringReader(questions.out()), "q");
        assertTrue(rows.stream().allMatch(r -> "Z99042".equals(r.practice()) && r.answer() == null), questions.out());
        assertTrue(rows.contains(new Questionnaire.Row(rows.stream().filter(r -> r.agreementId().equals("MB-09")
                        && r.field().equals("legalRequirement.reference")).findFirst().orElseThrow().row(), "Z99042", "MB-09",
                null, "Respiratory audit collection (claimed mandatory)", "legalRequirement.reference",
                "Which direction, notice or contract clause compels the practice to share under this agreement?", "text",
                null)), questions.out());
        assertTrue(rows.stream().anyMatch(r -> r.agreementId().equals("MB-13") && r.field().equals("purposes")
                && r.allowed().startsWith("one or more of, separated by ;: DIRECT_CARE, RESEARCH")), questions.out());
        // No agreement the ICB has assessed (MB-07) and no new request referred to the BMA (MB-10) is asked about.
        assertFalse(rows.stream().anyMatch(r -> r.agreementId().equals("MB-07") || r.agreementId().equals("MB-10")));

        // 4. The ICB answers; the practice also records that it asked about MB-11 (two rows of its own).
        String answered = answer(questions.out(), Map.of(
                "MB-01|icbAssessment.conclusion", "NECESSARY_AND_LAWFUL",
                "MB-06|icbAssessment.conclusion", "not_necessary",
                "MB-08|dpiaProvided", "yes",
                "MB-08|icbAssessment.conclusion", "DECLINED",
                "MB-09|legalRequirement.reference", "Respiratory Audit Direction 2026 (HSCA 2012 s254)",
                "MB-13|purposes", "DIRECT_CARE",
                "MB-13|icbAssessment.conclusion", "maybe"))
                + "Z99042,MB-11,,,icbAssessment.status,,,REQUESTED\n"
                + "Z99042,MB-11,,,icbAssessment.requestedOn,,,16/6/2026\n";
        Path answers = dir.resolve("answers.csv");
        Files.writeString(answers, answered);
        int badRow = Questionnaire.read(answers).stream().filter(r -> "maybe".equals(r.answer())).findFirst().orElseThrow().row();
        int purposesRow = Questionnaire.read(answers).stream().filter(r -> "DIRECT_CARE".equals(r.answer())).findFirst()
                .orElseThrow().row();
        Path next = dir.resolve("millbrook-2.json");
        Run apply = dsa("answer", register.toString(), answers.toString(), "--out", next.toString(), "--on", "2027-01-06");
        assertEquals(1, apply.status(), apply.out() + apply.err());
        assertTrue(apply.out().contains("row " + badRow + "  MB-13  icbAssessment.conclusion: icbAssessment.conclusion: "
                + "\"maybe\" is not one of NECESSARY_AND_LAWFUL"), apply.out());
        // record-format.md v1.2: a refused row stands alone, the agreement's other rows still apply
        assertTrue(apply.out().contains("row " + purposesRow + "  MB-13  purposes: (not known) -> DIRECT_CARE"), apply.out());
        assertTrue(apply.out().contains("MB-09  legalRequirement.reference: (not known) -> Respiratory Audit Direction 2026"),
                apply.out());
        assertTrue(apply.out().contains("MB-08  icbAssessment.receivedOn: (not known) -> 2027-01-06"), apply.out());
        assertTrue(java.util.Arrays.equals(original, Files.readAllBytes(register)), "the input register is never changed");

        JsonNode written = JSON.readTree(next.toFile());
        assertEquals("Z99042", written.get("practice").get("odsCode").asText());
        JsonNode mb08 = agreement(written, "MB-08");
        assertEquals("RECEIVED", mb08.get("icbAssessment").get("status").asText());
        assertEquals("2026-05-12", mb08.get("icbAssessment").get("requestedOn").asText());
        JsonNode h = mb08.get("history");
        assertEquals(4, h.size(), h.toString());
        assertEquals("2027-01-06", h.get(1).get("date").asText());
        assertEquals("icbAssessment.conclusion", h.get(1).get("field").asText());
        assertEquals("DECLINED", h.get(1).get("newValue").asText());
        assertTrue(h.get(1).get("source").asText().startsWith("ICB questionnaire answers.csv row "), h.toString());
        assertEquals("REQUESTED", h.get(2).get("oldValue").asText());
        // MB-13's purposes applied, its refused conclusion not.
        assertEquals("DIRECT_CARE", agreement(written, "MB-13").get("purposes").get(0).asText());
        assertEquals(1, agreement(written, "MB-13").get("history").size());
        assertFalse(agreement(written, "MB-13").path("icbAssessment").has("conclusion"));
        assertEquals("2026-06-16", agreement(written, "MB-11").get("icbAssessment").get("requestedOn").asText());

        // 5. The second audit, on the new register.
        Run audit2 = dsa("audit", next.toString(), "--as-of", "2027-01-10", "--format", "json");
        assertEquals(0, audit2.status(), audit2.err());
        Map<String, String> after = outcomes(audit2.out());
        assertEquals("KEEP", after.get("MB-09"));
        assertEquals("ASK_ICB_FOR_INFORMATION", after.get("MB-08"), "a DECLINED reply settles nothing");

        // 6. The diff: what changed and why.
        Run diff = dsa("diff", register.toString(), next.toString(), "--as-of", "2027-01-10");
        assertEquals(0, diff.status(), diff.err());
        assertTrue(diff.out().contains("MB-09  Respiratory audit collection (claimed mandatory): ASK_ICB_FOR_INFORMATION "
                + "(ask-evidence-of-claimed-duty) -> KEEP (keep-legal-duty)"), diff.out());
        assertTrue(diff.out().contains("      legalRequirement.reference: (not known) -> Respiratory Audit Direction 2026"),
                diff.out());
        assertTrue(diff.out().contains("Facts changed, outcome the same:"), diff.out());
        assertTrue(diff.out().contains("0 added, 0 removed"), diff.out());
        Run same = dsa("diff", next.toString(), next.toString(), "--as-of", "2027-01-10");
        assertEquals(0, same.status(), same.err());
        assertTrue(same.out().contains("0 outcome(s) changed, 0 agreement(s) with changed facts"), same.out());

        // 7. The follow-up letter, chosen by itself now that the register records applied answers.
        Run follow = dsa("letter", next.toString(), "--as-of", "2027-01-10");
        assertEquals(0, follow.status(), follow.err());
        String f = follow.out();
        assertTrue(f.contains("# Our data sharing agreements: following up our letter of 12 May 2026"), f);
        assertTrue(f.contains("Thank you for your reply of 6 January 2027."), f);
        // Assessed agreements are settled, not asked again.
        assertTrue(f.contains("- MB-06: ICB population health management dashboard: you assessed it as not necessary "
                + "(answered on 6 January 2027)."), f);
        assertFalse(section(f, "## 2.").contains("MB-06"), f);
        assertFalse(section(f, "## 2.").contains("MB-01"), f);
        // Still open: MB-13's purposes (its answers were refused), asked again.
        assertTrue(section(f, "## 2.").contains("### MB-13: Carers' support referral scheme"), f);
        // MB-08, declined: pass the questions to the controller the agreement names.
        assertTrue(section(f, "## 3. Agreements you declined to assess").contains("These questions are for Westvale County Council, which the agreement names as controller:"), f);
        assertFalse(section(f, "## 2.").contains("MB-08"), f);
        // MB-11 was asked on 16 June 2026: 28 days later its reply is overdue.
        assertTrue(section(f, "## 4. Replies now overdue").contains("MB-11: Cancer screening commissioning extract: asked on "
                + "16 June 2026, due by 14 July 2026"), f);
        Run first = dsa("letter", next.toString(), "--as-of", "2027-01-10", "--first");
        assertTrue(first.out().contains("# Our data sharing agreements during the GP collective action"), first.out());
        assertFalse(first.out().contains("following up"), first.out());
        Run window = dsa("letter", next.toString(), "--as-of", "2027-01-10", "--reply-within", "365");
        assertTrue(window.out().contains("No reply is overdue."), window.out());
    }

    static JsonNode agreement(JsonNode register, String id) {
        for (JsonNode a : register.get("agreements")) {
            if (a.get("id").asText().equals(id)) {
                return a;
            }
        }
        throw new AssertionError("no agreement " + id);
    }

    /** The letter's text from the heading starting with {@code start} to the next "## " heading. */
    static String section(String letter, String start) {
        int i = letter.indexOf(start);
        assertTrue(i >= 0, () -> "no section " + start + " in\n" + letter);
        int j = letter.indexOf("\n## ", i + 1);
        return j < 0 ? letter.substring(i) : letter.substring(i, j);
    }
}
