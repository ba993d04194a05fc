package org.dsarules.exception;

/**
 * The input as a whole cannot be read as a register: not JSON, not UTF-8, neither an object with
 * {@code agreements} nor an array, or over a parser limit. Errors in single records are not thrown:
 * they become {@link org.dsarules.decision.RecordError}s and the other records are still decided.
 */
public class RegisterFormatException extends DsaRulesException {
    private static final long serialVersionUID = 1L;

    public RegisterFormatException(String message) {
        super(message);
    }

    public RegisterFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
