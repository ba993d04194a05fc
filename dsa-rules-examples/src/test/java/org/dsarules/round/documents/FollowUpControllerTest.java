package org.dsarules.round.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.dsarules.DsaRules;
import org.dsarules.register.json.RegisterReader;
import org.dsarules.round.AuditedRegister;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whom the follow-up letter asks the ICB to pass the questions to, for an agreement the ICB declined to assess
 * (AL-04 of the second-month register, audited with the real rules), read as the ICB reads it: the sentence
 * before the questions, whole, in both forms. A named controller; several; a controller and a different
 * requester; no controller but a requester, who is asked to pass the questions on; neither.
 */
class FollowUpControllerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DsaRules rules;

    @BeforeAll
    static void rules() {
        rules = DsaRules.defaults();
    }

    /** The sentence introducing AL-04's questions, in Markdown and in text (which must agree). */
    private static String sentence(Consumer<ObjectNode> change) throws Exception {
        ObjectNode register = (ObjectNode) JSON.readTree(FollowUpLetterTest.MONTH_2.toFile());
        for (var x : register.get("agreements")) {
            if (x.get("id").asText().equals("AL-04")) {
                change.accept((ObjectNode) x);
            }
        }
        AuditedRegister audited = AuditedRegister.of("month-2.json", rules,
                RegisterReader.defaults().open(new ByteArrayInputStream(JSON.writeValueAsBytes(register)), "month-2.json"),
                LocalDate.of(2026, 10, 1));
        String md = after(FollowUpLetter.markdown(audited, 28), "### AL-04: Regional population health linked dataset");
        String text = after(FollowUpLetter.text(audited, 28), "\nAL-04: Regional population health linked dataset");
        assertEquals(md, text);
        return md;
    }

    /** The first paragraph after the ICB's quoted reply under {@code heading}. */
    private static String after(String letter, String heading) {
        int at = letter.indexOf(heading);
        if (at < 0) {
            throw new AssertionError("no " + heading + " in:\n" + letter);
        }
        String[] paras = letter.substring(at).split("\n\n");
        // heading, "Your reply said: ...", the sentence
        if (!paras[1].startsWith("Your reply said:")) {
            throw new AssertionError(paras[1]);
        }
        return paras[2];
    }

    private static ObjectNode party(String name, String role) {
        return JSON.createObjectNode().put("name", name).put("kind", "NHS_ENGLAND").put("role", role)
                .put("directCareProvider", false);
    }

    @Test
    void aNamedController() throws Exception {
        assertEquals("These questions are for NHS England, which the agreement names as controller:",
                sentence(x -> x.remove("requestedBy")));
        // the requester is the controller: named once
        assertEquals("These questions are for NHS England, which the agreement names as controller:",
                sentence(x -> x.put("requestedBy", "NHS England")));
    }

    @Test
    void jointControllers() throws Exception {
        assertEquals("These questions are for NHS England and Eastmoor ICB, which the agreement names as controllers:",
                sentence(x -> {
                    ArrayNode parties = x.putArray("parties");
                    parties.add(party("NHS England", "JOINT_CONTROLLER"));
                    parties.add(party("Eastmoor ICB", "JOINT_CONTROLLER"));
                }));
    }

    @Test
    void aControllerAndAnotherRequester() throws Exception {
        assertEquals("These questions are for NHS England, which the agreement names as controller (Eastmoor Analytics "
                + "Ltd asked for the agreement):", sentence(x -> x.put("requestedBy", "Eastmoor Analytics Ltd")));
    }

    @Test
    void noControllerSoTheRequesterIsAskedToPassThemOn() throws Exception {
        assertEquals("The agreement names no controller. Please pass these questions to Eastmoor Analytics Ltd, which "
                + "asked for the agreement, and ask it to answer them if it is the controller, or else to pass them on to "
                + "the controller and tell us who that is:", sentence(x -> {
                    x.put("requestedBy", "Eastmoor Analytics Ltd");
                    x.putArray("parties").add(party("NHS England", "PROCESSOR"));
                }));
    }

    @Test
    void neitherControllerNorRequester() throws Exception {
        assertEquals("The agreement names no controller and does not say who asked for it, so please pass these "
                + "questions to its controller and tell us which organisation that is:", sentence(x -> {
                    x.remove("requestedBy");
                    x.putArray("parties").add(party("NHS England", "PROCESSOR"));
                }));
    }
}
