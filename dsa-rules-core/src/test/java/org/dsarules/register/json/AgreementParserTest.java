package org.dsarules.register.json;

import static org.dsarules.register.json.Fixtures.entries;
import static org.dsarules.register.json.Fixtures.error;
import static org.dsarules.register.json.Fixtures.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.dsarules.decision.RecordError;
import org.dsarules.model.Agreement;
import org.dsarules.model.Article6Basis;
import org.dsarules.model.Article9Condition;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.PartyKind;
import org.dsarules.model.Purpose;
import org.dsarules.model.RequirementKind;
import org.dsarules.model.Status;
import org.dsarules.register.RecordValidator;
import org.dsarules.register.RegisterEntry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation of single records, as record-format.md "Validation: what is an error, what is not known" says. */
class AgreementParserTest {

    private static void assertMessageHas(RecordError e, String... parts) {
        for (String part : parts) {
            assertTrue(e.message().contains(part), () -> "message lacks \"" + part + "\": " + e.message());
        }
    }

    @Nested
    class ValidRecords {
        @Test
        void everyFieldIsRead() {
            assertEquals(Fixtures.fullAgreement(), valid(Fixtures.FULL_AGREEMENT_JSON));
        }

        @Test
        void onlyAnIdIsNeeded() {
            assertEquals(Agreement.builder("DSA-1").build(), valid("{\"id\": \"DSA-1\"}"));
        }

        @Test
        void absentAndNullFieldsAreNotKnown() {
            StringBuilder b = new StringBuilder("{\"id\": \"DSA-1\"");
            for (String f : RecordValidator.AGREEMENT_FIELDS) {
                if (!f.equals("id")) {
                    b.append(", \"").append(f).append("\": null");
                }
            }
            assertEquals(Agreement.builder("DSA-1").build(), valid(b.append('}').toString()));
        }

        @Test
        void emptyPurposesAreNotKnownAndNotAnError() {
            Agreement a = valid("{\"id\": \"DSA-1\", \"purposes\": [], \"parties\": []}");
            assertEquals(List.of(), a.purposes());
            assertEquals(List.of(), a.parties());
        }

        @Test
        void blankInstructedByAndReferenceAreNotKnown() {
            Agreement a = valid("""
                    {"id": "DSA-1",
                     "parties": [{"name": "EMIS", "role": "PROCESSOR", "instructedBy": "  "}],
                     "legalRequirement": {"kind": "STATUTORY_DIRECTION", "reference": ""}}""");
            assertNull(a.parties().get(0).instructedBy());
            assertEquals(new LegalRequirement(RequirementKind.STATUTORY_DIRECTION, null, null), a.legalRequirement());
        }

        @Test
        void nullFieldsInsideObjectsAreNotKnown() {
            Agreement a = valid("""
                    {"id": "DSA-1",
                     "parties": [{"name": "EMIS", "kind": null, "role": null, "instructedBy": null, "directCareProvider": null}],
                     "legalRequirement": {"kind": null, "reference": null, "expiresOn": null},
                     "icbAssessment": {}}""");
            assertNull(a.parties().get(0).kind());
            assertNull(a.legalRequirement().kind());
            assertNull(a.icbAssessment().status());
        }

        @Test
        void enumValuesMatchIgnoringCase() {
            Agreement a = valid("""
                    {"id": "DSA-1", "status": "new_request", "article6Bases": ["e", "A"], "article9Conditions": ["j"],
                     "parties": [{"name": "X", "kind": "University"}], "legalRequirement": {"kind": "none"}}""");
            assertEquals(Status.NEW_REQUEST, a.status());
            assertEquals(List.of(Article6Basis.E, Article6Basis.A), a.article6Bases());
            assertEquals(List.of(Article9Condition.J), a.article9Conditions());
            assertEquals(PartyKind.UNIVERSITY, a.parties().get(0).kind());
            assertEquals(LegalRequirement.none(), a.legalRequirement());
        }

