package org.dsarules.cli;

/** A reason the command cannot run, shown to the user as one line. */
class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A register past a limit: stops the command, never taken for an unreadable register the others go on without. */
    static final class TooLarge extends CliException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }
}
