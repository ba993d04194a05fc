package org.dsarules.register.csv;

import static org.dsarules.register.csv.CsvFixtures.READER;
import static org.dsarules.register.csv.CsvFixtures.SOURCE;
import static org.dsarules.register.csv.CsvFixtures.assertMessageHas;
import static org.dsarules.register.csv.CsvFixtures.entries;
import static org.dsarules.register.csv.CsvFixtures.error;
import static org.dsarules.register.csv.CsvFixtures.failure;
import static org.dsarules.register.csv.CsvFixtures.readAll;
import static org.dsarules.register.csv.CsvFixtures.utf8;
import static org.dsarules.register.csv.CsvFixtures.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import org.dsarules.decision.ErrorCode;
import org.dsarules.decision.RecordError;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.model.Agreement;
import org.dsarules.model.Article6Basis;
import org.dsarules.model.IcbAssessment;
import org.dsarules.model.IcbStatus;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.Party;
import org.dsarules.model.PartyKind;
import org.dsarules.model.PartyRole;
import org.dsarules.model.Purpose;
import org.dsarules.model.RequirementKind;
import org.dsarules.model.Status;
import org.dsarules.register.ReadResult;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSV form of a register: its header, its cells, its rows and the failures of the whole input. */
class CsvRegisterReaderTest {

    @Nested
    class Columns {
        @Test
        void nestedFieldsAreFlattenedWithADot() {
            Agreement a = valid("id,legalRequirement.kind,legalRequirement.reference,legalRequirement.expiresOn,"
                            + "icbAssessment.status,icbAssessment.requestedOn",
                    "DSA-1,copi_notice,COPI notice 2020,2022-06-30,REQUESTED,2026-05-06");
            assertEquals(new LegalRequirement(RequirementKind.COPI_NOTICE, "COPI notice 2020", LocalDate.of(2022, 6, 30)),
                    a.legalRequirement());
            assertEquals(new IcbAssessment(IcbStatus.REQUESTED, null, LocalDate.of(2026, 5, 6), null), a.icbAssessment());
        }

        @Test
        void aNestedObjectWhoseCellsAreAllEmptyIsNotKnown() {
            Agreement a = valid("id,legalRequirement.kind,legalRequirement.reference,icbAssessment.status", "DSA-1,,,");
            assertNull(a.legalRequirement());
            assertNull(a.icbAssessment());
        }

        @Test
        void partiesGoUpToTheLargestIndexUsed() {
            Agreement a = valid("id,parties[0].name,parties[0].kind,parties[1].name,parties[1].role,parties[2].name,"
                            + "parties[2].instructedBy,parties[2].directCareProvider",
                    "DSA-1,NHS England,NHS_ENGLAND,Northshire ICB,controller,Apex GP Systems,PRACTICE,FALSE");
            assertEquals(List.of(new Party("NHS England", PartyKind.NHS_ENGLAND, null, null, null),
                    new Party("Northshire ICB", null, PartyRole.CONTROLLER, null, null),
                    new Party("Apex GP Systems", null, null, "PRACTICE", false)), a.parties());
        }

        @Test
        void columnsMayComeInAnyOrder() {
            Agreement a = valid("notes,parties[1].name,id,parties[0].name,status", "n,Second,DSA-1,First,EXISTING");
            assertEquals("DSA-1", a.id());
            assertEquals(List.of("First", "Second"), a.parties().stream().map(Party::name).toList());
        }

        @Test
        void whiteSpaceAroundHeaderNamesIsIgnored() {
            assertEquals("T", valid(" id , title ", "DSA-1,T").title());
        }

        @Test
        void aMisspeltColumnFailsTheWholeInputAndSuggestsTheNearest() {
            RegisterFormatException e = failure("id,comercialAccess\nDSA-1,true\n");
            assertEquals(SOURCE + ": unknown column \"comercialAccess\" (column B; did you mean commercialAccess?): the"
                    + " header must use the format's field names (a column the format does not have would be ignored)",
                    e.getMessage());
        }

        @Test
        void aMisspeltPartyColumnSuggestsTheSameParty() {
            assertMessageHas(failure("id,parties[1].rol\n").getMessage(), "\"parties[1].rol\"", "did you mean parties[1].role?");
        }

