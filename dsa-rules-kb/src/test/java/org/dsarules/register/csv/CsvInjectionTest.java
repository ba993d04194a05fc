package org.dsarules.register.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.model.Agreement;
import org.dsarules.model.HistoryEntry;
import org.dsarules.model.Register;
import org.dsarules.register.ReadResult;
import org.dsarules.register.RegisterFiles;
import org.dsarules.round.Questionnaire;
import org.junit.jupiter.api.Test;

/**
 * issue 27 item 8: no CSV the project writes carries a live spreadsheet formula (OWASP CSV injection),
 * and its readers read back exactly what its writers wrote.
 */
class CsvInjectionTest {
    /** Texts a spreadsheet would run, harmless texts that start the same way, and texts that already start with quotes. */
    static final List<String> TEXTS = List.of("=HYPERLINK(\"https://evil.example\",\"click\")", "+cmd|' /C calc'!A0",
            "-5", "-", "- draft", "@SUM(1+1)", "\t=1+1", "\r=1+1", "'=already quoted", "''=twice", "'plain quote", "'",
            "plain", "a=b", "x-y");

    /** Every cell of a CSV text, as a spreadsheet program would see it (no guard removed). */
    private static List<String> rawCells(String csv) throws IOException {
        List<String> out = new ArrayList<>();
        try (MappingIterator<List<String>> it = new CsvMapper().readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(new StringReader(csv))) {
            it.forEachRemaining(out::addAll);
        }
        return out;
    }

    private static void assertNoLiveFormula(List<String> cells) {
        for (String c : cells) {
            assertFalse(!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0, () -> "a live formula cell: " + c);
        }
    }

    @Test
    void guardAndUnguardAreExactInverses() {
        for (String t : TEXTS) {
            assertEquals(t, CsvCells.unguard(CsvCells.guard(t)), t);
            String g = CsvCells.guard(t);
            assertFalse(!g.isEmpty() && "=+-@\t\r".indexOf(g.charAt(0)) >= 0, g);
        }
        assertEquals("'-5", CsvCells.guard("-5"));
        assertEquals("'=1", CsvCells.guard("=1"));
        assertEquals("plain", CsvCells.guard("plain"));
    }

    @Test
    void aCsvRegisterCarriesNoFormulaAndReadsBackUnchanged() throws IOException {
        AgreementGenerator g = new AgreementGenerator(27);
        List<Agreement> agreements = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            String t = TEXTS.get(i);
            agreements.add(g.next().toBuilder().id("DSA-" + i).title(t).notes(t).programme(t.strip().isEmpty() ? null : t)
                    .history(List.of(new HistoryEntry(LocalDate.of(2026, 12, 7), "notes", t, "=1+1", t))).build());
        }
        Register r = new Register(null, agreements);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegisterFiles.writer(RegisterFiles.Format.CSV).write(r, out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertNoLiveFormula(rawCells(csv));
        ReadResult back = ReadResult.of(CsvRegisterReader.defaults().open(new ByteArrayInputStream(out.toByteArray()), "r.csv"));
        assertEquals(List.of(), back.errors());
        for (int i = 0; i < agreements.size(); i++) {
            assertEquals(agreements.get(i), back.agreements().get(i), TEXTS.get(i));
        }
    }

    @Test
    void aCsvQuestionnaireCarriesNoFormulaAndReadsBackUnchanged() throws IOException {
        List<Questionnaire.Row> rows = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            String t = TEXTS.get(i);
            rows.add(new Questionnaire.Row(i + 2, "A81001", "DSA-" + i, "P" + i, t, "notes", t, "text", t));
        }
        StringWriter w = new StringWriter();
        Questionnaire.write(rows, w);
        assertNoLiveFormula(rawCells(w.toString()));
        List<Questionnaire.Row> back = Questionnaire.read(new StringReader(w.toString()), "q.csv");
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i).title().strip(), back.get(i).title()); // the reader strips all but question and answer
            assertEquals(rows.get(i).question(), back.get(i).question());
            assertEquals(rows.get(i).answer(), back.get(i).answer());
        }
    }
}