        @Test
        void repeatedListValuesCountOnce() {
            Agreement a = valid("{\"id\": \"DSA-1\", \"purposes\": [\"RESEARCH\", \"research\", \"DIRECT_CARE\", \"RESEARCH\"],"
                    + " \"article6Bases\": [\"E\", \"e\"]}");
            assertEquals(List.of(Purpose.RESEARCH, Purpose.DIRECT_CARE), a.purposes());
            assertEquals(List.of(Article6Basis.E), a.article6Bases());
        }

        @Test
        void idIsStrippedOfSurroundingWhiteSpace() {
            assertEquals("DSA-1", valid("{\"id\": \"  DSA-1\\t\"}").id());
        }

        @ParameterizedTest
        @ValueSource(strings = {"2024-02-29", "2000-02-29", "2026-12-31", "0001-01-01"})
        void realDatesAreRead(String date) {
            assertEquals(LocalDate.parse(date), valid("{\"id\": \"D\", \"signedOn\": \"" + date + "\"}").signedOn());
        }

        @Test
        void theParserCanBeUsedOnATreeBuiltElsewhere() {
            // as a CSV reader would: a tree built from a row, not from JSON text
            ObjectNode row = new ObjectMapper().createObjectNode();
            row.put("id", "CSV-1").put("status", "EXISTING").putArray("purposes").add("RESEARCH");
            RegisterEntry e = new RecordValidator().validate(row, 7);
            assertEquals(7, e.index());
            Agreement a = assertInstanceOf(RegisterEntry.Valid.class, e).agreement();
            assertEquals(List.of(Purpose.RESEARCH), a.purposes());
        }