        @Test
        void aFieldOfTheWrongObjectIsUnknown() {
            assertMessageHas(failure("id,legalRequirement.status\n").getMessage(), "unknown column \"legalRequirement.status\"");
            assertMessageHas(failure("id,legalRequirement\n").getMessage(), "did you mean legalRequirement.kind?");
            assertMessageHas(failure("id,parties.name\n").getMessage(), "unknown column \"parties.name\"");
        }

        @Test
        void everyUnknownColumnIsNamed() {
            assertMessageHas(failure("id,titel,stauts,zzzzzzzz\n").getMessage(), "unknown columns \"titel\" (column B; did you"
                    + " mean title?), \"stauts\" (column C; did you mean status?), \"zzzzzzzz\" (column D)");
        }

        @Test
        void columnNamesAreMatchedExactly() {
            assertMessageHas(failure("ID,Title\n").getMessage(), "\"ID\"", "did you mean id?", "did you mean title?");
        }

        @Test
        void aColumnGivenTwiceFails() {
            assertEquals(SOURCE + ": column \"title\" is given twice in the header (columns B and D): give each column once",
                    failure("id,title,notes,title\n").getMessage());
        }

        @Test
        void aHeaderWithoutAnIdColumnFails() {
            assertEquals(SOURCE + ": the header has no id column: every agreement needs an id",
                    failure("title,status\nT,EXISTING\n").getMessage());
        }

        @Test
        void aPartyIndexOverTheLimitFails() {
            assertMessageHas(failure("id,parties[1000].name\n").getMessage(), "\"parties[1000].name\" (column B",
                    "numbered from 0 to 999");
            assertMessageHas(failure("id,parties[01].name\n").getMessage(), "unknown column \"parties[01].name\"");
        }

        @Test
        void columnsWithoutANameAreAllowedWhenTheirCellsAreEmpty() {
            ReadResult r = readAll("id,,title,\nDSA-1,,T,\nDSA-2, ,U\n");
            assertEquals(List.of("T", "U"), r.agreements().stream().map(Agreement::title).toList());
        }

        @Test
        void aValueUnderAColumnWithoutANameFails() {
            assertEquals(SOURCE + ": row 3, column B: a value (\"lost\") in a column without a name in the header: name the"
                    + " column or clear the cell", failure("id,,title\nDSA-1,,T\nDSA-2,lost,U\n").getMessage());
        }
    }

    @Nested
    class NoHeader {
        @ParameterizedTest
        @ValueSource(strings = {"", "\n", ",,\n\n"})
        void anEmptyInput(String csv) {
            assertMessageHas(failure(csv).getMessage(), "no header row: the input");
        }

        @Test
        void onlyComments() {
            assertEquals(SOURCE + ": no header row: the input has only comments and empty rows; the first row must name the"
                    + " columns, such as id, title, status", failure("# nothing here\n\n").getMessage());
        }

        @Test
        void aFirstRowOfData() {
            assertEquals(SOURCE + ": no header row: the first row must name the columns, such as id, title, status; found"
                    + " \"DSA-001\", \"Shared care\", \"EXISTING\"", failure("DSA-001,Shared care,EXISTING\n").getMessage());
        }

        @Test
        void aHeaderSeparatedBySemicolons() {
            assertMessageHas(failure("id;title;status\nDSA-1;T;EXISTING\n").getMessage(),
                    "found \"id;title;status\" (the columns must be separated by commas)");
        }

        @Test
        void aHeaderAloneIsARegisterWithNoAgreements() {
            ReadResult r = readAll("id,title\n");
            assertEquals(0, r.recordCount());
            assertNull(r.practice());
        }
    }

    @Nested
    class Cells {
        @Test
        void anEmptyCellIsAbsentThatIsNotKnown() {
            Agreement a = valid("id,title,status,commercialAccess,purposes,signedOn", "DSA-1,,,,,");
            assertEquals(Agreement.builder("DSA-1").build(), a);
        }

