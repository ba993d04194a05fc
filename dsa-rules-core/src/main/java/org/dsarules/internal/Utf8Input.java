package org.dsarules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.dsarules.exception.RegisterFormatException;

/**
 * Opening a register, shared by the JSON and CSV readers: the file a user named, with clear messages,
 * and a UTF-8 reader that refuses any other bytes (rather than replacing them, which would change
 * names and ids silently) and skips a byte order mark.
 */
public final class Utf8Input {
    private static final int BOM = 0xFEFF;

    private Utf8Input() {
    }

    /**
     * Opens a register file named by the user, with one-line messages that call it by the path as given.
     *
     * @throws RegisterFormatException when the file is a directory, is missing or cannot be read
     */
    public static InputStream open(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new RegisterFormatException(name + ": is a directory, not a register file");
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new RegisterFormatException(name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new RegisterFormatException(name + ": cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new RegisterFormatException(name + ": cannot be read: "
                    + (e.getMessage() == null ? "an input error" : e.getMessage()), e);
        }
    }

    /**
     * A reader over a CSV file (a register or a questionnaire, record-format.md v1.2): strict UTF-8 when
     * every byte of it is UTF-8, else Windows-1252 (what Excel's "CSV (Comma delimited)" writes on Windows),
     * strictly too, with one line naming the file given to {@code warn}. The file is read twice when it is
     * not UTF-8: once to find that out, once to read it.
     *
     * @throws RegisterFormatException when the file cannot be opened
     * @throws IOException             when it is neither UTF-8 nor Windows-1252 (a
     *                                 {@link java.nio.charset.CharacterCodingException}), or cannot be read
     */
    public static Reader spreadsheetReader(Path file, java.util.function.Consumer<String> warn) throws IOException {
        if (isUtf8(file)) {
            return reader(open(file));
        }
        CharsetDecoder cp1252 = java.nio.charset.Charset.forName("windows-1252").newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader r = new java.io.BufferedReader(new InputStreamReader(open(file), cp1252));
        if (warn != null) {
            warn.accept(file + ": not UTF-8, read as Windows-1252 (as Excel saves \"CSV (Comma delimited)\");"
                    + " check the names with accents, or save it as \"CSV UTF-8\"");
        }
        return r;
    }

    /** Whether every byte of {@code file} is UTF-8 (read through once, nothing kept). */
    private static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        char[] buffer = new char[8192];
        try (Reader r = new InputStreamReader(open(file), strict)) {
            while (r.read(buffer) != -1) {
                // reading is the check
            }
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /**
     * A strict UTF-8 reader over {@code in}, past any byte order mark.
     *
     * @throws IOException when the first character cannot be read (a
     *         {@link java.nio.charset.CharacterCodingException} when it is not UTF-8); {@code in} is then closed
     */
    public static Reader reader(InputStream in) throws IOException {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        PushbackReader reader = new PushbackReader(new InputStreamReader(in, strict), 1);
        try {
            int c = reader.read();
            if (c != -1 && c != BOM) {
                reader.unread(c);
            }
            return reader;
        } catch (IOException e) {
            try {
                reader.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
