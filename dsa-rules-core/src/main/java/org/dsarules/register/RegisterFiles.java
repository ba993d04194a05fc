package org.dsarules.register;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.register.csv.CsvRegisterReader;
import org.dsarules.register.csv.CsvRegisterWriter;
import org.dsarules.register.json.JsonRegisterWriter;
import org.dsarules.register.json.RegisterReader;
import org.dsarules.register.xlsx.XlsxRegisterReader;
import org.dsarules.register.xlsx.XlsxRegisterWriter;

/**
 * Opens a register file in any of its forms, JSON, CSV or xlsx ({@code record-format.md}), as one
 * streaming {@link RegisterSource}: for callers such as the CLI that take a file and, optionally, its
 * format ({@code --input-format}).
 */
public final class RegisterFiles {

    /** The form of a register file. */
    public enum Format {
        /** An object with {@code practice} and {@code agreements}, or a bare array of agreements. */
        JSON,
        /** One agreement a row under a header of field names. */
        CSV,
        /** An Excel workbook whose first sheet has the CSV form's columns. */
        XLSX;

        /**
         * The format a file's name says: {@code .csv} (any case) is {@link #CSV}, {@code .xlsx} is
         * {@link #XLSX}, anything else {@link #JSON}.
         */
        public static Format of(Path file) {
            Objects.requireNonNull(file, "file");
            Path name = file.getFileName();
            String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".csv") ? CSV : n.endsWith(".xlsx") ? XLSX : JSON;
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
            case XLSX -> xlsx(() -> XlsxRegisterReader.defaults().open(file));
        };
    }

    /** A writer of registers in the given format. */
    public static RegisterWriter writer(Format format) {
        Objects.requireNonNull(format, "format");
        return switch (format) {
            case JSON -> new JsonRegisterWriter();
            case CSV -> new CsvRegisterWriter();
            case XLSX -> xlsx(XlsxRegisterWriter::new);
        };
    }

    /**
     * Apache POI is an optional dependency of this library: a class of the xlsx package is loaded only
     * here, when an xlsx register is asked for, and its absence is a one-line message.
     */
    private static <T> T xlsx(Supplier<T> action) {
        try {
            return action.get();
        } catch (NoClassDefFoundError e) {
            throw new RegisterFormatException("reading or writing .xlsx registers needs Apache POI (org.apache.poi:poi-ooxml)"
                    + " on the class path; save the register as CSV instead", e);
        }
    }

    /** Opens a register file in the format its name says ({@link Format#of}). */
    public static RegisterSource open(Path file) {
        return open(file, Format.of(file));
    }
}