        @Test
        void aCellOfWhiteSpaceOnlyIsEmpty() {
            assertEquals(Agreement.builder("DSA-1").build(), valid("id,title,status,commercialAccess,purposes", "DSA-1,  , , ,\t"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"true", "TRUE", "True", " tRuE "})
        void booleansAreTrueInAnyCase(String cell) {
            assertEquals(Boolean.TRUE, valid("id,commercialAccess", "DSA-1," + cell).commercialAccess());
        }

        @ParameterizedTest
        @ValueSource(strings = {"false", "FALSE", "False"})
        void booleansAreFalseInAnyCase(String cell) {
            assertEquals(Boolean.FALSE, valid("id,dpiaProvided", "DSA-1," + cell).dpiaProvided());
        }

        /** record-format.md v1.1: a spreadsheet's Yes and No are booleans too. */
        @ParameterizedTest
        @ValueSource(strings = {"yes", "Yes", "Y", "y", "YES"})
        void yesIsTrue(String cell) {
            assertEquals(Boolean.TRUE, valid("id,commercialAccess", "DSA-1," + cell).commercialAccess());
        }

        @ParameterizedTest
        @ValueSource(strings = {"no", "No", "N", "n", "NO"})
        void noIsFalse(String cell) {
            assertEquals(Boolean.FALSE, valid("id,dpiaProvided", "DSA-1," + cell).dpiaProvided());
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "0", "t", "null", "[]", "yess"})
        void anyOtherWordIsAnErrorNamingTheCell(String cell) {
            RecordError e = error("id,title,commercialAccess", "DSA-1,T," + cell);
            assertEquals(0, e.index());
            assertEquals("DSA-1", e.dsaId());
            assertEquals("commercialAccess", e.field());
            assertEquals(ErrorCode.BAD_BOOLEAN, e.code());
            assertEquals("row 2: commercialAccess: \"" + cell + "\" is not true or false (also yes, no, y or n, in any case):"
                    + " write one of these, or leave the cell empty when not known", e.message());
        }

        @Test
        void aPartyBooleanIsCheckedToo() {
            RecordError e = error("id,parties[0].name,parties[0].directCareProvider", "DSA-1,NHS England,maybe");
            assertEquals("parties[0].directCareProvider", e.field());
            assertEquals(ErrorCode.BAD_BOOLEAN, e.code());
            assertMessageHas(e.message(), "row 2: parties[0].directCareProvider: \"maybe\" is not true or false");
        }

        @Test
        void listFieldsAreJoinedWithSemicolons() {
            Agreement a = valid("id,purposes,article6Bases", "DSA-1, research ; SERVICE_PLANNING;research,e");
            assertEquals(List.of(Purpose.RESEARCH, Purpose.SERVICE_PLANNING), a.purposes());
            assertEquals(List.of(Article6Basis.E), a.article6Bases());
        }

        @Test
        void emptyItemsOfAListAreSkipped() {
            assertEquals(List.of(Purpose.RESEARCH, Purpose.COMMISSIONING),
                    valid("id,purposes", "DSA-1,RESEARCH;;COMMISSIONING;").purposes());
        }

        @Test
        void bracketsAloneAreTheEmptyListAndAnEmptyCellIsNotKnown() {
            List<RegisterEntry> all = entries("id,article6Bases\nDSA-1,[]\nDSA-2,\nDSA-3, [] \n");
            assertEquals(List.of(), ((RegisterEntry.Valid) all.get(0)).agreement().article6Bases());
            assertNull(((RegisterEntry.Valid) all.get(1)).agreement().article6Bases());
            assertEquals(List.of(), ((RegisterEntry.Valid) all.get(2)).agreement().article6Bases());
        }

        @Test
        void aListCellOfSeparatorsOnlyIsAnError() {
            RecordError e = error("id,purposes", "DSA-1,; ;");
            assertEquals("purposes", e.field());
            assertEquals("row 2: purposes: \"; ;\" has no value between its ';' separators: write values separated by ';',"
                    + " [] for the empty list, or leave the cell empty when not known", e.message());
        }

        @Test
        void aBadListItemIsReportedUnderItsColumn() {
            RecordError e = error("id,purposes", "DSA-1,RESEARCH;MARKETING");
            assertEquals("purposes", e.field());
            assertMessageHas(e.message(), "row 2: purposes[1]: \"MARKETING\" is not one of DIRECT_CARE, RESEARCH");
        }

