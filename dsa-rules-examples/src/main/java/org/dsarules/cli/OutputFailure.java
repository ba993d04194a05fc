package org.dsarules.cli;

import java.io.IOException;

/**
 * A write that failed (a full disk, a closed pipe, {@code /dev/full}), thrown unchecked so that it
 * passes through a {@link java.io.PrintWriter}, which would otherwise swallow it, and through the
 * audit, which then stops at once instead of deciding records nobody will read.
 */
final class OutputFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutputFailure(String target, IOException cause) {
        super("cannot write " + target + ": " + reason(cause), cause);
    }

    /** The system's reason ("No space left on device", "Broken pipe"), without Java's class names. */
    static String reason(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
