package org.dsarules.facts;

/**
 * Something a rule records only so that the trace shows it: a fact of the agreement that matters to
 * an auditor even when no row uses it (the LMC's advice that a later row overrode, say).
 */
public record Note(String topic, String explanation) implements Finding {
}
