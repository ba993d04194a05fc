package org.dsarules.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One change made to an agreement after it was first entered, such as an answer of the ICB applied
 * from a questionnaire: kept in the agreement's {@code history} so that the earlier state is never
 * lost. Carried through, never read by the rules.
 *
 * @param date     the day the change was made; required
 * @param field    the register field it changed, as a path of the format ({@code icbAssessment.conclusion},
 *                 {@code parties[2].role}); required, non-blank
 * @param oldValue the field's value before, in the CSV cell syntax; null when it was not known
 * @param newValue its value after, in the CSV cell syntax; null when it became not known
 * @param source   who or what made the change ({@code ICB questionnaire}, a file name); null when not stated
 * @param comment  the words that came with the change (the ICB's own, from a questionnaire's {@code comment}
 *                 column: record-format.md v1.2); null when none
 */
public record HistoryEntry(LocalDate date, String field, String oldValue, String newValue, String source, String comment) {
    /** An entry without a comment. */
    public HistoryEntry(LocalDate date, String field, String oldValue, String newValue, String source) {
        this(date, field, oldValue, newValue, source, null);
    }

    public HistoryEntry {
        Objects.requireNonNull(date, "history date");
        Objects.requireNonNull(field, "history field");
        if (field.isBlank()) {
            throw new IllegalArgumentException("history field is blank");
        }
    }
}
