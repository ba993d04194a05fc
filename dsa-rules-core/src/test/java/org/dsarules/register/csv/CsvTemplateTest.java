package org.dsarules.register.csv;

import static org.dsarules.register.csv.CsvFixtures.assertPlainLine;
import static org.dsarules.register.csv.CsvFixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.model.Agreement;
import org.dsarules.model.Party;
import org.dsarules.model.PartyKind;
import org.dsarules.model.Status;
import org.dsarules.register.ReadResult;
import org.dsarules.register.RecordValidator;
import org.junit.jupiter.api.Test;

/** The empty register a practice starts a spreadsheet from. */
class CsvTemplateTest {

    private static String template() {
        StringWriter w = new StringWriter();
        CsvTemplate.write(w);
        return w.toString();
    }

    /** The template's rows, cell by cell, as any CSV reader sees them. */
    private static List<String[]> rows(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(csv)) {
            List<String[]> rows = new ArrayList<>();
            it.forEachRemaining(rows::add);
            return rows;
        }
    }

    @Test
    void theTemplateReadsBackAsARegisterWithNoRecords() {
        ReadResult r = readAll(template());
        assertEquals(0, r.recordCount());
        assertEquals(List.of(), r.errors());
    }

    @Test
    void aCommentRowComesFirstThenTheHeaderWithEveryColumn() throws IOException {
        List<String[]> rows = rows(template());
        assertEquals(2, rows.size());
        String[] comment = rows.get(0);
        String[] header = rows.get(1);
        assertTrue(comment[0].startsWith("#"), comment[0]);
        assertEquals(CsvTemplate.columns(), List.of(header));
        assertEquals(header.length, comment.length, "one explanation a column");
        for (int i = 0; i < header.length; i++) {
            String help = i == 0 ? comment[0].substring(2) : comment[i];
            assertTrue(help.startsWith(header[i] + ": "), help);
            assertPlainLine(help);
        }
    }

    @Test
    void theColumnsAreEveryFieldWithTwoParties() {
        List<String> columns = CsvTemplate.columns();
        for (String f : RecordValidator.agreementFields()) {
            switch (f) {
                case "parties" -> {
                    for (String p : RecordValidator.partyFields()) {
                        assertTrue(columns.contains("parties[0]." + p), p);
                        assertTrue(columns.contains("parties[1]." + p), p);
                        assertFalse(columns.contains("parties[2]." + p), p);
                    }
                }
                case "history" -> assertTrue(columns.stream().noneMatch(c -> c.startsWith("history")), columns.toString());
                case "legalRequirement" -> RecordValidator.legalRequirementFields()
                        .forEach(n -> assertTrue(columns.contains(f + "." + n), n));
                case "icbAssessment" -> RecordValidator.icbAssessmentFields()
                        .forEach(n -> assertTrue(columns.contains(f + "." + n), n));
                default -> assertTrue(columns.contains(f), f);
            }
        }
        assertEquals("id", columns.get(0));
        assertEquals(columns.size(), columns.stream().distinct().count());
    }

    @Test
    void theExplanationsGiveTheAllowedValues() throws IOException {
        List<String> comment = List.of(rows(template()).get(0));
        assertTrue(comment.contains("status: one of NEW_REQUEST, EXISTING; empty = not known (so is unknown, TBC, N/A or"
                + " another placeholder word)"), comment.toString());
        // a text field the rules never read keeps a placeholder as typed: its help says only "empty"
        assertTrue(comment.stream().anyMatch(c -> c.startsWith("title: ") && c.endsWith("; empty = not known")), comment.toString());
        assertTrue(comment.stream().anyMatch(c -> c.startsWith("legalRequirement.reference: ") && c.contains("TBC")),
                comment.toString());
        assertTrue(comment.get(0).contains("a column headed # (# PM comments) is the practice's own"), comment.get(0));
        assertTrue(comment.stream().anyMatch(c -> c.startsWith("commercialAccess: true or false")), comment.toString());
        assertTrue(comment.stream().anyMatch(c -> c.startsWith("purposes: values separated by ; from DIRECT_CARE, RESEARCH")
                && c.contains("[] = none")), comment.toString());
        assertTrue(comment.stream().anyMatch(c -> c.startsWith("parties[1].kind: party 1: one of GP_PRACTICE")),
                comment.toString());
    }

    @Test
    void aFilledInTemplateIsARegister() {
        ReadResult r = readAll(template() + "DSA-1,Shared care,EXISTING,,,,,NHS England,NHS_ENGLAND\n");
        assertEquals(List.of(Agreement.builder("DSA-1").title("Shared care").status(Status.EXISTING)
                .parties(new Party("NHS England", PartyKind.NHS_ENGLAND, null, null, null)).build()), r.agreements());
    }
}
