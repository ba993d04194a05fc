package org.dsarules.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.dsarules.decision.ErrorCode;
import org.dsarules.decision.RecordError;
import org.dsarules.exception.InvalidAgreementException;
import org.dsarules.model.Agreement;
import org.dsarules.model.RequirementKind;
import org.dsarules.register.ReadResult;
import org.dsarules.register.json.RegisterReader;
import org.junit.jupiter.api.Test;

/** issue 28: one agreement read on its own is validated as a register's record is, with the same codes. */
class AgreementJsonTest {
    private static final String GOOD = """
            {"id": "DSA-7", "status": "EXISTING",
             "legalRequirement": {"kind": "STATUTORY_DIRECTION", "reference": "Health and Social Care Act 2012 s.259"}}""";
    private static final String MISSPELT = GOOD.replace("legalRequirement", "leglRequirement");

    @Test
    void readsAValidAgreement() {
        Agreement a = AgreementJson.read(GOOD);
        assertEquals("DSA-7", a.id());
        assertEquals(RequirementKind.STATUTORY_DIRECTION, a.legalRequirement().kind());
    }

    @Test
    void aMisspeltFieldIsRefusedWithUnknownField() {
        InvalidAgreementException e = assertThrows(InvalidAgreementException.class, () -> AgreementJson.read(MISSPELT));
        assertEquals(1, e.errors().size());
        RecordError err = e.errors().get(0);
        assertEquals(ErrorCode.UNKNOWN_FIELD, err.code());
        assertEquals("leglRequirement", err.field());
        assertEquals("DSA-7", err.dsaId());
        assertTrue(e.getMessage().contains("legalRequirement"), "the message suggests the right name: " + e.getMessage());
    }

    @Test
    void theErrorsAreTheOnesAnAuditReports() {
        String register = "{\"agreements\": [" + MISSPELT + "]}";
        ReadResult audited = ReadResult.of(RegisterReader.defaults().open(
                new ByteArrayInputStream(register.getBytes(StandardCharsets.UTF_8)), "register"));
        InvalidAgreementException e = assertThrows(InvalidAgreementException.class, () -> AgreementJson.read(MISSPELT));
        assertEquals(audited.errors(), e.errors());
    }

    @Test
    void aBadEnumValueKeepsItsCode() {
        InvalidAgreementException e = assertThrows(InvalidAgreementException.class,
                () -> AgreementJson.read(GOOD.replace("EXISTING", "EXISTNG")));
        assertEquals(ErrorCode.BAD_ENUM, e.errors().get(0).code());
        assertEquals("status", e.errors().get(0).field());
    }

    @Test
    void readsFromAStreamAndLeavesItOpen() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(("\uFEFF" + GOOD).getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertEquals("DSA-7", AgreementJson.read(in).id());
        assertFalse(closed[0], "the caller owns the stream");
        InvalidAgreementException e = assertThrows(InvalidAgreementException.class, () -> AgreementJson.read(
                new ByteArrayInputStream(MISSPELT.getBytes(StandardCharsets.UTF_8))));
        assertEquals(ErrorCode.UNKNOWN_FIELD, e.errors().get(0).code());
    }

    @Test
    void textThatIsNotOneJsonValueIsNotAnAgreement() {
        for (String text : List.of("", "{\"id\": ", GOOD + " {}", "[1, 2]")) {
            InvalidAgreementException e = assertThrows(InvalidAgreementException.class, () -> AgreementJson.read(text));
            assertEquals(ErrorCode.NOT_AN_AGREEMENT, e.errors().get(0).code(), text);
        }
        InvalidAgreementException e = assertThrows(InvalidAgreementException.class, () -> AgreementJson.read(
                new ByteArrayInputStream(new byte[] {'{', (byte) 0xC3, '}'})));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void nullIsRefusedByName() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> AgreementJson.read((String) null));
        assertEquals("json", e.getMessage());
    }
}
