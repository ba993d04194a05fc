package org.dsarules.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Registers are UTF-8: a reader that refuses any other bytes (rather than replacing them, which
 * would change names and ids silently) and skips a byte order mark. Shared by the JSON and CSV readers.
 */
public final class Utf8Input {
    private static final int BOM = 0xFEFF;

    private Utf8Input() {
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
