package org.dsarules.kb.scenario;

import java.util.List;
import org.dsarules.decision.Outcome;

/**
 * What a scenario expects of one agreement. Every component is optional (null): only what is
 * named is checked. {@code redFlags} and {@code missing} are compared as sets, exactly;
 * {@code fired} must all be in the trace and {@code notFired} none of it. A rule counts as fired when
 * it fired, even if what it inserted was withdrawn afterwards (a rule that inserts with
 * {@code insertLogical} and whose {@code not} condition stopped holding): it is a step of the trace.
 * {@code withdrawn} names rules that must have fired and had what they inserted withdrawn, so a
 * scenario can say "the keep-list proposed, and the legal flag withdrew it".
 */
public record Expectation(Outcome outcome, List<String> redFlags, List<String> missing, String decisiveRule,
        List<String> fired, List<String> notFired, List<String> withdrawn) {

    /** An expectation without a {@code withdrawn} check. */
    public Expectation(Outcome outcome, List<String> redFlags, List<String> missing, String decisiveRule,
            List<String> fired, List<String> notFired) {
        this(outcome, redFlags, missing, decisiveRule, fired, notFired, null);
    }
}
