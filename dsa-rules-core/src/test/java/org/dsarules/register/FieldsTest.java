package org.dsarules.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.dsarules.decision.ErrorCode;
import org.dsarules.model.Agreement;
import org.dsarules.model.IcbConclusion;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.Party;
import org.dsarules.model.PartyKind;
import org.dsarules.model.PartyRole;
import org.dsarules.model.Purpose;
import org.dsarules.model.RequirementKind;
import org.dsarules.model.Status;
import org.dsarules.register.Fields.FieldException;
import org.dsarules.register.json.AgreementCodec;
import org.junit.jupiter.api.Test;

class FieldsTest {
    private static final Agreement A = Agreement.builder("DSA-1").status(Status.EXISTING)
            .parties(new Party("NHS England", PartyKind.NHS_ENGLAND, null, null, null)).build();

    @Test
    void theCatalogueShowsWhatEachFieldAllows() {
        assertEquals("one of: NONE, STATUTORY_DIRECTION, COPI_NOTICE, GP_CONTRACT, COURT_ORDER, OTHER_STATUTE",
                Fields.field("legalRequirement.kind").orElseThrow().allowed());
        assertEquals("true or false", Fields.field("commercialAccess").orElseThrow().allowed());
        assertEquals("date", Fields.field("icbAssessment.receivedOn").orElseThrow().allowed());
        assertEquals("text", Fields.field("legalRequirement.reference").orElseThrow().allowed());
        assertTrue(Fields.field("purposes").orElseThrow().allowed().startsWith("one or more of, separated by ;: DIRECT_CARE"));
        assertEquals("parties[N].role", Fields.field("parties[7].role").orElseThrow().path());
        assertEquals(List.of("true", "false"), Fields.field("dpiaProvided").orElseThrow().values());
        assertTrue(Fields.field("id").isEmpty());
        assertTrue(Fields.field("parties[x].role").isEmpty());
    }

    /** The catalogue is the register's field list: every component of an agreement is in it, in the model's order. */
    @Test
    void everyComponentOfAnAgreementIsAFieldOfTheRegister() {
        List<String> components = Arrays.stream(Agreement.class.getRecordComponents()).map(RecordComponent::getName).toList();
        assertEquals(components, RecordValidator.AGREEMENT_FIELDS);
    }

    @Test
    void setReadsTheCellSyntax() {
        Agreement b = Fields.set(A, "legalRequirement.kind", " gp_contract ");
        assertEquals(new LegalRequirement(RequirementKind.GP_CONTRACT, null, null), b.legalRequirement());
        assertNull(A.legalRequirement(), "the input agreement is not changed");
        assertEquals(LocalDate.of(2022, 9, 14), Fields.set(A, "signedOn", "14/09/2022").signedOn());
        assertEquals(Boolean.TRUE, Fields.set(A, "commercialAccess", "Yes").commercialAccess());
        assertEquals(List.of(Purpose.RESEARCH, Purpose.SERVICE_PLANNING),
                Fields.set(A, "purposes", "RESEARCH; service_planning").purposes());
        assertEquals(PartyRole.CONTROLLER, Fields.set(A, "parties[0].role", "CONTROLLER").parties().get(0).role());
        assertEquals(IcbConclusion.DECLINED, Fields.set(A, "icbAssessment.conclusion", "DECLINED").icbAssessment().conclusion());
    }

    @Test
    void anEmptyCellMakesAFieldNotKnown() {
        Agreement b = Fields.set(Fields.set(A, "legalRequirement.kind", "NONE"), "legalRequirement.kind", "");
        assertNull(b.legalRequirement(), "an object with nothing known is not known");
        assertNull(Fields.set(A, "status", " ").status());
    }

    @Test
    void aNewPartyIsAddedByItsName() {
        Agreement b = Fields.set(A, "parties[1].name", "University of Westvale");
        assertEquals(2, b.parties().size());
        FieldException e = assertThrows(FieldException.class, () -> Fields.set(A, "parties[1].role", "CONTROLLER"));
        assertEquals(ErrorCode.UNKNOWN_FIELD, e.code());
        assertEquals("parties[1].role: the agreement has 1 party (parties[0]); a new party is added by giving parties[1].name",
                e.getMessage());
    }

    @Test
    void errorsNameThePathAndTheValue() {
        FieldException e = assertThrows(FieldException.class, () -> Fields.set(A, "legalRequirement.kind", "GP_CONTRCT"));
        assertEquals(ErrorCode.BAD_ENUM, e.code());
        assertEquals("legalRequirement.kind: \"GP_CONTRCT\" is not one of NONE, STATUTORY_DIRECTION, COPI_NOTICE,"
                + " GP_CONTRACT, COURT_ORDER, OTHER_STATUTE (did you mean GP_CONTRACT?); leave it empty if not known", e.getMessage());
        e = assertThrows(FieldException.class, () -> Fields.set(A, "signedOn", "14.09.2022"));
        assertEquals(ErrorCode.BAD_DATE, e.code());
        assertTrue(e.getMessage().startsWith("signedOn: \"14.09.2022\" is not a date") && e.getMessage().endsWith(
                "did you mean 2022-09-14?"), e.getMessage());
        e = assertThrows(FieldException.class, () -> Fields.set(A, "comercialAccess", "true"));
        assertEquals("\"comercialAccess\" is not a field an answer can set (did you mean commercialAccess?)", e.getMessage());
        e = assertThrows(FieldException.class, () -> Fields.set(A, "purposes", "RESEARCH, SERVICE_PLANNING"));
        assertEquals(ErrorCode.BAD_LIST, e.code());
        assertTrue(e.getMessage().contains("separated by ';', not ','"), e.getMessage());
        e = assertThrows(FieldException.class, () -> Fields.set(A, "parties[0].name", ""));
        assertEquals(ErrorCode.MISSING_VALUE, e.code());
    }
}
