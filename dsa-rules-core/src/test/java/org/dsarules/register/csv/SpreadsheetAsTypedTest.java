package org.dsarules.register.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dsarules.catalogue.ProgrammeAliases;
import org.dsarules.decision.ErrorCode;
import org.dsarules.decision.Warning;
import org.dsarules.decision.Warnings;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.model.Agreement;
import org.dsarules.model.HistoryEntry;
import org.dsarules.model.LmcAdvice;
import org.dsarules.model.Register;
import org.dsarules.model.RequirementKind;
import org.dsarules.register.ReadResult;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterSource;
import org.dsarules.register.json.JsonRegisterWriter;
import org.dsarules.register.json.RegisterReader;
import org.dsarules.register.xlsx.XlsxRegisterReader;
import org.dsarules.register.xlsx.XlsxRegisterWriter;
import org.dsarules.round.Answers;
import org.dsarules.round.Programmes;
import org.dsarules.round.Questionnaire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** record-format.md v1.2 on spreadsheets as practice managers type them: placeholders, own columns, encodings, answers. */
class SpreadsheetAsTypedTest {
    private static final String HEADER = "id,status,practiceRole,parties[0].name,parties[0].role,parties[0].instructedBy,"
            + "parties[0].directCareProvider,purposes,legalRequirement.kind,legalRequirement.reference,dpiaProvided,"
            + "signedOn,lmcAdvice,# PM comments";

    private static RegisterEntry.Valid valid(RegisterEntry e) {
        return assertInstanceOf(RegisterEntry.Valid.class, e, () -> e.toString());
    }

    private static List<String> warnedFields(RegisterEntry.Valid v) {
        return v.warnings().stream().filter(w -> w.code().equals(Warnings.PLACEHOLDER_AS_UNKNOWN)).map(Warning::field).toList();
    }

    @Test
    void placeholderWordsInEveryKindOfCellAreNotKnownWithAWarningNamingTheCell() {
        RegisterEntry.Valid v = valid(CsvFixtures.entry(HEADER,
                "A-2,Unknown,?,CPRD,tbc,Unknown,n/k,N/A,none,TBC,-,pending,NONE,ask Dr Smith"));
        Agreement a = v.agreement();
        assertNull(a.status());
        assertNull(a.practiceRole());
        assertNull(a.parties().get(0).role());
        assertNull(a.parties().get(0).directCareProvider());
        assertNull(a.purposes());
        assertNull(a.dpiaProvided());
        assertNull(a.signedOn());
        // valid values keep their meaning: no duty applies, no advice given
        assertEquals(RequirementKind.NONE, a.legalRequirement().kind());
        assertEquals(LmcAdvice.NONE, a.lmcAdvice());
        // the two text fields the rules read keep the word, read as not known by the model (it warns itself)
        assertTrue(!a.legalRequirement().hasReference());
        assertEquals(List.of("status", "practiceRole", "parties[0].role", "parties[0].directCareProvider", "purposes",
                "dpiaProvided", "signedOn"), warnedFields(v));
        Warning status = v.warnings().get(0);
        assertTrue(status.message().contains("row 2") && status.message().contains("\"Unknown\""), status.message());
        assertEquals(Map.of("# PM comments", "ask Dr Smith"), v.ownColumns());
    }

    @Test
    void aBadEnumOrDateSaysLeaveItEmptyAndATwoDigitYearGetsItsCorrection() {
        RegisterEntry e = CsvFixtures.entry("id,signedOn", "A-3,14/09/22");
        RecordErrorView err = RecordErrorView.of(e);
        assertEquals(ErrorCode.BAD_DATE, err.code());
        assertTrue(err.message().contains("did you mean 2022-09-14?") && err.message().contains("leave it empty if not known"),
                err.message());
        RecordErrorView bad = RecordErrorView.of(CsvFixtures.entry("id,status", "A-4,EXSTING"));
        assertEquals(ErrorCode.BAD_ENUM, bad.code());
        assertTrue(bad.message().contains("did you mean EXISTING?") && bad.message().contains("leave it empty if not known"),
                bad.message());
        // a placeholder in a list with a real value is no placeholder: an error as before
        assertEquals(ErrorCode.BAD_ENUM, RecordErrorView.of(CsvFixtures.entry("id,purposes", "A-5,RESEARCH; TBC")).code());
    }

