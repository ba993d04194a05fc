package org.dsarules.exception;

/** Base of every exception dsa-rules throws on purpose. Its message is meant for the user, one line. */
public class DsaRulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DsaRulesException(String message) {
        super(message);
    }

    public DsaRulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
