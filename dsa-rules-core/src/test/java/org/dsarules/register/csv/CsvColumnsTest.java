package org.dsarules.register.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.dsarules.register.RecordValidator;
import org.dsarules.register.SheetColumns;
import org.junit.jupiter.api.Test;

/** The column model stays in step with the format's fields. */
class SheetColumnsTest {

    @Test
    void everyFieldOfTheFormatSaysHowItsCellsAreRead() {
        for (String f : RecordValidator.agreementFields()) {
            switch (f) {
                case "parties" -> RecordValidator.partyFields()
                        .forEach(p -> assertTrue(SheetColumns.KINDS.containsKey("parties." + p), p));
                case "history" -> RecordValidator.historyFields()
                        .forEach(h -> assertTrue(SheetColumns.KINDS.containsKey("history." + h), h));
                case "legalRequirement", "icbAssessment" -> { }
                default -> assertTrue(SheetColumns.KINDS.containsKey(f), f);
            }
        }
        RecordValidator.legalRequirementFields()
                .forEach(n -> assertTrue(SheetColumns.KINDS.containsKey("legalRequirement." + n), n));
        RecordValidator.icbAssessmentFields()
                .forEach(n -> assertTrue(SheetColumns.KINDS.containsKey("icbAssessment." + n), n));
    }

    @Test
    void everyTemplateColumnIsAColumn() {
        for (String c : SheetColumns.names(3, 2)) {
            assertEquals(c, SheetColumns.column(c).name());
        }
    }

    @Test
    void structuredFieldsAreNotColumnsThemselves() {
        assertNull(SheetColumns.column("parties"));
        assertNull(SheetColumns.column("legalRequirement"));
        assertNull(SheetColumns.column("icbAssessment"));
        assertNull(SheetColumns.column("parties[0]"));
        assertNull(SheetColumns.column("parties[0].nome"));
        assertNull(SheetColumns.column("history"));
        assertNull(SheetColumns.column("history[0].when"));
    }

    @Test
    void suggestions() {
        assertEquals(Optional.of("commercialAccess"), SheetColumns.nearest("comercialAccess"));
        assertEquals(Optional.of("parties[3].role"), SheetColumns.nearest("parties[3].rol"));
        assertEquals(Optional.of("icbAssessment.status"), SheetColumns.nearest("icbAssesment.status"));
        assertEquals(Optional.empty(), SheetColumns.nearest("zzzzzzzzzz"));
    }

    @Test
    void spreadsheetLetters() {
        assertEquals("A", SheetColumns.letter(0));
        assertEquals("Z", SheetColumns.letter(25));
        assertEquals("AA", SheetColumns.letter(26));
        assertEquals("AZ", SheetColumns.letter(51));
        assertEquals("BA", SheetColumns.letter(52));
    }
}
