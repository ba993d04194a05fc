/**
 * The vocabulary of the rules: facts the engine inserts ({@link org.dsarules.facts.AsOf}) and
 * facts rules insert (classifications, red flags, unknowns, proposals). Policy authors write
 * DRL against these types and {@link org.dsarules.model}.
 */
package org.dsarules.facts;
