package org.dsarules.register.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.model.Agreement;
import org.dsarules.model.IcbAssessment;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.Party;
import org.dsarules.model.Purpose;
import org.dsarules.model.Status;
import org.dsarules.register.RecordValidator;
import org.junit.jupiter.api.Test;

/** Writing an agreement as JSON, and reading it back. */
class AgreementCodecTest {

    @Test
    void aFullyPopulatedAgreementRoundTrips() {
        Agreement a = Fixtures.fullAgreement();
        assertEquals(a, AgreementCodec.fromJson(AgreementCodec.toJsonString(a)));
    }

    @Test
    void anAlmostEmptyAgreementRoundTrips() {
        Agreement a = Agreement.builder("DSA-1").build();
        assertEquals("{\"id\":\"DSA-1\"}", AgreementCodec.toJsonString(a));
        assertEquals(a, AgreementCodec.fromJson(AgreementCodec.toJsonString(a)));
    }

    @Test
    void emptyListsAndEmptyObjectsRoundTrip() {
        Agreement a = Agreement.builder("DSA-1").purposes(List.of()).article6Bases(List.of())
                .legalRequirement(new LegalRequirement(null, null, null))
                .icbAssessment(new IcbAssessment(null, null, null, null))
                .parties(new Party("Only a name", null, null, null, null))
                .build();
        String json = AgreementCodec.toJsonString(a);
        assertEquals("{\"id\":\"DSA-1\",\"parties\":[{\"name\":\"Only a name\"}],\"purposes\":[],"
                + "\"legalRequirement\":{},\"article6Bases\":[],\"icbAssessment\":{}}", json);
        assertEquals(a, AgreementCodec.fromJson(json));
    }

    @Test
    void fieldsComeInTheFormatsOrder() {
        ObjectNode json = AgreementCodec.toJson(Fixtures.fullAgreement());
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertEquals(RecordValidator.AGREEMENT_FIELDS, names);
        List<String> partyNames = new ArrayList<>();
        json.get("parties").get(1).fieldNames().forEachRemaining(partyNames::add);
        assertEquals(RecordValidator.PARTY_FIELDS, partyNames);
        List<String> legal = new ArrayList<>();
        json.get("legalRequirement").fieldNames().forEachRemaining(legal::add);
        assertEquals(RecordValidator.LEGAL_REQUIREMENT_FIELDS, legal);
        List<String> icb = new ArrayList<>();
        json.get("icbAssessment").fieldNames().forEachRemaining(icb::add);
        assertEquals(RecordValidator.ICB_ASSESSMENT_FIELDS, icb);
        List<String> history = new ArrayList<>();
        json.get("history").get(0).fieldNames().forEachRemaining(history::add);
        // the fixture's entry carries a comment (v1.2's optional last field), so every field's place is checked
        assertEquals(RecordValidator.HISTORY_FIELDS, history);
    }

    @Test
    void valuesAreWrittenAsTheFormatSays() {
        Agreement a = Agreement.builder("DSA-1").status(Status.NEW_REQUEST).signedOn(LocalDate.of(2026, 1, 5))
                .purposes(Purpose.DIRECT_CARE).commercialAccess(false).build();
        assertEquals("{\"id\":\"DSA-1\",\"status\":\"NEW_REQUEST\",\"signedOn\":\"2026-01-05\",\"purposes\":[\"DIRECT_CARE\"],"
                + "\"commercialAccess\":false}", AgreementCodec.toJsonString(a));
        assertFalse(AgreementCodec.toJsonString(Fixtures.fullAgreement()).contains("null"));
    }

    @Test
    void theSameAgreementGivesTheSameText() {
        assertEquals(AgreementCodec.toJsonString(Fixtures.fullAgreement()), AgreementCodec.toJsonString(Fixtures.fullAgreement()));
    }

    @Test
    void readingIsTheRegistersValidation() {
        assertEquals(Fixtures.fullAgreement(), AgreementCodec.fromJson(Fixtures.FULL_AGREEMENT_JSON));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgreementCodec.fromJson("{\"id\": \"DSA-1\", \"comercialAccess\": true}"));
        assertEquals("comercialAccess: not a field of an agreement (did you mean commercialAccess?)", e.getMessage());
    }

    @Test
    void textThatIsNotOneJsonValueIsRefused() {
        for (String text : List.of("", "{", "{\"id\": \"A\"} {}", "{'id': 'A'}")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgreementCodec.fromJson(text));
            assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
            Fixtures.assertPlainLine(e.getMessage());
        }
    }

    @Test
    void aDateOutsideFourDigitYearsCannotBeWritten() {
        Agreement a = Agreement.builder("DSA-1").signedOn(LocalDate.of(12026, 1, 1)).build();
        assertThrows(IllegalArgumentException.class, () -> AgreementCodec.toJsonString(a));
    }
}
