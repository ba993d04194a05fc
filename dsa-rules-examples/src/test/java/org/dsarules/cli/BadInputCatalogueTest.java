package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue of bad input, one case a test, through the real command line
 * ({@code dsa-audit audit FILE --format json --as-of 2026-06-15}), as {@code record-format.md}
 * ("Validation: what is an error, what is not known") says each must behave:
 * <ul>
 * <li>the whole input fails: exit 2, one line on standard error naming the file and the problem;</li>
 * <li>one record is bad: exit 1, that record in {@code errors} with its index, id, field and a message
 * that says what is allowed, every other record still decided, the counts adding up to the input.</li>
 * </ul>
 * Standard error never holds a stack trace or a Java class name.
 */
class BadInputCatalogueTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String AS_OF = "2026-06-15";
    private static final List<String> OUTCOME_KEYS =
            List.of("KEEP", "WITHDRAW", "REFER_TO_BMA", "ASK_ICB_FOR_INFORMATION", "ERROR");
    /** A record every rule set decides: a direct-care agreement the practice has signed. */
    private static final String GOOD = "{\"id\": \"GOOD\", \"status\": \"EXISTING\", \"purposes\": [\"DIRECT_CARE\"]}";

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- helpers

    private static AuditCommandTest.Run audit(Path file) {
        return AuditCommandTest.run("audit", file.toString(), "--format", "json", "--as-of", AS_OF);
    }

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    /** Standard error has no stack trace and no Java or Jackson class name. */
    private static void assertNoJavaOnStderr(AuditCommandTest.Run r) {
        String err = r.err();
        for (String forbidden : List.of("Exception", "org.", "com.fasterxml", "\tat ", "java.", "Caused by")) {
            assertFalse(err.contains(forbidden), "standard error shows '" + forbidden + "': " + err);
        }
    }

    /** The whole input failed: exit 2, nothing on standard output, one plain line naming the file. */
    private static String assertWholeInputFails(AuditCommandTest.Run r, Path file) {
        assertEquals(2, r.status(), "exit status; stderr: " + r.err());
        assertNoJavaOnStderr(r);
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), "one line on standard error: " + r.err());
        String line = lines.get(0);
        assertTrue(line.startsWith("dsa-audit: "), line);
        assertTrue(line.contains(file.toString()), "the message names the file: " + line);
        assertEquals("", r.out(), "no decision document");
        return line;
    }

    /**
     * Some records are in error: exit 1, standard error clean, and a decision document whose decisions
     * plus errors are the input count and whose summary agrees.
     */
    private static JsonNode assertRecordsInError(AuditCommandTest.Run r, int inputCount) throws IOException {
        assertEquals(1, r.status(), "exit status; stderr: " + r.err());
        assertNoJavaOnStderr(r);
        assertTrue(r.err().strip().lines().count() <= 1, "at most one line on standard error: " + r.err());
        JsonNode doc = MAPPER.readTree(r.out());
        assertCountsAddUp(doc, inputCount);
        assertTrue(doc.get("errors").size() > 0, "some record is in error");
        return doc;
    }

    private static void assertCountsAddUp(JsonNode doc, int inputCount) {
        JsonNode summary = doc.get("summary");
        int total = 0;
        for (String k : OUTCOME_KEYS) {
            assertNotNull(summary.get(k), "summary has " + k + ": " + summary);
            total += summary.get(k).asInt();
        }
        assertEquals(inputCount, total, "summary adds up to the input count: " + summary);
        assertEquals(inputCount, doc.get("decisions").size() + doc.get("errors").size(),
                "every record is decided or in error, once");
        assertEquals(doc.get("errors").size(), summary.get("ERROR").asInt());
    }

    /** The only error of a document of {@code inputCount} records. */
    private static JsonNode onlyError(AuditCommandTest.Run r, int inputCount) throws IOException {
        JsonNode doc = assertRecordsInError(r, inputCount);
        assertEquals(1, doc.get("errors").size(), doc.get("errors").toString());
        return doc.get("errors").get(0);
    }

    /** A register of one bad record (at index 0) followed by the good one (at index 1). */
    private JsonNode badThenGood(String badRecord) throws IOException {
        Path f = write("register.json", "{\"agreements\": [" + badRecord + ", " + GOOD + "]}");
        AuditCommandTest.Run r = audit(f);
        JsonNode doc = assertRecordsInError(r, 2);
        assertEquals(1, doc.get("decisions").size(), "the good record is still decided: " + r.out());
        assertEquals("GOOD", doc.get("decisions").get(0).get("dsaId").asText());
        assertEquals(1, doc.get("errors").size(), doc.get("errors").toString());
        JsonNode e = doc.get("errors").get(0);
        assertEquals(0, e.get("index").asInt());
        return e;
    }

    private static void assertError(JsonNode e, String dsaId, String field, String... inMessage) {
        if (dsaId == null) {
            assertTrue(e.get("dsaId") == null || e.get("dsaId").isNull(), "no id: " + e);
        } else {
            assertEquals(dsaId, e.get("dsaId").asText(), e.toString());
        }
        if (field == null) {
            assertTrue(e.get("field") == null || e.get("field").isNull(), "no field: " + e);
        } else {
            assertEquals(field, e.get("field").asText(), e.toString());
        }
        String message = e.get("message").asText();
        for (String s : inMessage) {
            assertTrue(message.contains(s), "message should contain '" + s + "': " + message);
        }
        assertFalse(message.contains("\n"), "one-line message: " + message);
        assertFalse(message.contains("Exception") || message.contains("com.fasterxml"), message);
    }

    // ---------------------------------------------------------------- not JSON, not a register

    @Test
    void malformedJsonGivesLineAndColumn() throws IOException {
        Path f = write("malformed.json", "{\"agreements\": [\n  {\"id\": \"A\",, }\n]}");
        String line = assertWholeInputFails(audit(f), f);
        assertTrue(line.contains("not valid JSON"), line);
        assertTrue(line.contains("line 2, column "), "line and column of the fault: " + line);
    }

    @Test
    void truncatedJsonFailsAsAWhole() throws IOException {
        Path f = write("truncated.json", "{\"agreements\": [" + GOOD + ",");
        String line = assertWholeInputFails(audit(f), f);
        assertTrue(line.contains("not valid JSON at line 1, column "), line);
    }

    @Test
    void moreJsonAfterTheRegisterFailsAsAWhole() throws IOException {
        Path f = write("trailing.json", "{\"agreements\": []} {\"agreements\": []}");
        String line = assertWholeInputFails(audit(f), f);
        assertTrue(line.contains("more JSON after the end of the register"), line);
    }

    @Test
    void anEmptyFileIsNotARegister() throws IOException {
        Path f = write("empty-file.json", "");
        String line = assertWholeInputFails(audit(f), f);
        assertTrue(line.contains("the input is empty"), line);
    }

    @Test
    void topLevelStringIsNotARegister() throws IOException {
        Path f = write("string.json", "\"agreements\"");
        String line = assertWholeInputFails(audit(f), f);
        assertTrue(line.contains("a register is an object with \"agreements\" or an array of agreements"), line);
        assertTrue(line.contains("found the string \"agreements\""), line);
    }

    @Test
    void topLevelNumberIsNotARegister() throws IOException {
        Path f = write("number.json", "42");
        String line = assertWholeInputFails(audit(f), f);
        assertTrue(line.contains("found the number 42"), line);
    }

    @Test
    void topLevelNullOrBooleanIsNotARegister() throws IOException {
        Path n = write("null.json", "null");
        assertTrue(assertWholeInputFails(audit(n), n).contains("found null"));
        Path b = write("true.json", "true");
        assertTrue(assertWholeInputFails(audit(b), b).contains("found the boolean true"));
    }

    @Test
    void anObjectWithoutAgreementsIsNotARegister() throws IOException {
        Path f = write("no-agreements.json", "{\"practice\": {\"name\": \"P\"}, \"agreement\": []}");
        String line = assertWholeInputFails(audit(f), f);
        assertTrue(line.contains("an object without \"agreements\""), line);
    }

    @Test
    void agreementsThatIsNotAListFailsAsAWhole() throws IOException {
        Path obj = write("agreements-object.json", "{\"agreements\": {\"id\": \"A\"}}");
        assertTrue(assertWholeInputFails(audit(obj), obj)
                .contains("\"agreements\" must be a list of agreements; found an object"));
        Path str = write("agreements-string.json", "{\"agreements\": \"A, B\"}");
        assertTrue(assertWholeInputFails(audit(str), str).contains("found the string \"A, B\""));
        Path nul = write("agreements-null.json", "{\"agreements\": null}");
        assertTrue(assertWholeInputFails(audit(nul), nul).contains("found null"));
    }

    @Test
    void agreementsGivenTwiceFailsAsAWhole() throws IOException {
        Path f = write("twice.json", "{\"agreements\": [], \"agreements\": []}");
        assertTrue(assertWholeInputFails(audit(f), f).contains("\"agreements\" is given more than once"));
    }

    @Test
    void practiceOfTheWrongTypeFailsAsAWhole() throws IOException {
        Path f = write("practice.json", "{\"practice\": \"Riverside\", \"agreements\": [" + GOOD + "]}");
        String line = assertWholeInputFails(audit(f), f);
        assertTrue(line.contains("\"practice\" must be an object {odsCode, name, icb}; found the string \"Riverside\""),
                line);
        Path g = write("practice-name.json", "{\"practice\": {\"name\": 7}, \"agreements\": [" + GOOD + "]}");
        assertTrue(assertWholeInputFails(audit(g), g).contains("\"practice.name\" must be a string or null"));
    }

    @Test
    void otherTopLevelKeysAreIgnored() throws IOException {
        Path f = write("schema.json", "{\"$schema\": \"https://example.org/x\", \"asOf\": 5, \"agreements\": [" + GOOD + "]}");
        AuditCommandTest.Run r = audit(f);
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        assertCountsAddUp(MAPPER.readTree(r.out()), 1);
    }

    // ---------------------------------------------------------------- files

    @Test
    void aFileThatDoesNotExist() {
        Path f = dir.resolve("nope.json");
        String line = assertWholeInputFails(audit(f), f);
        assertTrue(line.endsWith(": no such file"), line);
    }

    @Test
    void aDirectoryGivenAsFile() {
        // A folder is a set of registers, one per practice (issue 13); one holding none is refused.
        String line = assertWholeInputFails(audit(dir), dir);
        assertTrue(line.contains("the folder holds no register (.json, .csv or .xlsx file)"), line);
    }

    @Test
    void aFileThatIsNotUtf8() throws IOException {
        Path f = dir.resolve("latin1.json");
        // "café" in ISO-8859-1: 0xE9 alone is not UTF-8.
        Files.write(f, ("{\"agreements\": [{\"id\": \"A\", \"title\": \"caf\u00e9\"}]}").getBytes(StandardCharsets.ISO_8859_1));
        String line = assertWholeInputFails(audit(f), f);
        assertTrue(line.contains("not UTF-8"), line);
        assertTrue(line.contains("save it as UTF-8"), "says what to do: " + line);
    }

    @Test
    void aFileThatStopsBeingUtf8PartWayIsStillRefusedAsAWhole() throws IOException {
        // The bad byte far beyond the first buffer the reader fills.
        StringBuilder b = new StringBuilder("{\"agreements\": [");
        for (int i = 0; i < 300; i++) {
            b.append("{\"id\": \"R").append(i).append("\", \"notes\": \"").append("n".repeat(100)).append("\"},");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(b.toString().getBytes(StandardCharsets.UTF_8));
        bytes.write("{\"id\": \"L\", \"title\": \"caf\u00e9\"}]}".getBytes(StandardCharsets.ISO_8859_1));
        Path f = dir.resolve("late-latin1.json");
        Files.write(f, bytes.toByteArray());
        AuditCommandTest.Run r = audit(f);
        assertEquals(2, r.status(), r.err());
        assertNoJavaOnStderr(r);
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("not UTF-8"), r.err());
    }

    @Test
    void aUtf16FileIsNotUtf8() throws IOException {
        Path f = dir.resolve("utf16.json");
        Files.write(f, ("{\"agreements\": [" + GOOD + "]}").getBytes(StandardCharsets.UTF_16));
        assertTrue(assertWholeInputFails(audit(f), f).contains("not UTF-8"));
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws IOException {
        Path f = write("bom.json", "\uFEFF{\"agreements\": [" + GOOD + "]}");
        AuditCommandTest.Run r = audit(f);
        assertEquals(0, r.status(), r.err());
        assertCountsAddUp(MAPPER.readTree(r.out()), 1);
    }

    // ---------------------------------------------------------------- empty register

    @Test
    void anEmptyRegisterIsAnEmptyDocumentAndAOneLineWarning() throws IOException {
        for (String content : List.of("{\"agreements\": []}", "[]")) {
            Path f = write("empty.json", content);
            AuditCommandTest.Run r = audit(f);
            assertEquals(0, r.status(), r.err());
            assertNoJavaOnStderr(r);
            List<String> lines = r.err().strip().lines().toList();
            assertEquals(1, lines.size(), r.err());
            assertTrue(lines.get(0).contains("warning") && lines.get(0).contains(f.toString())
                    && lines.get(0).contains("no agreements"), lines.get(0));
            JsonNode doc = MAPPER.readTree(r.out());
            assertEquals(0, doc.get("decisions").size());
            assertEquals(0, doc.get("errors").size());
            assertCountsAddUp(doc, 0);
            assertEquals(AS_OF, doc.get("knowledgeBase").get("asOf").asText());
        }
    }

    // ---------------------------------------------------------------- wrong JSON types inside records

    @Test
    void anAgreementThatIsANumberIsAnErrorForThatRecordOnly() throws IOException {
        JsonNode e = badThenGood("5");
        assertError(e, null, null, "an agreement must be a JSON object", "found the number 5");
    }

    @Test
    void anAgreementThatIsAStringOrAListIsAnErrorForThatRecordOnly() throws IOException {
        assertError(badThenGood("\"DSA-1\""), null, null, "found the string \"DSA-1\"");
        assertError(badThenGood("[]"), null, null, "found a list");
        assertError(badThenGood("null"), null, null, "found null");
    }

    @Test
    void aBooleanGivenAsAStringIsNotCoerced() throws IOException {
        JsonNode e = badThenGood("{\"id\": \"A\", \"commercialAccess\": \"true\"}");
        assertError(e, "A", "commercialAccess", "expected true, false or null", "found the string \"true\"");
    }

    @Test
    void aStringGivenAsANumberIsNotCoerced() throws IOException {
        assertError(badThenGood("{\"id\": \"A\", \"title\": 5}"), "A", "title", "expected a string or null",
                "found the number 5");
        assertError(badThenGood("{\"id\": 5}"), null, "id", "expected a non-blank string", "found the number 5");
    }

    @Test
    void aListFieldGivenAsAStringIsAnError() throws IOException {
        assertError(badThenGood("{\"id\": \"A\", \"purposes\": \"RESEARCH\"}"), "A", "purposes",
                "a list of values from DIRECT_CARE", "found the string \"RESEARCH\"");
        assertError(badThenGood("{\"id\": \"A\", \"parties\": {\"name\": \"Acme\"}}"), "A", "parties",
                "a list of parties", "found an object");
    }

    @Test
    void aPartyThatIsAStringIsAnError() throws IOException {
        JsonNode e = badThenGood("{\"id\": \"A\", \"parties\": [{\"name\": \"ICB\"}, \"Acme Analytics Ltd\"]}");
        assertError(e, "A", "parties[1]", "expected a party", "found the string \"Acme Analytics Ltd\"");
    }

    @Test
    void aListItemOfTheWrongTypeIsAnError() throws IOException {
        assertError(badThenGood("{\"id\": \"A\", \"purposes\": [\"RESEARCH\", 5]}"), "A", "purposes[1]",
                "one of DIRECT_CARE, RESEARCH", "found the number 5");
        assertError(badThenGood("{\"id\": \"A\", \"article6Bases\": [true]}"), "A", "article6Bases[0]",
                "found the boolean true");
    }

    @Test
    void nullInsideAListIsAnError() throws IOException {
        assertError(badThenGood("{\"id\": \"A\", \"purposes\": [\"RESEARCH\", null]}"), "A", "purposes[1]",
                "null is not allowed inside a list");
        assertError(badThenGood("{\"id\": \"A\", \"parties\": [null]}"), "A", "parties[0]",
                "null is not allowed inside a list");
    }

    @Test
    void legalRequirementGivenAsAStringIsAnError() throws IOException {
        JsonNode e = badThenGood("{\"id\": \"A\", \"legalRequirement\": \"COPI_NOTICE\"}");
        assertError(e, "A", "legalRequirement", "expected an object {kind, reference, expiresOn}",
                "found the string \"COPI_NOTICE\"");
    }

    @Test
    void icbAssessmentGivenAsAListIsAnError() throws IOException {
        assertError(badThenGood("{\"id\": \"A\", \"icbAssessment\": [\"RECEIVED\"]}"), "A", "icbAssessment",
                "expected an object {status, conclusion, requestedOn, receivedOn}", "found a list");
    }

    @Test
    void aNestedFieldOfTheWrongTypeIsAnError() throws IOException {
        assertError(badThenGood("{\"id\": \"A\", \"parties\": [{\"name\": \"N\", \"directCareProvider\": \"yes\"}]}"),
                "A", "parties[0].directCareProvider", "true, false or null", "found the string \"yes\"");
        assertError(badThenGood("{\"id\": \"A\", \"legalRequirement\": {\"kind\": \"COPI_NOTICE\", \"reference\": 3}}"),
                "A", "legalRequirement.reference", "a string or null");
    }

    // ---------------------------------------------------------------- enums, field names

    @Test
    void anUnknownEnumValueNamesTheAllowedOnes() throws IOException {
        JsonNode e = badThenGood("{\"id\": \"A\", \"status\": \"SIGNED\"}");
        assertError(e, "A", "status", "\"SIGNED\" is not one of NEW_REQUEST, EXISTING");
    }

    @Test
    void anUnknownEnumValueDeepInARecordNamesTheAllowedOnesAndTheNearestOne() throws IOException {
        JsonNode e = badThenGood("{\"id\": \"A\", \"parties\": [{\"name\": \"N\", \"role\": \"PROCESOR\"}]}");
        assertError(e, "A", "parties[0].role", "\"PROCESOR\" is not one of CONTROLLER, JOINT_CONTROLLER, PROCESSOR,",
                "SUB_PROCESSOR, RECIPIENT", "did you mean PROCESSOR?");
        assertError(badThenGood("{\"id\": \"A\", \"legalRequirement\": {\"kind\": \"DIRECTION\"}}"), "A",
                "legalRequirement.kind", "NONE, STATUTORY_DIRECTION, COPI_NOTICE, GP_CONTRACT, COURT_ORDER, OTHER_STATUTE");
        assertError(badThenGood("{\"id\": \"A\", \"article9Conditions\": [\"K\"]}"), "A", "article9Conditions[0]",
                "\"K\" is not one of A, B, C, D, E, F, G, H, I, J");
    }

    @Test
    void enumValuesAreMatchedIgnoringCase() throws IOException {
        Path f = write("case.json", "[{\"id\": \"A\", \"status\": \"existing\", \"purposes\": [\"direct_care\"]}]");
        AuditCommandTest.Run r = audit(f);
        assertEquals(0, r.status(), r.err());
        assertCountsAddUp(MAPPER.readTree(r.out()), 1);
    }

    @Test
    void aMisspelledFieldNameIsAnErrorThatSuggestsTheField() throws IOException {
        JsonNode e = badThenGood("{\"id\": \"A\", \"comercialAccess\": true}");
        assertError(e, "A", "comercialAccess", "not a field of an agreement", "did you mean commercialAccess?");
    }

    @Test
    void aFieldGivenTwiceIsAnError() throws IOException {
        JsonNode e = badThenGood("{\"id\": \"A\", \"commercialAccess\": false, \"commercialAccess\": true}");
        assertError(e, "A", "commercialAccess", "given more than once");
    }

    @Test
    void everyBadFieldOfARecordIsNamedInItsOneError() throws IOException {
        JsonNode e = badThenGood("{\"id\": \"A\", \"status\": \"SIGNED\", \"signedOn\": \"yesterday\", \"dpiaProvided\": 1}");
        assertError(e, "A", "status", "also bad: signedOn, dpiaProvided");
    }

    // ---------------------------------------------------------------- ids

    @Test
    void aMissingIdIsAnError() throws IOException {
        assertError(badThenGood("{\"title\": \"no id\", \"status\": \"EXISTING\"}"), null, "id",
                "missing; every agreement needs an id");
    }

    @Test
    void aBlankOrNullIdIsAnError() throws IOException {
        assertError(badThenGood("{\"id\": \"   \"}"), null, "id", "blank; every agreement needs an id");
        assertError(badThenGood("{\"id\": \"\"}"), null, "id", "blank");
        assertError(badThenGood("{\"id\": null}"), null, "id", "null; every agreement needs an id");
    }

    @Test
    void aDuplicateIdNamesTheFirstRecordsIndex() throws IOException {
        Path f = write("dups.json", "{\"agreements\": [" + GOOD + ", {\"id\": \"B\", \"status\": \"EXISTING\"}, "
                + "{\"id\": \"GOOD\", \"status\": \"NEW_REQUEST\"}, {\"id\": \"GOOD\"}]}");
        AuditCommandTest.Run r = audit(f);
        JsonNode doc = assertRecordsInError(r, 4);
        List<String> decided = new ArrayList<>();
        doc.get("decisions").forEach(d -> decided.add(d.get("dsaId").asText()));
        assertEquals(List.of("GOOD", "B"), decided, "the first record with the id is decided");
        JsonNode errors = doc.get("errors");
        assertEquals(2, errors.size());
        for (int i = 0; i < 2; i++) {
            JsonNode e = errors.get(i);
            assertEquals(2 + i, e.get("index").asInt());
            assertError(e, "GOOD", "id", "duplicate id \"GOOD\"", "already used by the record at index 0");
        }
    }

    // ---------------------------------------------------------------- dates, parties

    @Test
    void datesThatDoNotParseAreErrors() throws IOException {
        assertError(badThenGood("{\"id\": \"A\", \"signedOn\": \"2025-02-30\"}"), "A", "signedOn",
                "\"2025-02-30\" is not a real YYYY-MM-DD date");
        assertError(badThenGood("{\"id\": \"A\", \"reviewDue\": \"15/06/2026\"}"), "A", "reviewDue",
                "is not a real YYYY-MM-DD date");
        assertError(badThenGood("{\"id\": \"A\", \"commonLawBasisExpires\": \"2026-6-1\"}"), "A",
                "commonLawBasisExpires", "is not a real YYYY-MM-DD date");
        assertError(badThenGood("{\"id\": \"A\", \"legalRequirement\": {\"kind\": \"COPI_NOTICE\", \"expiresOn\": \"2022-06-31\"}}"),
                "A", "legalRequirement.expiresOn", "is not a real YYYY-MM-DD date");
        assertError(badThenGood("{\"id\": \"A\", \"icbAssessment\": {\"requestedOn\": 20260101}}"), "A",
                "icbAssessment.requestedOn", "a YYYY-MM-DD date as a string", "found the number 20260101");
    }

    @Test
    void aPartyWithoutANameIsAnError() throws IOException {
        assertError(badThenGood("{\"id\": \"A\", \"parties\": [{\"kind\": \"ICB\", \"role\": \"CONTROLLER\"}]}"), "A",
                "parties[0].name", "missing; every party needs a name");
        assertError(badThenGood("{\"id\": \"A\", \"parties\": [{\"name\": \"  \"}]}"), "A", "parties[0].name", "blank");
        assertError(badThenGood("{\"id\": \"A\", \"parties\": [{\"name\": null}]}"), "A", "parties[0].name", "null");
    }

    // ---------------------------------------------------------------- absurd sizes

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aTenMegabyteStringIsRefusedByTheParserLimit() throws IOException {
        Path f = dir.resolve("big-string.json");
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("{\"agreements\": [{\"id\": \"A\", \"notes\": \"");
            char[] chunk = "x".repeat(10_000).toCharArray();
            for (int i = 0; i < 1_000; i++) {
                w.write(chunk);
            }
            w.write("\"}]}");
        }
        String line = assertWholeInputFails(audit(f), f);
        assertTrue(line.contains("exceeds a parser limit: a string longer than 1,000,000 characters"), line);
        assertTrue(line.contains("at line 1, column "), line);
    }

    @Test
    void tenThousandDeepNestingIsRefusedByTheParserLimit() throws IOException {
        Path inRecord = write("deep.json",
                "{\"agreements\": [{\"id\": \"A\", \"notes\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}]}");
        String line = assertWholeInputFails(audit(inRecord), inRecord);
        assertTrue(line.contains("exceeds a parser limit: nesting deeper than 100"), line);

        Path bare = write("deep-bare.json", "[".repeat(10_000) + "]".repeat(10_000));
        assertTrue(assertWholeInputFails(audit(bare), bare).contains("nesting deeper than 100"));

        Path objects = write("deep-objects.json", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
        assertTrue(assertWholeInputFails(audit(objects), objects).contains("nesting deeper than 100"));
    }

    @Test
    void anAbsurdNumberOrFieldNameIsRefusedByTheParserLimit() throws IOException {
        Path number = write("long-number.json", "{\"agreements\": [{\"id\": \"A\", \"notes\": " + "9".repeat(5_000) + "}]}");
        assertTrue(assertWholeInputFails(audit(number), number)
                .contains("exceeds a parser limit: a number longer than 100 characters"));
        Path name = write("long-name.json", "{\"agreements\": [{\"id\": \"A\", \"" + "k".repeat(5_000) + "\": 1}]}");
        assertTrue(assertWholeInputFails(audit(name), name)
                .contains("exceeds a parser limit: a field name longer than 1,000 characters"));
    }

    /** Writes, streaming, a register of one record with {@code parties} small parties, then the good record. */
    private Path manyParties(int parties) throws IOException {
        Path f = dir.resolve("parties-" + parties + ".json");
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("{\"agreements\": [{\"id\": \"X\", \"status\": \"EXISTING\", \"parties\": [");
            for (int i = 0; i < parties; i++) {
                if (i > 0) {
                    w.write(',');
                }
                w.write("{\"name\":\"p\"}");
            }
            w.write("]}, ");
            w.write(GOOD);
            w.write("]}");
        }
        return f;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRecordWithAMillionPartiesIsAnErrorForThatRecordOnly() throws IOException {
        Path f = manyParties(1_000_000);
        AuditCommandTest.Run r = audit(f);
        JsonNode doc = assertRecordsInError(r, 2);
        assertEquals(1, doc.get("decisions").size());
        assertEquals("GOOD", doc.get("decisions").get(0).get("dsaId").asText());
        JsonNode e = doc.get("errors").get(0);
        assertEquals(0, e.get("index").asInt());
        assertError(e, "X", "parties", "more than 1,000 parties (1,000,000)", "at most 1,000");
    }

    @Test
    void aThousandPurposesAreTheLimitAndOneMoreIsAnError() throws IOException {
        String many = String.join(",", java.util.Collections.nCopies(1_001, "\"RESEARCH\""));
        assertError(badThenGood("{\"id\": \"A\", \"purposes\": [" + many + "]}"), "A", "purposes",
                "more than 1,000 purposes (1,001)");
    }

    /**
     * The same million-party register in a JVM of 128 MB: refusing an over-long list must not need memory in
     * proportion to it. The reader builds the whole record as a tree before it counts the parties, so today the
     * run needs about 300 MB of heap and dies with an OutOfMemoryError and a stack trace.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aMillionPartiesAreRefusedInASmallHeap() throws Exception {
        Path f = manyParties(1_000_000);
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(javaBin.toString(), "-Xmx128m", "-cp", classPath,
                DsaAudit.class.getName(), "audit", f.toString(), "--format", "json", "--as-of", AS_OF);
        Path out = dir.resolve("small-heap.out");
        Path err = dir.resolve("small-heap.err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(100, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the audit did not finish");
        }
        AuditCommandTest.Run r = new AuditCommandTest.Run(p.exitValue(), Files.readString(out), Files.readString(err));
        assertFalse(r.err().contains("OutOfMemoryError"), r.err());
        JsonNode doc = assertRecordsInError(r, 2);
        assertEquals("GOOD", doc.get("decisions").get(0).get("dsaId").asText());
        assertError(doc.get("errors").get(0), "X", "parties", "more than 1,000 parties");
    }

    // ---------------------------------------------------------------- a mixed register

    @Test
    void inAMixedRegisterTheGoodRecordsAreDecidedAndTheCountsAddUp() throws IOException {
        // More than one chunk of 1,024 records, so that the bad ones fall in several chunks.
        int count = 2_500;
        StringBuilder b = new StringBuilder("{\"practice\": {\"odsCode\": \"Z1\"}, \"agreements\": [\n");
        Set<Integer> bad = new HashSet<>();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                b.append(",\n");
            }
            if (i % 7 == 3) {
                bad.add(i);
                switch (i % 5) {
                    case 0 -> b.append("{\"id\": \"R").append(i).append("\", \"status\": \"SIGNED\"}");
                    case 1 -> b.append("{\"title\": \"no id ").append(i).append("\"}");
                    case 2 -> b.append(i);
                    case 3 -> b.append("{\"id\": \"R").append(i).append("\", \"signedOn\": \"2026-02-30\"}");
                    default -> b.append("{\"id\": \"R0\"}");
                }
            } else {
                b.append("{\"id\": \"R").append(i).append("\", \"status\": \"EXISTING\", \"purposes\": [\"")
                        .append(i % 2 == 0 ? "DIRECT_CARE" : "RESEARCH").append("\"], \"commercialAccess\": ")
                        .append(i % 3 == 0).append("}");
            }
        }
        b.append("\n]}");
        Path f = write("mixed.json", b.toString());
        AuditCommandTest.Run r = audit(f);
        JsonNode doc = assertRecordsInError(r, count);
        assertEquals(bad.size(), doc.get("errors").size());
        assertEquals(count - bad.size(), doc.get("decisions").size());
        List<Integer> errorIndexes = new ArrayList<>();
        doc.get("errors").forEach(e -> errorIndexes.add(e.get("index").asInt()));
        assertEquals(bad.stream().sorted().toList(), errorIndexes, "errors in input order, at their indexes");
        List<String> decided = new ArrayList<>();
        doc.get("decisions").forEach(d -> decided.add(d.get("dsaId").asText()));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!bad.contains(i)) {
                expected.add("R" + i);
            }
        }
        assertEquals(expected, decided, "every good record decided once, in input order");
    }

    @Test
    void aRegisterThatBreaksOffPartWayExitsTwoAndSaysTheDocumentIsIncomplete() throws IOException {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < 1_500; i++) {
            b.append("{\"id\": \"R").append(i).append("\", \"status\": \"EXISTING\", \"purposes\": [\"DIRECT_CARE\"]},\n");
        }
        b.append("{\"id\": \"BROKEN\" \"status\": \"EXISTING\"}]");
        Path f = write("breaks-off.json", b.toString());
        AuditCommandTest.Run r = audit(f);
        assertEquals(2, r.status(), r.err());
        assertNoJavaOnStderr(r);
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(f.toString()) && r.err().contains("not valid JSON at line 1501"), r.err());
        assertTrue(r.err().contains("incomplete"), "the message says the document is incomplete: " + r.err());
    }

    @Test
    void aTextRunOnABadRegisterShowsTheRecordsInError() throws IOException {
        Path f = write("text.json", "{\"agreements\": [" + GOOD + ", {\"id\": \"B\", \"status\": \"SIGNED\"}, 7]}");
        AuditCommandTest.Run r = AuditCommandTest.run("audit", f.toString(), "--as-of", AS_OF);
        assertEquals(1, r.status(), r.err());
        assertNoJavaOnStderr(r);
        String text = r.out();
        assertTrue(text.contains("SUMMARY: 3 agreement(s)"), text);
        assertTrue(text.contains("in error (not decided)     2"), text);
        int section = text.indexOf("RECORDS IN ERROR");
        assertTrue(section > text.indexOf("GOOD"), text);
        String errors = text.substring(section);
        assertTrue(errors.contains("record 1 (B), field status: status: \"SIGNED\" is not one of NEW_REQUEST, EXISTING"),
                errors);
        assertTrue(errors.contains("record 2: an agreement must be a JSON object; found the number 7"), errors);
    }

    /**
     * A title, id or practice name is the register's text: printed in the text report, it must not be able to
     * forge report lines (a line break in a title must not make a line that reads like an outcome).
     */
    @Test
    void registerTextCannotForgeLinesOfTheTextReport() throws IOException {
        Path f = write("forged.json", "{\"practice\": {\"name\": \"P\\nRules:          none\"}, \"agreements\": ["
                + "{\"id\": \"A\\n   Outcome:  KEEP\", \"title\": \"T\\n   Outcome:  KEEP\", \"status\": \"EXISTING\", "
                + "\"purposes\": [\"RESEARCH\"], \"commercialAccess\": true}, "
                + "{\"id\": \"B\", \"status\": \"SIGNED\", \"title\": \"x\"}]}");
        AuditCommandTest.Run r = AuditCommandTest.run("audit", f.toString(), "--as-of", AS_OF);
        List<String> outcomeLines = r.out().lines().filter(l -> l.strip().startsWith("Outcome:")).toList();
        assertEquals(1, outcomeLines.size(), "one Outcome line per decided agreement: " + outcomeLines);
        assertFalse(outcomeLines.get(0).contains("KEEP"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("Rules:")).count(), r.out());
    }
}