        @Test
        void exactlyOneThousandPartiesAndPurposesAreAllowed() {
            StringBuilder parties = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                parties.append(i == 0 ? "" : ",").append("{\"name\": \"P").append(i).append("\"}");
            }
            String purposes = String.join(",", Collections.nCopies(1000, "\"RESEARCH\""));
            Agreement a = valid("{\"id\": \"D\", \"parties\": [" + parties + "], \"purposes\": [" + purposes + "]}");
            assertEquals(1000, a.parties().size());
            assertEquals(List.of(Purpose.RESEARCH), a.purposes());
        }
    }

    @Nested
    class Ids {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "{\"title\": \"no id\"}                 | missing",
            "{\"id\": null}                         | null",
            "{\"id\": \"\"}                         | blank",
            "{\"id\": \"   \"}                      | blank",
            "{\"id\": 5}                            | the number 5",
            "{\"id\": [\"DSA-1\"]}                  | a list",
        })
        void aRecordWithoutAUsableIdIsAnError(String record, String found) {
            RecordError e = error(record);
            assertEquals(0, e.index());
            assertNull(e.dsaId());
            assertEquals("id", e.field());
            assertMessageHas(e, "id: ", found, "non-blank string");
        }

        @Test
        void aDuplicateIdIsAnErrorNamingTheFirstRecord() {
            List<RegisterEntry> all = entries("""
                    [{"id": "DSA-1"}, {"id": "DSA-2"}, {"id": " DSA-1 ", "title": "again"}, {"id": "DSA-1"}, {"id": "dsa-1"}]""");
            assertEquals(5, all.size());
            assertInstanceOf(RegisterEntry.Valid.class, all.get(0));
            assertInstanceOf(RegisterEntry.Valid.class, all.get(1));
            for (int i : new int[] {2, 3}) {
                RecordError e = assertInstanceOf(RegisterEntry.Invalid.class, all.get(i)).error();
                assertEquals(i, e.index());
                assertEquals("DSA-1", e.dsaId());
                assertEquals("id", e.field());
                assertMessageHas(e, "duplicate id \"DSA-1\": already used by the record at index 0");
            }
            // ids compare exactly: another case is another id
            assertInstanceOf(RegisterEntry.Valid.class, all.get(4));
        }

        @Test
        void aRecordInErrorStillClaimsItsId() {
            List<RegisterEntry> all = entries("[{\"id\": \"DSA-1\", \"status\": \"bad\"}, {\"id\": \"DSA-1\"}]");
            RecordError second = assertInstanceOf(RegisterEntry.Invalid.class, all.get(1)).error();
            assertMessageHas(second, "index 0");
        }

        @Test
        void aMissingIdIsNoticedAtTheEndOfTheRecord() {
            RecordError e = error("{\"status\": \"EXSTING\"}");
            assertEquals("status", e.field());
            assertMessageHas(e, "also bad: id");
        }
    }

    @Nested
    class WrongTypes {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            // field           | value              | expected                               | found
            "commercialAccess  | \"true\"           | expected true, false or null           | found the string \"true\"",
            "dpiaProvided      | 1                  | expected true, false or null           | found the number 1",
            "title             | 5                  | expected a string or null              | found the number 5",
            "notes             | true               | expected a string or null              | found the boolean true",
            "requestedBy       | {}                 | expected a string or null              | found an object",
            "purposes          | \"RESEARCH\"       | expected a list of values from DIRECT_CARE, RESEARCH | found the string \"RESEARCH\"",
            "purposes          | {}                 | expected a list                        | found an object",
            "parties           | {\"name\": \"X\"}  | expected a list of parties, or null    | found an object",
            "status            | [\"EXISTING\"]     | expected one of NEW_REQUEST, EXISTING, or null | found a list",
            "signedOn          | 20260101           | expected a YYYY-MM-DD date as a string, or null | found the number 20260101",
            "legalRequirement  | \"NONE\"           | expected an object {kind, reference, expiresOn}, or null | found the string \"NONE\"",
            "icbAssessment     | []                 | expected an object {status, conclusion, requestedOn, receivedOn} | found a list",
            "article6Bases     | \"E\"              | expected a list of values from A, B, C, D, E, F, or null | found the string \"E\"",
        })
        void aValueOfTheWrongJsonTypeIsAnError(String field, String value, String expected, String found) {
            RecordError e = error("{\"id\": \"DSA-1\", \"" + field + "\": " + value + "}");
            assertEquals("DSA-1", e.dsaId());
            assertEquals(field, e.field());
            assertMessageHas(e, field + ": " + expected, found);
        }

        @Test
        void theExampleOfTheBrief() {
            RecordError e = error("{\"id\": \"DSA-1\", \"commercialAccess\": \"true\"}");
            assertEquals("commercialAccess: expected true, false or null; found the string \"true\"", e.message());
        }

        @Test
        void wrongTypesInsideObjectsAndLists() {
            assertEquals("parties[0].directCareProvider",
                    error("{\"id\": \"D\", \"parties\": [{\"name\": \"X\", \"directCareProvider\": \"yes\"}]}").field());
            assertEquals("parties[0].instructedBy",
                    error("{\"id\": \"D\", \"parties\": [{\"name\": \"X\", \"instructedBy\": 1}]}").field());
            assertEquals("legalRequirement.reference",
                    error("{\"id\": \"D\", \"legalRequirement\": {\"reference\": [\"s254\"]}}").field());
            assertEquals("purposes[1]", error("{\"id\": \"D\", \"purposes\": [\"RESEARCH\", 3]}").field());
            RecordError party = error("{\"id\": \"D\", \"parties\": [\"EMIS\"]}");
            assertEquals("parties[0]", party.field());
            assertMessageHas(party, "expected a party", "found the string \"EMIS\"");
        }
    }

    @Nested
    class Enums {
        @Test
        void anUnknownValueNamesTheAllowedValues() {
            RecordError e = error("{\"id\": \"DSA-1\", \"status\": \"EXSTING\"}");
            assertEquals("status", e.field());
            assertEquals("status: \"EXSTING\" is not one of NEW_REQUEST, EXISTING (did you mean EXISTING?); leave it empty if not known", e.message());
        }

        @Test
        void everyAllowedValueIsNamed() {
            RecordError e = error("{\"id\": \"D\", \"parties\": [{\"name\": \"X\", \"kind\": \"COMPANY\"}]}");
            assertEquals("parties[0].kind", e.field());
            for (PartyKind k : PartyKind.values()) {
                assertMessageHas(e, k.name());
            }
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "{\"practiceRole\": \"OWNER\"}                                    | practiceRole                 | CONTROLLER, JOINT_CONTROLLER, PROCESSOR",
            "{\"parties\": [{\"name\": \"X\", \"role\": \"OWNER\"}]}          | parties[0].role              | SUB_PROCESSOR, RECIPIENT",
            "{\"purposes\": [\"DIRECT_CARE\", \"MARKETING\"]}                 | purposes[1]                  | OTHER_SECONDARY",
            "{\"legalRequirement\": {\"kind\": \"S251\"}}                     | legalRequirement.kind        | NONE, STATUTORY_DIRECTION",
            "{\"article6Bases\": [\"G\"]}                                     | article6Bases[0]             | A, B, C, D, E, F",
            "{\"article9Conditions\": [\"K\"]}                                | article9Conditions[0]        | A, B, C, D, E, F, G, H, I, J",
            "{\"commonLawBasis\": \"CONSENT\"}                                | commonLawBasis               | EXPLICIT_CONSENT, SECTION_251_SUPPORT",
            "{\"identifiability\": \"ANONYMISED\"}                            | identifiability              | ANONYMISED_AGGREGATE",
            "{\"icbAssessment\": {\"status\": \"SENT\"}}                      | icbAssessment.status         | NOT_REQUESTED, REQUESTED, RECEIVED",
            "{\"icbAssessment\": {\"conclusion\": \"OK\"}}                    | icbAssessment.conclusion     | NECESSARY_AND_LAWFUL",
            "{\"lmcAdvice\": \"MAYBE\"}                                       | lmcAdvice                    | KEEP, WITHDRAW, NONE",
            "{\"status\": \"\"}                                               | status                       | NEW_REQUEST, EXISTING",
        })
        void everyEnumFieldIsChecked(String fields, String path, String allowed) {
            RecordError e = error("{\"id\": \"D\", " + fields.substring(1));
            assertEquals(path, e.field());
            assertMessageHas(e, path + ": ", "is not one of", allowed);
        }

        @Test
        void aSingleLetterIsNotSuggestedForAnotherLetter() {
            assertFalse(error("{\"id\": \"D\", \"article6Bases\": [\"G\"]}").message().contains("did you mean"));
        }
    }

    @Nested
    class Dates {
        @ParameterizedTest
        @ValueSource(strings = {"2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-1-5", "01/02/2026",
            "2026-01-01T00:00:00", " 2026-01-01", "", "20260101", "2026-０1-01"})
        void aDateThatIsNotARealYyyyMmDdDateIsAnError(String date) {
            RecordError e = error("{\"id\": \"D\", \"signedOn\": \"" + date + "\"}");
            assertEquals("signedOn", e.field());
            assertMessageHas(e, "is not a real YYYY-MM-DD date; leave it empty if not known");
        }

        @Test
        void theExampleOfTheBrief() {
            assertEquals("signedOn: \"2026-02-30\" is not a real YYYY-MM-DD date; leave it empty if not known",
                    error("{\"id\": \"D\", \"signedOn\": \"2026-02-30\"}").message());
        }

        @ParameterizedTest
        @ValueSource(strings = {"reviewDue", "commonLawBasisExpires"})
        void everyDateFieldIsChecked(String field) {
            assertEquals(field, error("{\"id\": \"D\", \"" + field + "\": \"2026-04-31\"}").field());
        }

        @Test
        void nestedDatesAreChecked() {
            assertEquals("legalRequirement.expiresOn",
                    error("{\"id\": \"D\", \"legalRequirement\": {\"kind\": \"COPI_NOTICE\", \"expiresOn\": \"30/06/2022\"}}").field());
            assertEquals("icbAssessment.requestedOn",
                    error("{\"id\": \"D\", \"icbAssessment\": {\"requestedOn\": \"2026-02-29\"}}").field());
            assertEquals("icbAssessment.receivedOn",
                    error("{\"id\": \"D\", \"icbAssessment\": {\"receivedOn\": 2026}}").field());
        }
    }

    @Nested
    class Parties {
        @Test
        void aPartyWithoutANameIsAnError() {
            RecordError e = error("{\"id\": \"D\", \"parties\": [{\"name\": \"A\"}, {\"kind\": \"ICB\", \"role\": \"RECIPIENT\"}]}");
            assertEquals("D", e.dsaId());
            assertEquals("parties[1].name", e.field());
            assertMessageHas(e, "missing", "every party needs a name");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "\"\"     | blank",
            "\"  \"   | blank",
            "null     | null",
            "42       | found the number 42",
        })
        void aPartyWithABlankOrBadNameIsAnError(String name, String problem) {
            RecordError e = error("{\"id\": \"D\", \"parties\": [{\"name\": " + name + ", \"kind\": \"ICB\"}]}");
            assertEquals("parties[0].name", e.field());
            assertMessageHas(e, problem);
        }

        @Test
        void moreThanOneThousandPartiesIsAnErrorForThatRecordOnly() {
            StringBuilder parties = new StringBuilder();
            for (int i = 0; i <= 1000; i++) {
                parties.append(i == 0 ? "" : ",").append("{\"name\": \"P").append(i).append("\"}");
            }
            List<RegisterEntry> all = entries("[{\"id\": \"BIG\", \"parties\": [" + parties + "]}, {\"id\": \"SMALL\"}]");
            RecordError e = assertInstanceOf(RegisterEntry.Invalid.class, all.get(0)).error();
            assertEquals("parties", e.field());
            assertEquals("BIG", e.dsaId());
            assertMessageHas(e, "more than 1,000 parties", "1,001");
            assertInstanceOf(RegisterEntry.Valid.class, all.get(1));
        }
    }

    @Nested
    class Lists {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "{\"purposes\": [\"RESEARCH\", null]}                 | purposes[1]",
            "{\"parties\": [null]}                                | parties[0]",
            "{\"article6Bases\": [\"A\", \"B\", null]}            | article6Bases[2]",
            "{\"article9Conditions\": [null, \"H\"]}              | article9Conditions[0]",
        })
        void nullInsideAListIsAnError(String fields, String path) {
            RecordError e = error("{\"id\": \"D\", " + fields.substring(1));
            assertEquals(path, e.field());
            assertMessageHas(e, path + ": null is not allowed inside a list");
        }

        @Test
        void moreThanOneThousandPurposesIsAnErrorForThatRecordOnly() {
            String purposes = String.join(",", Collections.nCopies(1001, "\"RESEARCH\""));
            List<RegisterEntry> all = entries("[{\"id\": \"OK\"}, {\"id\": \"BIG\", \"purposes\": [" + purposes + "]}]");
            RecordError e = assertInstanceOf(RegisterEntry.Invalid.class, all.get(1)).error();
            assertEquals(1, e.index());
            assertEquals("purposes", e.field());
            assertMessageHas(e, "more than 1,000 purposes");
            assertInstanceOf(RegisterEntry.Valid.class, all.get(0));
        }
    }

    @Nested
    class UnknownFields {
        @Test
        void aTypoIsAnErrorSuggestingTheField() {
            RecordError e = error("{\"id\": \"DSA-1\", \"comercialAccess\": true}");
            assertEquals("comercialAccess", e.field());
            assertEquals("DSA-1", e.dsaId());
            assertEquals("comercialAccess: not a field of an agreement (did you mean commercialAccess?)", e.message());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "{\"parties\": [{\"name\": \"X\", \"nmae\": \"Y\"}]}         | parties[0].nmae             | a party                | name",
            "{\"parties\": [{\"name\": \"X\", \"instructed_by\": \"P\"}]} | parties[0].instructed_by    | a party                | instructedBy",
            "{\"legalRequirement\": {\"kind\": \"NONE\", \"refernce\": \"x\"}} | legalRequirement.refernce | legalRequirement    | reference",
            "{\"icbAssessment\": {\"conclusoin\": \"DECLINED\"}}         | icbAssessment.conclusoin    | icbAssessment          | conclusion",
            "{\"Status\": \"EXISTING\"}                                  | Status                      | an agreement           | status",
            "{\"article6Basis\": [\"E\"]}                                | article6Basis               | an agreement           | article6Bases",
        })
        void unknownFieldsAreErrorsEverywhere(String fields, String path, String what, String suggestion) {
            RecordError e = error("{\"id\": \"D\", " + fields.substring(1));
            assertEquals(path, e.field());
            assertMessageHas(e, path + ": not a field of " + what, "(did you mean " + suggestion + "?)");
        }

        @Test
        void withoutANearNameTheFieldsAreListed() {
            RecordError e = error("{\"id\": \"D\", \"parties\": [{\"name\": \"X\", \"website\": \"x\"}]}");
            assertEquals("parties[0].website", e.field());
            assertMessageHas(e, "not a field of a party; its fields are name, kind, role, instructedBy, directCareProvider");
        }

        @Test
        void aFieldGivenTwiceIsAnError() {
            RecordError e = error("{\"id\": \"D\", \"commercialAccess\": true, \"title\": \"t\", \"commercialAccess\": null}");
            assertEquals("commercialAccess", e.field());
            assertMessageHas(e, "more than once");
            RecordError id = error("{\"id\": \"D\", \"id\": \"E\"}");
            assertEquals("id", id.field());
            assertNull(id.dsaId());
        }
    }

    @Nested
    class OneErrorPerRecord {
        @Test
        void theFirstBadFieldInDocumentOrderIsNamedAndTheOthersListed() {
            RecordError e = error("""
                    {"id": "DSA-9", "title": "ok", "signedOn": "2026-02-30",
                     "parties": [{"name": "A"}, {"name": "B", "role": "BOSS"}, {"name": "C", "kind": "THING"}],
                     "purposes": ["RESEARCH", null], "comercialAccess": true, "status": "OLD"}""");
            assertEquals(0, e.index());
            assertEquals("DSA-9", e.dsaId());
            assertEquals("signedOn", e.field());
            assertTrue(e.message().startsWith("signedOn: \"2026-02-30\" is not a real YYYY-MM-DD date; leave it empty if not known"), e.message());
            assertTrue(e.message().endsWith(
                    "; also bad: parties[1].role, parties[2].kind, purposes[1], comercialAccess, status"), e.message());
        }

        @Test
        void theOrderIsTheDocumentsNotTheFormats() {
            assertEquals("status", error("{\"status\": \"x\", \"id\": \"D\", \"title\": 5}").field());
            assertEquals("title", error("{\"title\": 5, \"id\": \"D\", \"status\": \"x\"}").field());
        }

        @Test
        void aLongListOfBadFieldsIsCutShort() {
            String purposes = String.join(",", Collections.nCopies(30, "\"NOPE\""));
            RecordError e = error("{\"id\": \"D\", \"purposes\": [" + purposes + "]}");
            assertEquals("purposes[0]", e.field());
            assertMessageHas(e, "purposes[10]", "and 19 more");
            assertFalse(e.message().contains("purposes[11]"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "\"DSA-1\"    | found the string \"DSA-1\"",
            "42           | found the number 42",
            "null         | found null",
            "[]           | found a list",
            "false        | found the boolean false",
        })
        void aRecordThatIsNotAnObjectIsAnError(String record, String found) {
            RecordError e = error(record);
            assertEquals(0, e.index());
            assertNull(e.dsaId());
            assertNull(e.field());
            assertEquals("an agreement must be a JSON object; " + found, e.message());
        }

        @Test
        void longOrMultiLineValuesStayOnOneShortLine() {
            String value = "line one\nline two \"quoted\" " + "x".repeat(500);
            RecordError e = error("{\"id\": \"D\", \"status\": \"" + value.replace("\n", "\\n").replace("\"", "\\\"") + "\"}");
            assertTrue(e.message().length() < 250, e.message());
            assertMessageHas(e, "line one\\nline two \\\"quoted\\\"", "...");
            RecordError name = error("{\"id\": \"D\", \"bad\\nname\": 1}");
            assertEquals("bad\\nname", name.field());
        }
    }
}