        @Test
        void enumValuesAndDatesIgnoreSurroundingWhiteSpaceAndCase() {
            Agreement a = valid("id,status,signedOn", "DSA-1, new_request , 2024-02-29 ");
            assertEquals(Status.NEW_REQUEST, a.status());
            assertEquals(LocalDate.of(2024, 2, 29), a.signedOn());
        }

        @Test
        void aDateThatIsNotRealIsAnError() {
            RecordError e = error("id,signedOn", "DSA-1,2023-02-29");
            assertEquals("signedOn", e.field());
            assertEquals(ErrorCode.BAD_DATE, e.code());
            assertEquals("row 2: signedOn: \"2023-02-29\" is not a real date (day 29 of month 2 of 2023 does not exist):"
                    + " write YYYY-MM-DD, D/M/YYYY or DD/MM/YYYY (day first), or leave it empty if not known", e.message());
        }

        @Test
        void anUnknownEnumValueNamesTheAllowedOnes() {
            RecordError e = error("id,status", "DSA-1,EXISTNG");
            assertEquals("row 2: status: \"EXISTNG\" is not one of NEW_REQUEST, EXISTING (did you mean EXISTING?); leave it empty if not known", e.message());
        }

        @Test
        void freeTextIsTakenAsItIs() {
            Agreement a = valid("id,title,notes", "DSA-1,\" Shared, care \",\"Said \"\"no\"\"; ask again.\nSecond line.\"");
            assertEquals(" Shared, care ", a.title());
            assertEquals("Said \"no\"; ask again.\nSecond line.", a.notes());
        }

        @Test
        void aMissingIdCellIsAnError() {
            RecordError e = error("id,title", ",Untitled");
            assertNull(e.dsaId());
            assertEquals("id", e.field());
            assertMessageHas(e.message(), "row 2: id: missing");
        }

        @Test
        void aRowShorterThanTheHeaderHasItsLastCellsEmpty() {
            assertEquals(Agreement.builder("DSA-1").title("T").build(), valid("id,title,status,notes", "DSA-1,T"));
        }
    }

    @Nested
    class Parties {
        private static final String HEADER = "id,parties[0].name,parties[0].kind,parties[1].name,parties[1].kind,"
                + "parties[2].name,parties[2].role";

        @Test
        void aPartyIndexWhoseCellsAreAllEmptyIsNoParty() {
            Agreement a = valid(HEADER, "DSA-1,,,Second,ICB, ,");
            assertEquals(List.of(new Party("Second", PartyKind.ICB, null, null, null)), a.parties());
        }

        @Test
        void noPartyCellsMeansPartiesNotKnown() {
            assertNull(valid(HEADER, "DSA-1,,,,,,").parties());
        }

        @Test
        void anErrorInALaterPartyKeepsItsColumnsIndex() {
            RecordError e = error(HEADER, "DSA-1,,,Second,ICB,Third,OWNER");
            assertEquals("parties[2].role", e.field());
            assertMessageHas(e.message(), "row 2: parties[2].role: \"OWNER\" is not one of CONTROLLER");
        }

        @Test
        void aPartyWithoutANameIsAnError() {
            RecordError e = error(HEADER, "DSA-1,First,ICB,,COMMERCIAL,,");
            assertEquals("parties[1].name", e.field());
            assertEquals("row 2: parties[1].name: missing; every party needs a name, a non-blank string", e.message());
        }
    }

    @Nested
    class Rows {
        @Test
        void aByteOrderMarkIsSkipped() {
            assertEquals("DSA-1", valid("\uFEFFid,title", "DSA-1,T").id());
        }

        @Test
        void commentRowsAreNotRecordsAndNotCountedInTheIndex() {
            List<RegisterEntry> all = entries("# a register\nid,title\n# first\nDSA-1,T\n\"# quoted, still a comment\",x\n"
                    + "#DSA-X,commented out\nDSA-2,U\n");
            assertEquals(List.of(0, 1), all.stream().map(RegisterEntry::index).toList());
            assertEquals("DSA-2", ((RegisterEntry.Valid) all.get(1)).agreement().id());
        }

        @Test
        void aCommentRowMayHaveMoreCellsThanTheHeader() {
            assertEquals(1, readAll("id\n# one,two,three\nDSA-1\n").recordCount());
        }

