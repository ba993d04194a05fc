package org.dsarules.facts;

/**
 * A red flag found in the agreement. Several rules may raise the same id for different reasons;
 * the decision lists each id once.
 *
 * <p>Named {@code RaisedFlag}, not {@code RedFlag}: Drools resolves the rule metadata key
 * {@code @redFlag} as a type named {@code RedFlag}, and a fact class of that name can then not be
 * used in a pattern.
 *
 * @param id    the red flag's id, e.g. {@code RF-COMMERCIAL}
 * @param basis whether it rests on the law or the campaign
 */
public record RaisedFlag(String id, Basis basis, String explanation) implements Finding {
}
