package org.dsarules.cli;

/**
 * The exit statuses every command returns. Here rather than in {@link DsaAudit}, so that a subcommand
 * never imports the root command back.
 */
final class ExitStatus {
    /** Every record decided (or every scenario passed). */
    static final int OK = 0;
    /** Some records in error (or some scenario failed); the others were still handled. */
    static final int RECORDS_IN_ERROR = 1;
    /** The command could not run. */
    static final int CANNOT_RUN = 2;

    private ExitStatus() {
    }
}