        @Test
        void onlyAFirstCellStartingWithAHashMakesAComment() {
            ReadResult r = readAll("id,title\nDSA-1,# not a comment\n");
            assertEquals("# not a comment", r.agreements().get(0).title());
        }

        @Test
        void rowsOfEmptyCellsAreSkipped() {
            List<RegisterEntry> all = entries("id,title\n\nDSA-1,T\n,\n , \nDSA-2,U\n,,,\n");
            assertEquals(2, all.size());
            assertEquals(List.of(0, 1), all.stream().map(RegisterEntry::index).toList());
        }

        @Test
        void theRowNumberIsTheSpreadsheetRow() {
            String csv = "# comment\nid,title,commercialAccess\nDSA-1,\"two\nlines\",true\n\n# another\nDSA-2,T,maybe\n";
            RecordError e = error(entries(csv).get(1));
            assertEquals(1, e.index());
            assertEquals(ErrorCode.BAD_BOOLEAN, e.code());
            assertEquals("row 6: commercialAccess: \"maybe\" is not true or false (also yes, no, y or n, in any case):"
                    + " write one of these, or leave the cell empty when not known", e.message());
        }

        @Test
        void windowsLineEndingsAreRead() {
            ReadResult r = readAll("id,title\r\nDSA-1,T\r\nDSA-2,U\r\n");
            assertEquals(2, r.agreements().size());
            assertEquals("U", r.agreements().get(1).title());
        }

        @Test
        void emptyCellsBeyondTheHeaderAreIgnored() {
            assertEquals(2, readAll("id,title\nDSA-1,T,,\nDSA-2,U, \n").agreements().size());
        }

        @Test
        void aRowWithMoreCellsThanTheHeaderFailsTheWholeInput() {
            RegisterFormatException e = failure("id,title\nDSA-1,T\nDSA-2,U,extra\n");
            assertEquals(SOURCE + ": row 3, column C: a value (\"extra\") beyond the header's last column (B): the row has"
                    + " more cells than the header", e.getMessage());
        }

        @Test
        void aCsvRegisterHasNoPractice() {
            try (RegisterSource s = READER.open(utf8("id\nDSA-1\n"), SOURCE)) {
                s.forEachRemaining(e -> { });
                assertNull(s.practice());
            }
        }
    }

    @Nested
    class RecordErrors {
        @Test
        void aBadCellIsReportedWithItsRowAndColumnAndTheOtherRowsAreStillRead() {
            ReadResult r = readAll("id,status,parties[0].name,parties[0].role\n"
                    + "DSA-1,EXISTING,NHS England,CONTROLLER\n"
                    + "DSA-2,EXISTING,NHS England,BOSS\n"
                    + "DSA-3,NEW_REQUEST,,\n");
            assertEquals(List.of("DSA-1", "DSA-3"), r.agreements().stream().map(Agreement::id).toList());
            assertEquals(1, r.errors().size());
            RecordError e = r.errors().get(0);
            assertEquals(1, e.index());
            assertEquals("DSA-2", e.dsaId());
            assertEquals("parties[0].role", e.field());
            assertMessageHas(e.message(), "row 3: parties[0].role: \"BOSS\" is not one of CONTROLLER, JOINT_CONTROLLER");
            assertEquals(3, r.recordCount());
        }

        @Test
        void theFirstBadColumnLeadsAndTheOthersAreNamed() {
            RecordError e = error("id,status,commercialAccess,signedOn,purposes", "DSA-1,OLD,perhaps,2024-13-01,RESEARCH;X");
            assertEquals("status", e.field());
            assertMessageHas(e.message(), "row 2: status: \"OLD\" is not one of NEW_REQUEST, EXISTING",
                    "; also bad: commercialAccess, signedOn, purposes[1]");
        }

        @Test
        void aBadBooleanThatIsNotFirstIsNamedAmongTheOthers() {
            RecordError e = error("id,status,commercialAccess", "DSA-1,OLD,perhaps");
            assertEquals("status", e.field());
            assertMessageHas(e.message(), "also bad: commercialAccess");
        }

