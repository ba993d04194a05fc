package org.dsarules.register.json;

import static org.dsarules.register.json.Fixtures.assertPlainLine;
import static org.dsarules.register.json.Fixtures.entries;
import static org.dsarules.register.json.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.dsarules.decision.ErrorCode;
import org.dsarules.decision.RecordError;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.model.Agreement;
import org.dsarules.model.Practice;
import org.dsarules.register.ReadResult;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The register as a whole: its shapes, streaming, and the failures of the whole input. */
class RegisterReaderTest {
    private static final RegisterReader READER = RegisterReader.defaults();
    private static final Practice RIVERSIDE = new Practice("A81001", "Riverside Medical Practice", "NHS Example ICB");
    /** The practice of the riverside.json fixture, whose block also gives a phone number (carried as given). */
    private static final Practice RIVERSIDE_FILE = new Practice("A81001", "Riverside Medical Practice",
            "NHS Example ICB", java.util.Map.of("phone", "01234 567890"));

    private static Path resource(String name) {
        try {
            return Path.of(RegisterReaderTest.class.getResource("/json/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The failure reading this whole register gives; its message must name the source and be one plain line. */
    private static RegisterFormatException failure(byte[] register) {
        RegisterFormatException e = assertThrows(RegisterFormatException.class,
                () -> READER.readAll(new ByteArrayInputStream(register), "riverside.json"));
        assertTrue(e.getMessage().startsWith("riverside.json: "), e.getMessage());
        assertPlainLine(e.getMessage());
        return e;
    }

    private static RegisterFormatException failure(String register) {
        return failure(register.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertMessageHas(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "message lacks \"" + part + "\": " + e.getMessage());
        }
    }

    @Nested
    class Shapes {
        @Test
        void aMixedRegisterGivesEveryRecordOnceInInputOrder() {
            List<RegisterEntry> all;
            try (RegisterSource s = READER.open(resource("riverside.json"))) {
                all = new java.util.ArrayList<>();
                s.forEachRemaining(all::add);
                assertEquals(RIVERSIDE_FILE, s.practice());
            }
            assertEquals(7, all.size());
            for (int i = 0; i < all.size(); i++) {
                assertEquals(i, all.get(i).index());
            }
            boolean[] valid = {true, false, true, false, false, false, true};
            for (int i = 0; i < valid.length; i++) {
                assertEquals(valid[i], all.get(i) instanceof RegisterEntry.Valid, "record " + i);
            }
            assertEquals("DSA-001", ((RegisterEntry.Valid) all.get(0)).agreement().id());
            assertEquals(new RecordError(1, "DSA-002", "comercialAccess", ErrorCode.UNKNOWN_FIELD,
                    "comercialAccess: not a field of an agreement (did you mean commercialAccess?)"),
                    ((RegisterEntry.Invalid) all.get(1)).error());
            RecordError four = ((RegisterEntry.Invalid) all.get(3)).error();
            assertEquals("DSA-004", four.dsaId());
            assertEquals("purposes[1]", four.field());
            assertTrue(four.message().endsWith("also bad: signedOn"), four.message());
            RecordError five = ((RegisterEntry.Invalid) all.get(4)).error();
            assertNull(five.dsaId());
            assertNull(five.field());
            RecordError six = ((RegisterEntry.Invalid) all.get(5)).error();
            assertEquals("DSA-001", six.dsaId());
            assertTrue(six.message().contains("already used by the record at index 0"), six.message());
        }

        @Test
        void readAllSplitsValidRecordsFromErrorsAndTheCountsAddUp() {
            ReadResult r = READER.readAll(resource("riverside.json"));
            assertEquals(RIVERSIDE_FILE, r.practice());
            assertEquals(List.of("DSA-001", "DSA-003", "DSA-006"), r.agreements().stream().map(Agreement::id).toList());
            assertEquals(List.of(1, 3, 4, 5), r.errors().stream().map(RecordError::index).toList());
            assertEquals(7, r.recordCount());
            assertEquals(3, r.register().agreements().size());
            assertEquals(RIVERSIDE_FILE, r.register().practice());
        }

        @Test
        void thePracticeMayComeBeforeTheAgreements() {
            try (RegisterSource s = READER.open(utf8("""
                    {"practice": {"odsCode": "A81001", "name": "Riverside Medical Practice", "icb": "NHS Example ICB"},
                     "agreements": [{"id": "DSA-1"}]}"""), "r.json")) {
                assertEquals(RIVERSIDE, s.practice());
                assertEquals(0, s.next().index());
                assertFalse(s.hasNext());
                assertEquals(RIVERSIDE, s.practice());
            }
        }

        @Test
        void thePracticeMayComeAfterTheAgreementsAndIsKnownAtTheEnd() {
            try (RegisterSource s = READER.open(utf8("""
                    {"agreements": [{"id": "DSA-1"}, {"id": "DSA-2"}],
                     "practice": {"odsCode": "A81001", "name": "Riverside Medical Practice", "icb": "NHS Example ICB"}}"""),
                    "r.json")) {
                assertNull(s.practice());
                assertEquals(0, s.next().index());
                assertEquals(1, s.next().index());
                assertFalse(s.hasNext());
                assertEquals(RIVERSIDE, s.practice());
            }
        }

        @Test
        void aBareArrayHasNoPractice() {
            ReadResult r = READER.readAll(utf8("[{\"id\": \"DSA-1\"}, {\"id\": \"DSA-2\"}]"), "r.json");
            assertNull(r.practice());
            assertEquals(2, r.agreements().size());
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", " [ ] ", "{\"agreements\": []}", "{\"practice\": null, \"agreements\": []}"})
        void noAgreementsIsNotAnError(String register) {
            assertEquals(List.of(), entries(register));
        }

        @Test
        void otherTopLevelKeysAreIgnored() {
            ReadResult r = READER.readAll(utf8("""
                    {"$schema": "https://example.org/s.json", "asOf": "2026-06-01",
                     "extra": {"agreements": "not these", "nested": [[{"id": 1}]]},
                     "agreements": [{"id": "DSA-1"}],
                     "comments": ["a", {"b": null}], "version": 1.5, "flag": true, "none": null}"""), "r.json");
            assertEquals(1, r.agreements().size());
            assertEquals(List.of(), r.errors());
            assertNull(r.practice());
        }

        @Test
        void otherKeysOfThePracticeAreCarriedThroughAsGivenAndItsFieldsMayBeUnknown() {
            ReadResult r = READER.readAll(utf8("""
                    {"practice": {"name": "Riverside", "icb": null, "phone": 123, "address": {"town": "X"}},
                     "agreements": []}"""), "r.json");
            assertEquals(new Practice(null, "Riverside", null,
                    java.util.Map.of("phone", java.math.BigInteger.valueOf(123), "address", java.util.Map.of("town", "X"))),
                    r.practice());
            assertEquals(List.of("phone", "address"), List.copyOf(r.practice().other().keySet()), "in their order");
        }

        @Test
        void aByteOrderMarkIsSkipped() {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            b.writeBytes("[{\"id\": \"DSA-1\", \"title\": \"Café ✓\"}]".getBytes(StandardCharsets.UTF_8));
            ReadResult r = READER.readAll(new ByteArrayInputStream(b.toByteArray()), "r.json");
            assertEquals("Café ✓", r.agreements().get(0).title());
        }
    }

    @Nested
    class NotARegister {
        @ParameterizedTest
        @ValueSource(strings = {"\"agreements\"", "42", "true", "null", "{}", "{\"practice\": {}}", "{\"Agreements\": []}", "", "   \n"})
        void neitherAnObjectWithAgreementsNorAnArray(String register) {
            RegisterFormatException e = failure(register);
            assertMessageHas(e, "a register is an object with \"agreements\" or an array of agreements; found ");
        }

        @Test
        void theMessageSaysWhatWasFound() {
            assertEquals("riverside.json: a register is an object with \"agreements\" or an array of agreements;"
                    + " found an object without \"agreements\"", failure("{\"asOf\": \"2026-06-01\"}").getMessage());
            assertMessageHas(failure("\"x\""), "found the string \"x\"");
            assertMessageHas(failure(""), "found nothing");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{}", "\"DSA-1\"", "null", "5"})
        void agreementsThatIsNotAList(String value) {
            assertMessageHas(failure("{\"agreements\": " + value + "}"), "\"agreements\" must be a list of agreements");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"Riverside\"", "[]", "5", "true"})
        void aPracticeOfTheWrongType(String value) {
            assertMessageHas(failure("{\"practice\": " + value + ", \"agreements\": []}"), "\"practice\" must be an object");
            assertMessageHas(failure("{\"agreements\": [], \"practice\": " + value + "}"), "\"practice\"");
        }

        @Test
        void aPracticeFieldOfTheWrongType() {
            assertMessageHas(failure("{\"practice\": {\"odsCode\": 81001}, \"agreements\": []}"),
                    "\"practice.odsCode\" must be a string", "found the number 81001");
        }

        /** issue 15: practice values are carried exactly, or refused; never rewritten as {"list": true, "size": N}. */
        @Test
        void aPracticeValueTooBigToCarryIsRefusedNotRewritten() {
            String items = String.join(",", java.util.Collections.nCopies(1_001, "1"));
            assertMessageHas(failure("{\"practice\": {\"name\": \"R\", \"lists\": {\"codes\": [" + items + "]}},"
                    + " \"agreements\": []}"), "\"practice.lists.codes\" holds a list of 1,001 items",
                    "may hold at most 1,000 items");
            String fits = String.join(",", java.util.Collections.nCopies(1_000, "1"));
            ReadResult r = READER.readAll(utf8("{\"practice\": {\"codes\": [" + fits + "]}, \"agreements\": []}"), "r.json");
            assertEquals(1_000, ((List<?>) r.practice().other().get("codes")).size());
        }

        @Test
        void practiceTextThatIsNotValidUnicodeIsRefused() {
            assertMessageHas(failure("{\"practice\": {\"name\": \"R\\udc00\"}, \"agreements\": []}"),
                    "\"practice.name\" is not valid Unicode text");
            assertMessageHas(failure("{\"practice\": {\"x\": [\"\\ud800\"]}, \"agreements\": []}"),
                    "\"practice.x[0]\" is not valid Unicode text");
        }

        @Test
        void keysGivenTwiceAtTheTopLevel() {
            assertMessageHas(failure("{\"agreements\": [], \"agreements\": []}"), "\"agreements\" is given more than once");
            assertMessageHas(failure("{\"practice\": null, \"agreements\": [], \"practice\": {}}"),
                    "\"practice\" is given more than once");
        }

        @Test
        void moreJsonAfterTheRegister() {
            assertMessageHas(failure("[] []"), "more JSON after the end of the register");
            assertMessageHas(failure("{\"agreements\": []} x"), "not valid JSON");
        }
    }

    @Nested
    class NotJson {
        @Test
        void malformedJsonGivesLineAndColumn() {
            String register = "{\n  \"agreements\": [\n    {\"id\": \"DSA-1\",}\n  ]\n}";
            RegisterFormatException e = failure(register);
            assertTrue(e.getMessage().startsWith("riverside.json: not valid JSON at line 3, column 20: "), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "[{\"id\": 'DSA-1'}]", "[{id: \"DSA-1\"}]", "[{\"id\": \"DSA-1\"} // comment\n]", "[{\"id\": NaN}]",
            "[{\"id\": \"DSA-1\"}", "{\"agreements\": [", "[{\"id\": \"a\nb\"}]", "[{\"id\": 01}]", "[1,]", "{\"agreements\" []}",
        })
        void everyKindOfSyntaxErrorIsOnePlainLine(String register) {
            RegisterFormatException e = failure(register);
            assertTrue(e.getMessage().matches("riverside\\.json: not valid JSON at line \\d+, column \\d+: .+"), e.getMessage());
        }

        @Test
        void aSyntaxErrorMidStreamComesAfterTheRecordsBeforeIt() {
            try (RegisterSource s = READER.open(utf8("[{\"id\": \"DSA-1\"}, {\"id\": \"DSA-2\"}, {\"id\" \"DSA-3\"}]"), "r.json")) {
                assertEquals(0, s.next().index());
                assertEquals(1, s.next().index());
                RegisterFormatException e = assertThrows(RegisterFormatException.class, s::hasNext);
                assertMessageHas(e, "r.json: not valid JSON at line 1, column ");
                assertSame(e, assertThrows(RegisterFormatException.class, s::next), "the source stays failed");
            }
        }
    }

    @Nested
    class NotUtf8 {
        @Test
        void invalidBytesAreRefused() {
            byte[] latin1 = "[{\"id\": \"DSA-1\", \"title\": \"Caf\u00e9\"}]".getBytes(StandardCharsets.ISO_8859_1);
            RegisterFormatException e = failure(latin1);
            assertMessageHas(e, "riverside.json: not UTF-8");
        }

        @ParameterizedTest
        @ValueSource(strings = {"C0AF", "ED A0 80", "F8 88 80 80 80", "E2 82", "FF FE"})
        void malformedSequencesAreRefused(String hex) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes("[{\"id\": \"DSA-1\", \"notes\": \"".getBytes(StandardCharsets.UTF_8));
            for (String h : hex.replace(" ", "").split("(?<=\\G..)")) {
                b.write(Integer.parseInt(h, 16));
            }
            b.writeBytes("\"}]".getBytes(StandardCharsets.UTF_8));
            assertMessageHas(failure(b.toByteArray()), "UTF-8");
        }

        @Test
        void utf16IsNotUtf8() {
            byte[] utf16 = "[{\"id\": \"DSA-1\"}]".getBytes(StandardCharsets.UTF_16);
            assertMessageHas(failure(utf16), "not UTF-8");
        }

        @Test
        void badBytesLateInALargeRegisterFailMidStream() {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes("[".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 2000; i++) {
                b.writeBytes(("{\"id\": \"DSA-" + i + "\", \"notes\": \"" + "n".repeat(40) + "\"},").getBytes(StandardCharsets.UTF_8));
            }
            b.writeBytes(new byte[] {'"', (byte) 0xFF, '"', ']'});
            try (RegisterSource s = READER.open(new ByteArrayInputStream(b.toByteArray()), "big.json")) {
                assertEquals(0, s.next().index());
                RegisterFormatException e = assertThrows(RegisterFormatException.class, () -> s.forEachRemaining(x -> { }));
                assertMessageHas(e, "big.json: not UTF-8");
            }
        }
    }

    @Nested
    class Limits {
        @Test
        void aStringOfOneMillionCharactersIsAccepted() {
            ReadResult r = READER.readAll(utf8("[{\"id\": \"DSA-1\", \"notes\": \"" + "x".repeat(1_000_000) + "\"}]"), "r.json");
            assertEquals(1_000_000, r.agreements().get(0).notes().length());
        }

        @Test
        void aStringLongerThanOneMillionCharactersIsRefused() {
            RegisterFormatException e = failure("[{\"id\": \"DSA-1\", \"notes\": \"" + "x".repeat(1_000_001) + "\"}]");
            assertMessageHas(e, "riverside.json: exceeds a parser limit: a string longer than 1,000,000 characters");
        }

        @Test
        void aLongStringInAnIgnoredTopLevelKeyIsSkippedUnread() {
            String register = "{\"asOf\": \"" + "x".repeat(1_500_000) + "\", \"agreements\": []}";
            assertEquals(0, READER.readAll(utf8(register), "r.json").recordCount());
        }

        @Test
        void nestingOfOneHundredIsAccepted() {
            // the register's array is level 1, so the record's 99 nested lists reach level 100
            String register = "[".repeat(100) + "]".repeat(100);
            RecordError e = READER.readAll(utf8(register), "r.json").errors().get(0);
            assertEquals("an agreement must be a JSON object; found a list", e.message());
        }

        @Test
        void nestingDeeperThanOneHundredIsRefused() {
            RegisterFormatException e = failure("[".repeat(101) + "]".repeat(101));
            assertMessageHas(e, "riverside.json: exceeds a parser limit: nesting deeper than 100");
            RegisterFormatException inRecord = failure("{\"agreements\": [{\"id\": \"D\", \"notes\": "
                    + "[".repeat(98) + "]".repeat(98) + "}]}");
            assertMessageHas(inRecord, "nesting deeper than 100");
        }

        @Test
        void aVeryLongNumberIsRefused() {
            assertMessageHas(failure("[{\"id\": " + "9".repeat(500) + "}]"), "exceeds a parser limit: a number longer than 100");
        }

        @Test
        void aVeryLongFieldNameIsRefused() {
            assertMessageHas(failure("[{\"" + "k".repeat(5000) + "\": 1}]"), "exceeds a parser limit: a field name longer than 1,000");
        }
    }

    @Nested
    class FilesOnDisk {
        @Test
        void aMissingFileIsNamed(@TempDir Path dir) {
            Path missing = dir.resolve("nowhere.json");
            RegisterFormatException e = assertThrows(RegisterFormatException.class, () -> READER.open(missing));
            assertEquals(missing + ": no such file", e.getMessage());
        }

        @Test
        void aDirectoryIsNamed(@TempDir Path dir) {
            RegisterFormatException e = assertThrows(RegisterFormatException.class, () -> READER.readAll(dir));
            assertTrue(e.getMessage().startsWith(dir + ": "), e.getMessage());
            assertMessageHas(e, "directory");
        }

        @Test
        void aFileIsNamedInItsMessages(@TempDir Path dir) throws IOException {
            Path file = Files.writeString(dir.resolve("broken.json"), "[{]");
            RegisterFormatException e = assertThrows(RegisterFormatException.class, () -> READER.readAll(file));
            assertTrue(e.getMessage().startsWith(file + ": not valid JSON at line 1, column 3"), e.getMessage());
        }
    }

    @Nested
    class Streaming {
        /** An endless-looking register, made as it is read, counting what was read. */
        private static final class GeneratedRegister extends InputStream {
            private final int records;
            private int next;
            private byte[] chunk = "{\"agreements\": [".getBytes(StandardCharsets.UTF_8);
            private int pos;
            long bytesRead;
            boolean closed;

            GeneratedRegister(int records) {
                this.records = records;
            }

            @Override
            public int read() {
                while (pos == chunk.length) {
                    if (next > records) {
                        return -1;
                    }
                    chunk = (next == records ? "]}" : (next == 0 ? "" : ",")
                            + "{\"id\": \"DSA-" + next + "\", \"purposes\": [\"RESEARCH\"], \"commercialAccess\": false}")
                            .getBytes(StandardCharsets.UTF_8);
                    pos = 0;
                    next++;
                }
                bytesRead++;
                return chunk[pos++];
            }

            @Override
            public void close() {
                closed = true;
            }
        }

        @Test
        void recordsAreReadOneAtATime() {
            GeneratedRegister in = new GeneratedRegister(200_000);
            try (RegisterSource s = READER.open(in, "generated.json")) {
                assertEquals("DSA-0", assertInstanceOf(RegisterEntry.Valid.class, s.next()).agreement().id());
                assertTrue(in.bytesRead < 100_000, "read " + in.bytesRead + " bytes for the first record");
            }
            assertTrue(in.closed, "closing the source closes the input");
        }

        @Test
        void aLargeRegisterIsReadToTheEnd() {
            GeneratedRegister in = new GeneratedRegister(20_000);
            int n = 0;
            try (RegisterSource s = READER.open(in, "generated.json")) {
                while (s.hasNext()) {
                    assertEquals(n++, s.next().index());
                }
            }
            assertEquals(20_000, n);
        }

        @Test
        void nextAfterTheEndThrows() {
            try (RegisterSource s = READER.open(utf8("[]"), "r.json")) {
                assertFalse(s.hasNext());
                assertFalse(s.hasNext());
                assertThrows(NoSuchElementException.class, s::next);
            }
        }

        @Test
        void aSourceIsClosedWhenOpeningFails() {
            boolean[] closed = {false};
            InputStream in = new FilterInputStream(utf8("{\"no\": \"agreements\"}")) {
                @Override
                public void close() throws IOException {
                    closed[0] = true;
                    super.close();
                }
            };
            assertThrows(RegisterFormatException.class, () -> READER.open(in, "r.json"));
            assertTrue(closed[0]);
        }

        @Test
        void readingAClosedSourceIsAMistake() {
            RegisterSource s = READER.open(utf8("[{\"id\": \"DSA-1\"}]"), "r.json");
            s.close();
            s.close();
            assertThrows(IllegalStateException.class, s::hasNext);
        }

        @Test
        void inputExceptionsAreWrapped() {
            InputStream failing = new InputStream() {
                private int n;

                @Override
                public int read() throws IOException {
                    if (n++ < 3) {
                        return "[{\"".charAt(n - 1);
                    }
                    throw new IOException("disk on fire");
                }
            };
            RegisterFormatException e = assertThrows(RegisterFormatException.class,
                    () -> READER.readAll(failing, "r.json"));
            assertEquals("r.json: cannot be read: disk on fire", e.getMessage());
        }
    }
}
