package org.dsarules.register;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BiFunction;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.internal.Utf8Input;

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

    /** Opens a text form's source over a reader: creates its parser and reads up to its first record. */
    protected interface TextOpener {
        RegisterSource open(Reader reader, String sourceName) throws IOException;
    }

    /**
     * Opens a register in a text form (JSON, CSV): the input as strict UTF-8 past any byte order mark,
     * handed to {@code opener}; an input failure is worded by {@code failure}, and the input is closed
     * whenever this throws.
     */
    protected static RegisterSource openText(InputStream in, String sourceName,
            BiFunction<String, IOException, RegisterFormatException> failure, TextOpener opener) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        Reader reader;
        try {
            reader = Utf8Input.reader(in);
        } catch (IOException e) {
            throw failure.apply(sourceName, e);
        }
        try {
            return opener.open(reader, sourceName);
        } catch (IOException e) {
            try {
                reader.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw failure.apply(sourceName, e);
        }
    }
}