        @Test
        void aRepeatedIdNamesTheFirstRecordsIndexAndRow() {
            List<RegisterEntry> all = entries("id\nDSA-1\n# comment\nDSA-2\n\nDSA-1\n");
            assertInstanceOf(RegisterEntry.Valid.class, all.get(0));
            RecordError e = error(all.get(2));
            assertEquals(2, e.index());
            assertEquals("id", e.field());
            assertEquals("row 6: id: duplicate id \"DSA-1\": already used by the record at index 0 (row 2); every agreement"
                    + " needs its own id", e.message());
        }

        @Test
        void theRowOfAnEarlierRecordIsFoundAfterManyCommentsAndGaps() {
            StringBuilder csv = new StringBuilder("id\n");
            for (int i = 0; i < 50; i++) {
                csv.append("DSA-").append(i).append('\n').append(i % 3 == 0 ? "# c\n" : "").append(i % 7 == 0 ? "\n" : "");
            }
            String text = csv + "DSA-20\n";
            List<RegisterEntry> all = entries(text);
            String[] lines = text.split("\n", -1);
            int row = java.util.Arrays.asList(lines).indexOf("DSA-20") + 1;
            assertMessageHas(error(all.get(50)).message(), "at index 20 (row " + row + ")");
        }
    }

    @Nested
    class WholeInputFailures {
        @Test
        void notUtf8() {
            byte[] csv = {'i', 'd', '\n', 'D', (byte) 0xE9, '\n'};
            assertEquals(SOURCE + ": not UTF-8: it holds bytes that are not valid UTF-8 text (save it as CSV UTF-8)",
                    failure(csv).getMessage());
        }

        @Test
        void anUnclosedQuoteGivesItsLine() {
            RegisterFormatException e = failure("id,title\nDSA-1,T\nDSA-2,\"never closed\nDSA-3,U\n");
            assertMessageHas(e.getMessage(), SOURCE + ": not valid CSV at line ", "a quoted cell is not closed",
                    "the row starts at line 3");
        }

        @Test
        void textAfterAClosingQuoteGivesItsLine() {
            RegisterFormatException e = failure("id,title\nDSA-1,\"T\"x\n");
            assertMessageHas(e.getMessage(), SOURCE + ": not valid CSV at line 2, column ", ": text after the closing \" of"
                    + " a quoted cell (inside quotes write \"\" for a \")");
        }

        @Test
        void aMalformedRowMidStreamComesAfterTheRecordsBeforeIt() {
            try (RegisterSource s = READER.open(utf8("id,title\nDSA-1,T\nDSA-2,\"T\"x\n"), SOURCE)) {
                assertEquals("DSA-1", assertInstanceOf(RegisterEntry.Valid.class, s.next()).agreement().id());
                RegisterFormatException e = assertThrows(RegisterFormatException.class, s::hasNext);
                assertThrows(RegisterFormatException.class, s::hasNext, "the failure stays");
                assertMessageHas(e.getMessage(), "at line 3");
            }
        }

        @Test
        void aCellOfOneMillionCharactersIsAccepted() {
            String notes = "x".repeat(CsvRegisterReader.MAX_CELL_LENGTH);
            assertEquals(notes, valid("id,notes", "DSA-1," + notes).notes());
        }

        @Test
        void aLongerCellIsRefused() {
            RegisterFormatException e = failure("id,notes\nDSA-1,\"" + "x".repeat(CsvRegisterReader.MAX_CELL_LENGTH + 1) + "\"\n");
            assertEquals(SOURCE + ": exceeds a parser limit: a cell longer than 1,000,000 characters in the row starting at"
                    + " line 2", e.getMessage());
        }

        @Test
        void aVeryWideRowIsRefusedWithoutHoldingIt() {
            String wide = "DSA-1" + ",".repeat(200_000) + "x\n";
            assertMessageHas(failure("id\n" + wide).getMessage(), "row 2, column ", "beyond the header's last column (A)");
        }

        @Test
        void aMissingFileIsNamed(@TempDir Path dir) {
            Path file = dir.resolve("missing.csv");
            RegisterFormatException e = assertThrows(RegisterFormatException.class, () -> READER.open(file));
            assertEquals(file + ": no such file", e.getMessage());
        }

