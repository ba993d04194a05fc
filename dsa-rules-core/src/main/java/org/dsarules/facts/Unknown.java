package org.dsarules.facts;

/**
 * Something the policy needs that the agreement does not say. Inserted by a rule, so that the
 * trace shows why a field is missing and {@code missing} comes from the same place.
 *
 * @param field    the field's name as record-format.md lists it, e.g. {@code dpiaProvided}
 * @param question the plain-English question for the ICB
 */
public record Unknown(String field, String question, String explanation) implements Finding {
}
