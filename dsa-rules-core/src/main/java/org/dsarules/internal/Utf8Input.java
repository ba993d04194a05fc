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
