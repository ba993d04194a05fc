package org.dsarules.register;

import java.io.IOException;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.dsarules.exception.RegisterFormatException;

/**
 * The iterator bookkeeping every {@link RegisterSource} shares, written once: one record read ahead,
 * the end, closing once, and a whole-input failure that, once thrown, is thrown again by every later
 * call. A form of register supplies only how to read its next record and how to name a failure.
 */
public abstract class StreamingSource implements RegisterSource {
    /** What messages call the input, typically its file name. */
    protected final String source;
    private RegisterEntry pending;
    private boolean done;
    private boolean closed;
    private RegisterFormatException failure;

    protected StreamingSource(String source) {
        this.source = source;
    }

    /**
     * Reads the next record.
     *
     * @return its entry, or null at the end of the register
     * @throws IOException             when the input fails; {@link #failure(IOException)} names it
     * @throws RegisterFormatException when the input as a whole is not a register
     */
    protected abstract RegisterEntry read() throws IOException;

    /** The whole-input failure an input or parser exception means, in this form's words. */
    protected abstract RegisterFormatException failure(IOException e);

    /** Closes the input; called once. */
    protected abstract void closeInput() throws IOException;

    /**
     * Runs {@code start} on a new source (reading a header, or up to the first record), closing the
     * source when it throws, so that an input that is not a register fails at once and leaves nothing open.
     */
    protected static <S extends StreamingSource> S started(S s, Consumer<S> start) {
        try {
            start.accept(s);
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public final boolean hasNext() {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IllegalStateException("the register source is closed");
        }
        if (pending != null) {
            return true;
        }
        if (done) {
            return false;
        }
        try {
            pending = read();
            done = pending == null;
            return !done;
        } catch (IOException e) {
            failure = failure(e);
        } catch (RegisterFormatException e) {
            failure = e;
        }
        throw failure;
    }

    @Override
    public final RegisterEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records in " + source);
        }
        RegisterEntry e = pending;
        pending = null;
        return e;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            try {
                closeInput();
            } catch (IOException e) {
                // nothing more to do: the input was only read
            }
        }
    }
}
