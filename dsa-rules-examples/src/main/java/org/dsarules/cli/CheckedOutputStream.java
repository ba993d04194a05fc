package org.dsarules.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream whose failures cannot be lost: every {@link IOException} of the stream below
 * becomes an {@link OutputFailure} naming the target, which no {@code PrintWriter} or
 * {@code PrintStream} above can swallow. After the first failure every later write fails the same way.
 */
final class CheckedOutputStream extends FilterOutputStream {
    private final String target;
    private OutputFailure failure;

    /** @param target what the stream writes to, for the message: "standard output", a file's name */
    CheckedOutputStream(OutputStream out, String target) {
        super(out);
        this.target = target;
    }

    @Override
    public void write(int b) {
        check();
        try {
            out.write(b);
        } catch (IOException e) {
            throw fail(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        check();
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw fail(e);
        }
    }

    @Override
    public void flush() {
        check();
        try {
            out.flush();
        } catch (IOException e) {
            throw fail(e);
        }
    }

    @Override
    public void close() {
        if (failure != null) {
            // Already reported by the write that failed; only release the stream.
            try {
                out.close();
            } catch (IOException ignored) {
                // The first failure is the one to report.
            }
            return;
        }
        try {
            flush();
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                // Closing may be where a full disk shows (NFS, some FUSE file systems).
                if (failure == null) {
                    throw fail(e);
                }
            }
        }
    }

    /** The first failure, or null. */
    OutputFailure failure() {
        return failure;
    }

    private void check() {
        if (failure != null) {
            // A new instance of the same failure: a try-with-resources whose body threw the first one and whose
            // close() writes again would otherwise add the failure to itself ("Self-suppression not permitted").
            throw failure.again();
        }
    }

    private OutputFailure fail(IOException e) {
        failure = new OutputFailure(target, e);
        return failure;
    }
}
