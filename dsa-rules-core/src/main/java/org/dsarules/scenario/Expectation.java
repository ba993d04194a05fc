package org.dsarules.scenario;

import java.util.List;
import org.dsarules.decision.Outcome;

/**
 * What a scenario expects of one agreement. Every component is optional (null): only what is
 * named is checked. {@code redFlags} and {@code missing} are compared as sets, exactly;
 * {@code fired} must all be in the trace and {@code notFired} none of it.
 */
public record Expectation(Outcome outcome, List<String> redFlags, List<String> missing, String decisiveRule,
        List<String> fired, List<String> notFired) {
}
