package org.dsarules.round.documents;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.dsarules.DsaRules;
import org.dsarules.register.json.RegisterReader;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.SystemAudit;
import org.junit.jupiter.api.Test;

/**
 * The LMC's system letter says whom a declined programme's questions go to in the follow-up's words, read as the
 * ICB reads it: a named controller; none named, so the organisation that asked for it is to answer or pass them
 * on; neither. AL-04 of the second-month register (declined by the ICB), held by two practices, real rules.
 */
class SystemDeclinedControllerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DsaRules RULES = DsaRules.defaults();

    private static String letter(Consumer<ObjectNode> change) throws Exception {
        ObjectNode sample = (ObjectNode) JSON.readTree(FollowUpLetterTest.MONTH_2.toFile());
        for (var x : sample.get("agreements")) {
            ((ObjectNode) x).put("programme", "Programme " + x.get("id").asText());
            if (x.get("id").asText().equals("AL-04")) {
                change.accept((ObjectNode) x);
            }
        }
        ObjectNode a = sample.deepCopy();
        ObjectNode b = sample.deepCopy();
        ((ObjectNode) b.get("practice")).put("odsCode", "Z99078").put("name", "Birch Practice");
        return SystemLetter.markdown(SystemAudit.of(List.of(audit("a.json", a), audit("b.json", b))));
    }

    private static AuditedRegister audit(String name, ObjectNode register) throws Exception {
        return AuditedRegister.of(name, RULES, RegisterReader.defaults().open(
                new ByteArrayInputStream(JSON.writeValueAsBytes(register)), name), LocalDate.of(2026, 10, 1));
    }

    private static void processorOnly(ObjectNode x) {
        ((ObjectNode) x.get("parties").get(0)).put("role", "PROCESSOR");
    }

    @Test
    void eachCaseReadsAsItShould() throws Exception {
        String named = letter(x -> x.put("requestedBy", "Eastmoor Analytics Ltd"));
        assertTrue(named.contains("\nThese questions are for NHS England, which the agreement names as controller:\n"), named);

        String requester = letter(x -> {
            x.put("requestedBy", "Eastmoor Analytics Ltd");
            processorOnly(x);
        });
        assertTrue(requester.contains("\nThe agreement names no controller. Please pass these questions to Eastmoor "
                + "Analytics Ltd, which asked for the agreement, and ask it to answer them if it is the controller, or else "
                + "to pass them on to the controller and tell us who that is:\n"), requester);

        String neither = letter(SystemDeclinedControllerTest::processorOnly);
        assertTrue(neither.contains("\nThe agreement names no controller and does not say who asked for it, so please pass "
                + "these questions to its controller and tell us which organisation that is:\n"), neither);
        for (String letter : List.of(named, requester, neither)) {
            assertTrue(!letter.contains("CONTROLLER NAME") && !letter.contains("names as controller (")
                    && !letter.contains("which asked for the agreement (the agreement names no controller)"), letter);
        }
    }
}
