package org.dsarules.exception;

/**
 * The rules did not finish deciding one agreement within the time limit set with
 * {@code DsaRules.Builder.ruleTimeout}: a local rule that loops, or waits, in its own code. In an audit
 * the agreement is in error with code {@code RULE_TIMEOUT} and the others are still decided.
 */
public class RuleTimeoutException extends DsaRulesException {
    private static final long serialVersionUID = 1L;

    public RuleTimeoutException(String message) {
        super(message);
    }
}
