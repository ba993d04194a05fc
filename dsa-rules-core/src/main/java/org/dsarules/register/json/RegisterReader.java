package org.dsarules.register.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Objects;
import org.dsarules.decision.RecordError;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.register.ReadResult;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterSource;
import org.dsarules.register.Utf8Input;

/**
 * Reads a register of agreements in the JSON format of {@code record-format.md}: an object with
 * {@code practice} and {@code agreements}, or a bare array of agreements.
 *
 * <p>{@link #open} streams: records are read and validated one at a time, so a register of any size
 * is read in little memory. Each record becomes a {@link RegisterEntry}: a valid agreement, or a
 * {@link RecordError} (the other records are still read). When the input as a whole cannot be read
 * (a file that cannot be read, not UTF-8, not JSON, not a register, over a parser limit: a string
 * over 1,000,000 characters, nesting deeper than 100) a {@link RegisterFormatException} is thrown
 * whose one-line message names the source and the problem.
 *
 * <p>Instances are immutable and thread-safe; a {@link RegisterSource} is for one thread.
 */
public final class RegisterReader {
    private static final RegisterReader DEFAULTS = new RegisterReader();

    private RegisterReader() {
    }

    /**
     * The reader with the format's limits: strings up to 1,000,000 characters, nesting up to 100
     * deep, numbers up to 100 characters, field names up to 1,000 characters, at most 1,000 parties
     * and 1,000 purposes in one agreement.
     */
    public static RegisterReader defaults() {
        return DEFAULTS;
    }

    /**
     * Opens a register given as UTF-8 bytes (a byte order mark is skipped). The start of the input is
     * read at once, so an input that is not a register fails here; later problems are thrown by the
     * source's {@code hasNext()} and {@code next()}.
     *
     * @param in         the input; closed when the source is closed, or at once when this throws
     * @param sourceName what messages call the input, typically its file name
     * @throws RegisterFormatException when the input is not a register
     */
    public RegisterSource open(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        Reader reader;
        try {
            reader = Utf8Input.reader(in);
        } catch (IOException e) {
            throw Failures.of(sourceName, e);
        }
        return JsonRegisterSource.open(reader, sourceName);
    }

    /**
     * Opens a register file; messages call it by the path as given.
     *
     * @throws RegisterFormatException when the file is missing, a directory or cannot be read, or is
     *                                 not a register
     */
    public RegisterSource open(Path file) {
        return open(Utf8Input.open(file), file.toString());
    }

    /**
     * Reads a whole register into memory: for small registers and tests. Closes the input.
     *
     * @throws RegisterFormatException when the input as a whole cannot be read
     */
    public ReadResult readAll(InputStream in, String sourceName) {
        return ReadResult.of(open(in, sourceName));
    }

    /**
     * Reads a whole register file into memory.
     *
     * @throws RegisterFormatException when the file cannot be read or is not a register
     */
    public ReadResult readAll(Path file) {
        return ReadResult.of(open(file));
    }

}
