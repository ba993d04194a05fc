package org.dsarules.round.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.dsarules.DsaRules;
import org.dsarules.register.json.RegisterReader;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.SystemAudit;
import org.junit.jupiter.api.Test;

/**
 * The facts that differ between practices, as the LMC's letter shows them to the ICB: {@code lmcAdvice} absent and
 * {@code NONE} both mean "no advice given" (record-format.md), a placeholder is not known, each fact is named in
 * words, and a programme is named as most practices typed it. Two practices from the sample
 * register, audited with the real rules, hold MB-05 with different facts, so its outcomes differ.
 */
class LmcAdviceDifferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DsaRules RULES = DsaRules.defaults();

    /** Alder holds MB-05 as the sample has it; Birch with other facts, and {@code birchAdvice} applied to it. */
    private static SystemAudit system(Consumer<ObjectNode> alderAdvice, Consumer<ObjectNode> birchAdvice) throws Exception {
        ObjectNode sample = (ObjectNode) JSON.readTree(Path.of("samples/millbrook-register.json").toFile());
        ObjectNode a = practice(sample, "A00001", "Alder Surgery");
        ObjectNode b = practice(sample, "B00002", "Birch Practice");
        alderAdvice.accept(mb05(a));
        ObjectNode x = mb05(b);
        x.put("commercialAccess", false);
        x.putArray("purposes").add("RESEARCH");
        ((ObjectNode) x.get("parties").get(0)).put("kind", "UNIVERSITY");
        birchAdvice.accept(x);
        return SystemAudit.of(List.of(audit("alder.json", a), audit("birch.json", b)));
    }

    private static ObjectNode mb05(ObjectNode register) {
        for (var x : register.get("agreements")) {
            if (x.get("id").asText().equals("MB-05")) {
                return (ObjectNode) x;
            }
        }
        throw new AssertionError("no MB-05 in the sample");
    }

    private static ObjectNode practice(ObjectNode sample, String ods, String name) {
        ObjectNode r = sample.deepCopy();
        ((ObjectNode) r.get("practice")).put("odsCode", ods).put("name", name);
        for (var x : r.get("agreements")) {
            ((ObjectNode) x).put("programme", "Programme " + x.get("id").asText());
        }
        return r;
    }

    private static AuditedRegister audit(String name, ObjectNode register) throws Exception {
        byte[] bytes = JSON.writeValueAsBytes(register);
        return AuditedRegister.of(name, RULES, RegisterReader.defaults().open(new ByteArrayInputStream(bytes), name),
                LocalDate.of(2026, 6, 15));
    }

    private static SystemAudit.Programme mb05(SystemAudit s) {
        return s.programmes().stream().filter(p -> "Programme MB-05".equals(p.label())).findFirst().orElseThrow();
    }

    @Test
    void noneAndNotGivenAreNotADifference() throws Exception {
        for (boolean alderNone : new boolean[] {true, false}) {
            SystemAudit s = system(x -> {
                if (alderNone) {
                    x.put("lmcAdvice", "NONE");
                } else {
                    x.remove("lmcAdvice");
                }
            }, x -> {
                if (alderNone) {
                    x.remove("lmcAdvice");
                } else {
                    x.put("lmcAdvice", "NONE");
                }
            });
            SystemAudit.Programme p = mb05(s);
            assertTrue(p.outcomesDiffer(), p.toString());
            assertFalse(p.differences().isEmpty(), p.toString());
            assertTrue(p.differences().stream().noneMatch(d -> d.field().equals("lmcAdvice")), p.differences().toString());
            for (String document : List.of(SystemLetter.markdown(s), SystemLetter.text(s), SystemReport.text(s),
                    SystemReport.html(s), SystemReport.json(s))) {
                assertFalse(document.contains("lmcAdvice"), document);
            }
        }
    }

    @Test
    void adviceGivenAgainstNoneGivenIsADifferenceShownAsNone() throws Exception {
        SystemAudit s = system(x -> x.remove("lmcAdvice"), x -> x.put("lmcAdvice", "KEEP"));
        SystemAudit.Programme p = mb05(s);
        assertTrue(p.outcomesDiffer(), p.toString());
        SystemAudit.Difference advice = p.differences().stream().filter(d -> d.field().equals("lmcAdvice")).findFirst()
                .orElseThrow(() -> new AssertionError(p.differences().toString()));
        assertEquals(List.of("NONE", "KEEP"), advice.values());
        String letter = SystemLetter.markdown(s);
        assertTrue(letter.contains("the LMC's advice (lmcAdvice): A00001: NONE; B00002: KEEP"), letter);
    }

    /**
     * A placeholder word is not known (record-format v1.2): "TBC" against nothing is no difference, and against a
     * real instrument the letter says it is not known, with the word typed, so no reader takes "TBC" for a duty.
     */
    @Test
    void aPlaceholderIsNotKnownInTheListOfDifferences() throws Exception {
        SystemAudit same = system(x -> x.putObject("legalRequirement").put("kind", "GP_CONTRACT").put("reference", "TBC"),
                x -> x.putObject("legalRequirement").put("kind", "GP_CONTRACT"));
        assertTrue(mb05(same).differences().stream().noneMatch(d -> d.field().equals("legalRequirement.reference")),
                mb05(same).differences().toString());
        SystemAudit differ = system(x -> x.putObject("legalRequirement").put("kind", "GP_CONTRACT").put("reference", "TBC"),
                x -> x.putObject("legalRequirement").put("kind", "GP_CONTRACT").put("reference", "GP contract clause 1"));
        String letter = SystemLetter.text(differ);
        assertTrue(letter.contains("the instrument said to require it (legalRequirement.reference): A00001: not known "
                + "(the register says \"TBC\"); B00002: GP contract clause 1"), letter);
    }

    /** A programme several practices spell differently is headed by the spelling most of them typed. */
    @Test
    void aProgrammeIsNamedAsMostPracticesSpellIt() throws Exception {
        ObjectNode sample = (ObjectNode) JSON.readTree(Path.of("samples/millbrook-register.json").toFile());
        ObjectNode a = practice(sample, "A00001", "Alder Surgery");
        mb05(a).put("programme", "programme mb-05");
        SystemAudit s = SystemAudit.of(List.of(audit("alder.json", a), audit("birch.json", practice(sample, "B00002", "Birch")),
                audit("cedar.json", practice(sample, "C00003", "Cedar"))));
        assertTrue(s.programmes().stream().anyMatch(p -> p.label().equals("Programme MB-05") && p.holdings().size() == 3),
                s.programmes().toString());
        assertFalse(SystemLetter.markdown(s).contains("programme mb-05"), SystemLetter.markdown(s));
        // the questionnaire sent with the letter names the programme alike
        List<org.dsarules.round.Questionnaire.Row> rows = org.dsarules.round.Questionnaire.ofSystem(s.registers());
        assertTrue(rows.stream().anyMatch(r -> "Programme MB-05".equals(r.programme())), rows.toString());
        assertTrue(rows.stream().noneMatch(r -> "programme mb-05".equals(r.programme())), rows.toString());
    }
}
