package org.dsarules.text;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A character stream through {@link Sanitiser}: {@code \n} passes, other line breaks and tabs become a
 * space, every other unsafe character (controls, bidi controls, separators, lone surrogates) becomes
 * {@link Sanitiser#REPLACEMENT}. For commands whose whole output is text for a terminal, as a second
 * line of defence behind the sanitising of each value.
 */
final class SanitisingWriter extends FilterWriter {
    private char pendingHigh;

    SanitisingWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        char ch = (char) c;
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(ch)) {
                out.write(high);
                out.write(ch);
                return;
            }
            out.write(Sanitiser.REPLACEMENT);
        }
        if (Character.isHighSurrogate(ch)) {
            pendingHigh = ch;
        } else if (ch == '\n') {
            out.write(ch);
        } else if (Sanitiser.isBreak(ch)) {
            out.write(' ');
        } else if (Sanitiser.isUnsafe(ch)) {
            out.write(Sanitiser.REPLACEMENT);
        } else {
            out.write(ch);
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(buf[i]);
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(s.charAt(i));
        }
    }

    @Override
    public void flush() throws IOException {
        // A high surrogate waits for its pair; one left at the end of the output is lone.
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            out.write(Sanitiser.REPLACEMENT);
        }
        out.close();
    }
}