    private record RecordErrorView(ErrorCode code, String field, String message) {
        static RecordErrorView of(RegisterEntry e) {
            RegisterEntry.Invalid i = assertInstanceOf(RegisterEntry.Invalid.class, e, () -> e.toString());
            return new RecordErrorView(i.error().code(), i.error().field(), i.error().message());
        }
    }

    @Test
    void idsThatDifferOnlyByANoBreakSpaceOrNormalisationAreWarned() {
        List<RegisterEntry> entries = CsvFixtures.entries("id,title\nMB 01,one\nMB\u00a001,two\nCaf\u00e9,three\nCafe\u0301,four\n");
        assertTrue(valid(entries.get(0)).warnings().isEmpty());
        Warning nbsp = valid(entries.get(1)).warnings().get(0);
        assertEquals("NEAR_DUPLICATE_ID", nbsp.code());
        assertEquals("id", nbsp.field());
        assertTrue(nbsp.message().contains("index 0 (row 2)"), nbsp.message());
        assertEquals("NEAR_DUPLICATE_ID", valid(entries.get(3)).warnings().get(0).code());
    }

    @Test
    void ownColumnsAreNeverAnErrorAndGoIntoEveryRegisterWrittenFromIt(@TempDir Path dir) throws Exception {
        String csv = "id,title,# PM comments,#owner\nA-1,GDPPR,asked Dr Smith,Jo\nA-2,CPRD,,Sam\n";
        ReadResult read = CsvFixtures.readAll(csv);
        assertTrue(read.errors().isEmpty(), read.errors().toString());
        Register register = read.register();
        assertEquals(List.of("# PM comments", "#owner"), register.ownColumnNames());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvRegisterWriter().write(register, out);
        String written = out.toString(StandardCharsets.UTF_8);
        assertTrue(written.lines().findFirst().orElseThrow().endsWith(",# PM comments,#owner"), written);
        Register again = CsvFixtures.readAll(written).register();
        assertEquals(register.ownColumns(), again.ownColumns());

        Path xlsx = dir.resolve("r.xlsx");
        try (var os = Files.newOutputStream(xlsx)) {
            new XlsxRegisterWriter().write(register, os);
        }
        assertEquals(register.ownColumns(), XlsxRegisterReader.defaults().readAll(xlsx).register().ownColumns());
    }

