package org.dsarules.register;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * A reader of one form of register (JSON, CSV, xlsx): each form says only how to open an input; how a
 * file is opened and how a whole register is read into memory are the same for all, written here once.
 * Instances are immutable and thread-safe; a {@link RegisterSource} is for one thread.
 */
public abstract class FormReader {

    /**
     * Opens a register given as bytes. The start of the input is read at once, so an input that is not
     * a register in this form fails here; later problems are thrown by the source's {@code hasNext()}
     * and {@code next()}.
     *
     * @param in         the input; closed when the source is closed, or at once when this throws
     * @param sourceName what messages call the input, typically its file name
     * @throws org.dsarules.exception.RegisterFormatException when the input is not a register
     */
    public abstract RegisterSource open(InputStream in, String sourceName);

    /**
     * Opens a register file; messages call it by the path as given.
     *
     * @throws org.dsarules.exception.RegisterFormatException when the file is missing, a directory or
     *                                                        cannot be read, or is not a register
     */
    public RegisterSource open(Path file) {
        return open(Utf8Input.open(file), file.toString());
    }

    /** Reads a whole register into memory: for small registers and tests. Closes the input. */
    public ReadResult readAll(InputStream in, String sourceName) {
        return ReadResult.of(open(in, sourceName));
    }

    /** Reads a whole register file into memory. */
    public ReadResult readAll(Path file) {
        return ReadResult.of(open(file));
    }
}
