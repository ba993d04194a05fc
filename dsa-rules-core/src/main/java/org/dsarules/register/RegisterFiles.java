package org.dsarules.register;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.dsarules.register.csv.CsvRegisterReader;
import org.dsarules.register.json.RegisterReader;

/**
 * Opens a register file in either of its forms, JSON or CSV ({@code record-format.md}), as one
 * streaming {@link RegisterSource}: for callers such as the CLI that take a file and, optionally, its
 * format ({@code --input-format}).
 */
public final class RegisterFiles {

    /** The form of a register file. */
    public enum Format {
        /** An object with {@code practice} and {@code agreements}, or a bare array of agreements. */
        JSON,
        /** One agreement a row under a header of field names. */
        CSV;

        /** The format a file's name says: {@code .csv} (any case) is {@link #CSV}, anything else {@link #JSON}. */
        public static Format of(Path file) {
            Objects.requireNonNull(file, "file");
            Path name = file.getFileName();
            return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : JSON;
        }
    }

    private RegisterFiles() {
    }

    /**
     * Opens a register file in the given format; messages call it by the path as given.
     *
     * @throws org.dsarules.exception.RegisterFormatException when the file cannot be read or is not a
     *                                                        register in that format
     */
    public static RegisterSource open(Path file, Format format) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        return switch (format) {
            case JSON -> RegisterReader.defaults().open(file);
            case CSV -> CsvRegisterReader.defaults().open(file);
        };
    }

    /** Opens a register file in the format its name says ({@link Format#of}). */
    public static RegisterSource open(Path file) {
        return open(file, Format.of(file));
    }
}