        @Test
        void aDirectoryIsNamed(@TempDir Path dir) {
            RegisterFormatException e = assertThrows(RegisterFormatException.class, () -> READER.open(dir));
            assertEquals(dir + ": is a directory, not a register file", e.getMessage());
        }

        @Test
        void aFileIsNamedInItsMessages(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("register.csv");
            Files.writeString(file, "id,titel\n");
            RegisterFormatException e = assertThrows(RegisterFormatException.class, () -> READER.readAll(file));
            assertTrue(e.getMessage().startsWith(file + ": unknown column \"titel\""), e.getMessage());
        }

        @Test
        void inputExceptionsAreWrapped() {
            InputStream failing = new InputStream() {
                private final byte[] start = "id\nDSA-1\n".getBytes(StandardCharsets.UTF_8);
                private int n;

                @Override
                public int read() throws IOException {
                    if (n < start.length) {
                        return start[n++];
                    }
                    throw new IOException("disk on fire");
                }
            };
            RegisterFormatException e = assertThrows(RegisterFormatException.class, () -> READER.readAll(failing, "r.csv"));
            assertEquals("r.csv: cannot be read: disk on fire", e.getMessage());
        }
    }

    @Nested
    class Streaming {
        /** A large CSV register, made as it is read, counting what was read. */
        private static final class GeneratedRegister extends InputStream {
            private final int records;
            private int next = -1;
            private byte[] chunk = new byte[0];
            private int pos;
            long bytesRead;
            boolean closed;

            GeneratedRegister(int records) {
                this.records = records;
            }

            @Override
            public int read() {
                while (pos == chunk.length) {
                    if (next >= records) {
                        return -1;
                    }
                    String row = next < 0 ? "id,purposes,commercialAccess,notes\n"
                            : "DSA-" + next + ",RESEARCH,false,\"a note, with a comma\"\n";
                    chunk = row.getBytes(StandardCharsets.UTF_8);
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
        void rowsAreReadOneAtATime() {
            GeneratedRegister in = new GeneratedRegister(200_000);
            try (RegisterSource s = READER.open(in, "generated.csv")) {
                assertEquals("DSA-0", assertInstanceOf(RegisterEntry.Valid.class, s.next()).agreement().id());
                assertTrue(in.bytesRead < 100_000, "read " + in.bytesRead + " bytes for the first record");
            }
            assertTrue(in.closed, "closing the source closes the input");
        }

        @Test
        void aLargeRegisterIsReadToTheEnd() {
            GeneratedRegister in = new GeneratedRegister(20_000);
            int n = 0;
            try (RegisterSource s = READER.open(in, "generated.csv")) {
                while (s.hasNext()) {
                    assertEquals(n++, assertInstanceOf(RegisterEntry.Valid.class, s.next()).index());
                }
            }
            assertEquals(20_000, n);
        }

        @Test
        void nextAfterTheEndThrows() {
            try (RegisterSource s = READER.open(utf8("id\n"), SOURCE)) {
                assertFalse(s.hasNext());
                assertFalse(s.hasNext());
                assertThrows(NoSuchElementException.class, s::next);
            }
        }

        @Test
        void theInputIsClosedWhenOpeningFails() {
            boolean[] closed = {false};
            InputStream in = new FilterInputStream(utf8("no,header\n")) {
                @Override
                public void close() throws IOException {
                    closed[0] = true;
                    super.close();
                }
            };
            assertThrows(RegisterFormatException.class, () -> READER.open(in, SOURCE));
            assertTrue(closed[0]);
        }

        @Test
        void readingAClosedSourceIsAMistake() {
            RegisterSource s = READER.open(utf8("id\nDSA-1\n"), SOURCE);
            s.close();
            s.close();
            assertThrows(IllegalStateException.class, s::hasNext);
        }

        @Test
        void aRegisterWrittenByAProgramIsReadBack() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("id,title\n".getBytes(StandardCharsets.UTF_8));
            out.writeBytes("DSA-\u00e9,Caf\u00e9 \u2014 \ud83d\ude00\n".getBytes(StandardCharsets.UTF_8));
            ReadResult r = READER.readAll(new java.io.ByteArrayInputStream(out.toByteArray()), SOURCE);
            assertEquals("Caf\u00e9 \u2014 \ud83d\ude00", r.agreements().get(0).title());
        }
    }
}
