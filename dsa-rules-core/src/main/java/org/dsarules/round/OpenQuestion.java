package org.dsarules.round;

/**
 * One thing the practice still needs the ICB to tell it about one agreement: the register field the
 * answer fills, as a path, and the question in plain English.
 *
 * @param field       a field path of the format ({@code identifiability}, {@code parties[1].role})
 * @param question    the question, naming the organisation for a party's field
 * @param conditional whether it applies only if an earlier answer makes it relevant (its question says when)
 */
public record OpenQuestion(String field, String question, boolean conditional) {
}
