package org.dsarules.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.dsarules.json.RecordValidator;
import org.junit.jupiter.api.Test;

/** The column model stays in step with the format's fields. */
class CsvColumnsTest {

    @Test
    void everyFieldOfTheFormatSaysHowItsCellsAreRead() {
        for (String f : RecordValidator.agreementFields()) {
            switch (f) {
                case "parties" -> RecordValidator.partyFields()
                        .forEach(p -> assertTrue(CsvColumns.KINDS.containsKey("parties." + p), p));
                case "history" -> RecordValidator.historyFields()
                        .forEach(h -> assertTrue(CsvColumns.KINDS.containsKey("history." + h), h));
                case "legalRequirement", "icbAssessment" -> { }
                default -> assertTrue(CsvColumns.KINDS.containsKey(f), f);
            }
        }
        RecordValidator.legalRequirementFields()
                .forEach(n -> assertTrue(CsvColumns.KINDS.containsKey("legalRequirement." + n), n));
        RecordValidator.icbAssessmentFields()
                .forEach(n -> assertTrue(CsvColumns.KINDS.containsKey("icbAssessment." + n), n));
    }

    @Test
    void everyTemplateColumnIsAColumn() {
        for (String c : CsvColumns.names(3, 2)) {
            assertEquals(c, CsvColumns.column(c).name());
        }
    }

    @Test
    void structuredFieldsAreNotColumnsThemselves() {
        assertNull(CsvColumns.column("parties"));
        assertNull(CsvColumns.column("legalRequirement"));
        assertNull(CsvColumns.column("icbAssessment"));
        assertNull(CsvColumns.column("parties[0]"));
        assertNull(CsvColumns.column("parties[0].nome"));
        assertNull(CsvColumns.column("history"));
        assertNull(CsvColumns.column("history[0].when"));
    }

    @Test
    void suggestions() {
        assertEquals(Optional.of("commercialAccess"), CsvColumns.nearest("comercialAccess"));
        assertEquals(Optional.of("parties[3].role"), CsvColumns.nearest("parties[3].rol"));
        assertEquals(Optional.of("icbAssessment.status"), CsvColumns.nearest("icbAssesment.status"));
        assertEquals(Optional.empty(), CsvColumns.nearest("zzzzzzzzzz"));
    }

    @Test
    void spreadsheetLetters() {
        assertEquals("A", CsvColumns.letter(0));
        assertEquals("Z", CsvColumns.letter(25));
        assertEquals("AA", CsvColumns.letter(26));
        assertEquals("AZ", CsvColumns.letter(51));
        assertEquals("BA", CsvColumns.letter(52));
    }
}
