package org.dsarules.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

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

    private OutputFailure(OutputFailure first) {
        super(first.getMessage(), first.getCause());
    }

    /** The same failure again, as a new instance (same message and cause): see {@link #sameAs}. */
    OutputFailure again() {
        return new OutputFailure(this);
    }

    /** Whether {@code other} reports the same failure of the same stream (the same cause). */
    boolean sameAs(OutputFailure other) {
        return other != null && other.getCause() == getCause();
    }

    /**
     * The system's reason ("No space left on device", "Broken pipe"), in words: never a Java class name, and
     * never the file's path again (a {@link FileSystemException}'s message is the path, then the reason; the
     * caller has already named the file).
     */
    static String reason(IOException e) {
        // A writer (Jackson) that wraps the failure of the stream under it says the stream's path again: the
        // reason is that of the failure underneath.
        for (Throwable c = e.getCause(); c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutputFailure f && f.getCause() instanceof IOException io && io != e) {
                return reason(io);
            }
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof FileSystemException fs) {
            String r = fs.getReason();
            return r == null || r.isBlank() ? "the system refused it" : r;
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "the system gave no reason" : m;
    }
}