    @Test
    void aCsvThatIsNotUtf8IsReadAsWindows1252WithOneWarningNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("desiree.csv");
        Files.write(file, "practice.odsCode,practice.name,id,title\nB82002,D\u00e9sir\u00e9e Lane,B-1,Caf\u00e9 \u2013 group\n"
                .getBytes(Charset.forName("windows-1252")));
        try (RegisterSource source = CsvRegisterReader.defaults().open(file)) {
            assertEquals(1, source.warnings().size());
            assertTrue(source.warnings().get(0).startsWith(file.toString() + ": not UTF-8, read as Windows-1252"),
                    source.warnings().get(0));
            Agreement a = valid(source.next()).agreement();
            assertEquals("Caf\u00e9 \u2013 group", a.title());
            assertEquals("D\u00e9sir\u00e9e Lane", source.practice().name());
        }
        Path utf8 = dir.resolve("utf8.csv");
        Files.writeString(utf8, "id,title\nB-1,Caf\u00e9\n");
        try (RegisterSource source = CsvRegisterReader.defaults().open(utf8)) {
            assertTrue(source.warnings().isEmpty());
        }
        // JSON stays UTF-8 only
        Path json = dir.resolve("r.json");
        Files.write(json, "[{\"id\":\"Caf\u00e9\"}]".getBytes(Charset.forName("windows-1252")));
        assertThrows(RegisterFormatException.class, () -> RegisterReader.defaults().readAll(json));
    }

    @Test
    void programmeKeysIgnoreCaseWhiteSpaceAndPunctuationAndResolveAliases() throws Exception {
        ProgrammeAliases user = ProgrammeAliases.readCsv(new StringReader("alias,programme\nGDPPR extraction,GDPPR\n"), "a.csv");
        ProgrammeAliases aliases = Programmes.withShipped(user);
        String gdppr = Programmes.key(Agreement.builder("1").programme("GDPPR").build(), aliases);
        assertEquals(gdppr, Programmes.key(Agreement.builder("2").programme("g.d.p.p.r.").build(), aliases));
        assertEquals(gdppr, Programmes.key(Agreement.builder("3").programme("GDPPR extraction").build(), aliases));
        assertEquals(Programmes.key(Agreement.builder("4").programme("OpenSAFELY").build(), aliases),
                Programmes.key(Agreement.builder("5").programme("opensafely").build(), aliases));
        // without a programme, title and requestedBy compared the same way
        assertEquals(Programmes.key(Agreement.builder("6").title("Shared Care").requestedBy("Westvale ICB").build(), aliases),
                Programmes.key(Agreement.builder("7").title("shared care.").requestedBy("WESTVALE  ICB").build(), aliases));
    }

    @Test
    void answersApplyRowByRowAndNeverReplaceAPracticesDifferentValue() throws Exception {
        Register a = CsvFixtures.readAll("practice.odsCode,id,programme,dpiaProvided,identifiability,icbAssessment.status,"
                + "icbAssessment.conclusion,# PM comments\n"
                + "A81001,A-1,GDPPR,yes,,RECEIVED,INCOMPLETE,asked Dr Smith\n"
                + ",A-2,CPRD Aurum,TBC,,,,\n").register();
        Register b = CsvFixtures.readAll("practice.odsCode,id,programme,dpiaProvided\nB82002,B-1,gdppr.,false\n,B-2,C.P.R.D,\n")
                .register();
        Register c = CsvFixtures.readAll("practice.odsCode,id,programme\nC83003,C-1,GDPPR extraction\n").register();
        List<Answers.Named> registers = List.of(new Answers.Named("a.csv", a), new Answers.Named("b.csv", b),
                new Answers.Named("c.csv", c));
        String q = "practice,agreementId,programme,title,field,question,allowed,answer,comment,ICB reviewer\n"
                + ",,GDPPR,,dpiaProvided,q,true or false,true,DPIA published 2021,Jo\n"
                + ",,GDPPR,,icbAssessment.conclusion,q,one of,NECESSARY_AND_LAWFUL,,\n"
                + "A81001,A-1,,,identifiability,q,one of,maybe,,\n"
                + "A81001,A-1,,,nationalDataOptOutApplied,q,true or false,yes,,\n"
                + ",,CPRD,,dpiaProvided,q,true or false,true,,\n"
                + ",,Orchid,,dpiaProvided,q,true or false,true,,\n"
                + ",,GDPPR,,commercialAccess,q,true or false,TBC,,\n";
        List<String> warnings = new java.util.ArrayList<>();
        List<Questionnaire.Row> rows = readQuestionnaire(q, warnings);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("ICB reviewer") && !warnings.get(0).contains("comment,"), warnings.get(0));

        ProgrammeAliases aliases = Programmes.withShipped(ProgrammeAliases.readCsv(
                new StringReader("alias,programme\nGDPPR extraction,GDPPR\nCPRD Aurum,CPRD\n"), "aliases.csv"));
        Answers.Result r = Answers.apply(registers, rows, LocalDate.of(2026, 12, 7), "ICB questionnaire q.csv", aliases);

        // B-1 holds false: kept, reported with practice, agreement, field and both values
        assertEquals(1, r.conflicts().size(), r.conflicts().toString());
        Answers.Conflict conflict = r.conflicts().get(0);
        assertEquals(List.of(2, "B82002", "B-1", "dpiaProvided", "false", "true"), List.of(conflict.row(), conflict.practice(),
                conflict.agreementId(), conflict.field(), conflict.held(), conflict.answered()));
        Agreement b1 = r.registers().get(1).register().agreements().get(0);
        assertEquals(Boolean.FALSE, b1.dpiaProvided());
        // applied where not known (C-1 by alias) or equal; a held placeholder counts as not known
        Agreement c1 = r.registers().get(2).register().agreements().get(0);
        assertEquals(Boolean.TRUE, c1.dpiaProvided());
        HistoryEntry h = c1.history().get(0);
        assertEquals("DPIA published 2021", h.comment());
        Agreement a2 = r.registers().get(0).register().agreements().get(1);
        assertEquals(Boolean.TRUE, a2.dpiaProvided());
        // the ICB's own field: its newer answer replaces the earlier one
        Agreement a1 = r.registers().get(0).register().agreements().get(0);
        assertEquals("NECESSARY_AND_LAWFUL", a1.icbAssessment().conclusion().name());
        // row by row: row 4 refused, row 5 of the same agreement still applied
        assertEquals(Boolean.TRUE, a1.nationalDataOptOutApplied());
        assertTrue(r.refused().stream().anyMatch(x -> x.row() == 4 && x.why().contains("maybe")), r.refused().toString());
        assertTrue(r.refused().stream().anyMatch(x -> x.row() == 7 && x.why().contains("no agreement of programme Orchid")),
                r.refused().toString());
        assertTrue(r.refused().stream().anyMatch(x -> x.row() == 8 && x.why().contains("placeholder")), r.refused().toString());
        // the CPRD row matched two of the three registers: reported
        assertEquals(1, r.unmatched().size(), r.unmatched().toString());
        assertTrue(r.unmatched().get(0).startsWith("row 6: programme \"CPRD\" matched 2 of the 3 registers; none in c.csv"),
                r.unmatched().get(0));
        // the practice's own columns go on into the register written
        assertEquals(Map.of("A-1", Map.of("# PM comments", "asked Dr Smith")), r.registers().get(0).register().ownColumns());
        // the comment is written in the history columns and read back
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvRegisterWriter().write(r.registers().get(2).register(), out);
        String written = out.toString(StandardCharsets.UTF_8);
        assertTrue(written.lines().findFirst().orElseThrow().contains("history[0].comment"), written);
        assertEquals("DPIA published 2021", CsvFixtures.readAll(written).agreements().get(0).history().get(0).comment());
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        new JsonRegisterWriter().write(r.registers().get(2).register(), json);
        assertTrue(json.toString(StandardCharsets.UTF_8).contains("\"comment\" : \"DPIA published 2021\"")
                || json.toString(StandardCharsets.UTF_8).contains("\"comment\":\"DPIA published 2021\""), json.toString());
    }

    @Test
    void newerLmcAdviceReplacesTheLmcsEarlierAdviceWithoutAConflict() throws Exception {
        Register a = CsvFixtures.readAll("practice.odsCode,id,programme,lmcAdvice\nA81001,A-1,OpenSAFELY,KEEP\n").register();
        Register b = CsvFixtures.readAll("practice.odsCode,id,programme\nB82002,B-1,opensafely\n").register();
        List<Questionnaire.Row> advice = readQuestionnaire("programme,advice\nOpen SAFELY,WITHDRAW\n", new java.util.ArrayList<>());
        Answers.Result r = Answers.apply(List.of(new Answers.Named("a.csv", a), new Answers.Named("b.csv", b)), advice,
                LocalDate.of(2026, 12, 7), "LMC advice advice.csv");
        assertTrue(r.conflicts().isEmpty(), r.conflicts().toString());
        assertEquals(LmcAdvice.WITHDRAW, r.registers().get(0).register().agreements().get(0).lmcAdvice());
        assertEquals(LmcAdvice.WITHDRAW, r.registers().get(1).register().agreements().get(0).lmcAdvice());
    }

    private static List<Questionnaire.Row> readQuestionnaire(String csv, List<String> warnings) {
        try {
            Path f = Files.createTempFile("q", ".csv");
            try {
                Files.writeString(f, csv);
                Questionnaire.Answered answered = Questionnaire.readAnswered(f);
                answered.warnings().forEach(warnings::add);
                return answered.rows();
            } finally {
                Files.delete(f);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
