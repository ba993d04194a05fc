package org.dsarules.register.json;

import java.io.InputStream;
import org.dsarules.decision.RecordError;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.register.FormReader;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterSource;

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
public final class RegisterReader extends FormReader {
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

    /** Opens a register given as UTF-8 bytes (a byte order mark is skipped); see {@link FormReader#open(InputStream, String)}. */
    @Override
    public RegisterSource open(InputStream in, String sourceName) {
        return openText(in, sourceName, Failures::of, JsonRegisterSource::open);
    }
}
