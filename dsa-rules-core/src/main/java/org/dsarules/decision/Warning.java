package org.dsarules.decision;

import java.util.Objects;

/**
 * Entries of one agreement that contradict each other, or a date that cannot be right yet: reported
 * beside the decision, never changing it (the rules decide on the facts as given; the practice
 * corrects the register).
 *
 * @param code    a stable code: {@code CONCLUSION_WITHOUT_RECEIVED}, {@code RECEIVED_BEFORE_REQUESTED},
 *                {@code DATE_AFTER_AS_OF}, {@code PLACEHOLDER_AS_UNKNOWN}, {@code CATALOGUE_CONFLICT} (the
 *                register contradicts the catalogue of known programmes: see {@link Decision#catalogue()})
 * @param field   the field path the warning is about ({@code icbAssessment.receivedOn})
 * @param message one plain sentence naming the offending values
 */
public record Warning(String code, String field, String message) {
    public Warning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
