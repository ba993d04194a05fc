package org.dsarules.text;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that makes register text (and any other text the tool did not write itself: file
 * names, rule names, messages quoting values) safe for a person to read on a terminal, in a plain-text
 * document or in Markdown. Every command that writes text for people calls it; so do the document
 * templates.
 *
 * <p>What a terminal must never receive from a register: C0 controls (NUL, ESC, vertical tab, ...),
 * DEL, C1 controls (U+0080 to U+009F: U+009B alone is an 8-bit CSI, enough to rewrite what the screen
 * shows; Java's {@code \p{Cntrl}} is ASCII-only and misses them), the bidirectional overrides, embeddings,
 * isolates and marks (which reorder what is shown), the Unicode line and paragraph separators, and
 * UTF-16 surrogates that are not part of a pair. Line breaks of any kind and tabs become one space, so a
 * value cannot add a line (a forged "Outcome: KEEP"); every other such character becomes U+FFFD, so the
 * reader sees that something was there.
 */
public final class Sanitiser {
    /** What an invisible or dangerous character is shown as. */
    public static final char REPLACEMENT = '\uFFFD';

    /** Bare URLs, {@code scheme://...} or {@code www....}, which Markdown renderers turn into links. */
    private static final Pattern BARE_URL = Pattern.compile("(?i)(?:\\b[a-z][a-z0-9+.-]*://|\\bwww\\.)[^\\s<>]*");

    private Sanitiser() {
    }

    /** Whether a code point is a line break or tab: shown as a space, never as a new line. */
    static boolean isBreak(int cp) {
        return cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x0B || cp == 0x0C || cp == 0x85
                || cp == 0x2028 || cp == 0x2029;
    }

    /**
     * Whether a code point must not reach a reader as it is: a control (C0, DEL, C1), a bidirectional
     * control, a line or paragraph separator, or a lone surrogate.
     */
    public static boolean isUnsafe(int cp) {
        return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)
                || cp == 0x061C || cp == 0x200E || cp == 0x200F
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x2028 || cp == 0x2029
                || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }

    /**
     * Text on one line for a terminal or a plain-text document: each run of line breaks and tabs becomes
     * one space, every other unsafe character {@link #REPLACEMENT}; null becomes "".
     */
    public static String line(String s) {
        if (s == null) {
            return "";
        }
        if (isClean(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean lastWasBreak = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isBreak(cp)) {
                if (!lastWasBreak) {
                    b.append(' ');
                }
                lastWasBreak = true;
                continue;
            }
            lastWasBreak = false;
            if (isUnsafe(cp)) {
                b.append(REPLACEMENT);
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    /**
     * Text for a terminal that may hold line breaks of its own (a message the tool wrote over several
     * lines): {@code \n} is kept, every other unsafe character treated as by {@link #line}.
     */
    public static String lines(String s) {
        if (s == null) {
            return "";
        }
        String[] parts = s.split("\n", -1);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append('\n');
            }
            b.append(line(parts[i]));
        }
        return b.toString();
    }

    /**
     * {@code out} seen through the sanitiser: for a command whose whole output is text for a terminal.
     * {@code \n} passes; everything else is as {@link #line} makes it. Closing it closes {@code out}.
     */
    public static PrintWriter terminal(Writer out) {
        return new PrintWriter(new SanitisingWriter(out));
    }

    private static boolean isClean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x0600 && isUnsafe(c))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Text for Markdown, shown as written: on one line as {@link #line} makes it, every character that
     * Markdown or the HTML it becomes would read as syntax escaped with a backslash, and bare URLs put
     * in code spans so that no renderer turns register text into a link.
     */
    public static String markdown(String s) {
        String text = line(s);
        StringBuilder b = new StringBuilder(text.length() + 16);
        Matcher m = BARE_URL.matcher(text);
        int at = 0;
        while (m.find()) {
            escapeMarkdown(text.substring(at, m.start()), at == 0, b);
            codeSpan(m.group(), b);
            at = m.end();
        }
        escapeMarkdown(text.substring(at), at == 0, b);
        return b.toString();
    }

    private static void escapeMarkdown(String s, boolean atStart, StringBuilder b) {
        boolean digitsSoFar = atStart;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean leadingDigits = digitsSoFar && i > 0;
            digitsSoFar = digitsSoFar && c >= '0' && c <= '9';
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '!', '~', '&' -> b.append('\\').append(c);
                // At the start of a value these begin a list item or a setext heading underline.
                case '-', '+', '=' -> {
                    if (atStart && i == 0) {
                        b.append('\\');
                    }
                    b.append(c);
                }
                // "1." or "1)" at the start of a value begins an ordered list.
                case '.', ')' -> {
                    if (leadingDigits) {
                        b.append('\\');
                    }
                    b.append(c);
                }
                default -> b.append(c);
            }
        }
    }

    /** A code span whose fence is longer than any run of backticks inside it. */
    private static void codeSpan(String s, StringBuilder b) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = s.startsWith("`") || s.endsWith("`");
        b.append(fence).append(pad ? " " : "").append(s).append(pad ? " " : "").append(fence);
    }
}
