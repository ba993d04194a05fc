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
 * @param comment  the words that came with the change (a questionnaire's {@code comment} column, record-format.md
 *                 v1.2); null when there were none
 */
public record HistoryEntry(LocalDate date, String field, String oldValue, String newValue, String source,
        String comment) {
    public HistoryEntry {
        Objects.requireNonNull(date, "history date");
        Objects.requireNonNull(field, "history field");
        if (field.isBlank()) {
            throw new IllegalArgumentException("history field is blank");
        }
    }

    /** An entry without a comment, as every entry was before record-format.md v1.2. */
    public HistoryEntry(LocalDate date, String field, String oldValue, String newValue, String source) {
        this(date, field, oldValue, newValue, source, null);
    }

    // equals, hashCode and toString are written out, with the meaning a record's generated ones have:
    // the generated ones are bootstrapped through java.lang.runtime.ObjectMethods, whose method-handle
    // caches keep this class, and so an application's class loader, reachable after it is dropped on
    // JDK 17 (JDK-8078641, fixed in 18). Drools compares and hashes the facts it is given.
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof HistoryEntry that
                && Objects.equals(date, that.date)
                && Objects.equals(field, that.field)
                && Objects.equals(oldValue, that.oldValue)
                && Objects.equals(newValue, that.newValue)
                && Objects.equals(source, that.source)
                && Objects.equals(comment, that.comment);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(date);
        h = 31 * h + Objects.hashCode(field);
        h = 31 * h + Objects.hashCode(oldValue);
        h = 31 * h + Objects.hashCode(newValue);
        h = 31 * h + Objects.hashCode(source);
        h = 31 * h + Objects.hashCode(comment);
        return h;
    }

    @Override
    public String toString() {
        return "HistoryEntry[date=" + date
                + ", field=" + field
                + ", oldValue=" + oldValue
                + ", newValue=" + newValue
                + ", source=" + source
                + ", comment=" + comment + "]";
    }
}
