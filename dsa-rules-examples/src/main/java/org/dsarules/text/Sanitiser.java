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
     * Text for Markdown, shown as written: on one line as {@link #line} makes it, bare URLs put in code
     * spans so that no renderer turns register text into a link, and a backslash before each character
     * that Markdown (CommonMark, with GitHub's extensions) or the HTML it becomes would read as syntax
     * where it stands, and only there (issue 25): {@code Smith & Jones}, {@code [DATE]}, {@code a_b},
     * {@code MB-04} and {@code 3.5} are written as they are, so that a letter pasted into Word or an email
     * shows no stray backslashes, while {@code *bold*}, {@code <b>}, {@code &amp;}, {@code [x](y)} and a
     * leading {@code # } or {@code - } still show as typed.
     *
     * <p>What comes before and after the value in the document is not known here, so each end of the
     * value is taken at its most dangerous: the start as the start of a line (where {@code #}, {@code -},
     * {@code >} or {@code 1.} begin a block), the end as followed by anything.
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

    /**
     * {@code &name;}, {@code &#123;} or {@code &#x1F;}: a character reference, which Markdown shows as the
     * character it names (as text, never as markup: so one the document's own {@code ;} would complete is
     * left as it is, and {@code T&Cs} at the end of a value is not escaped).
     */
    private static final Pattern ENTITY = Pattern.compile("&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]*|#[xX][0-9A-Fa-f]*);");

    /**
     * Escapes one run of text. {@code atStart}: the run starts the value, and may start a line. The
     * characters just outside the run are unknown ({@code -1} below) and counted as the worst case.
     */
    private static void escapeMarkdown(String s, boolean atStart, StringBuilder b) {
        int n = s.length();
        // where the run of #s that ends the text begins (n when it ends otherwise)
        int hashes = n;
        while (hashes > 0 && s.charAt(hashes - 1) == '#') {
            hashes--;
        }
        // "[label]" as a whole value at the start of a line, before a ":" the document may add: a link
        // reference definition, which would hide the line; its ] is escaped ("[x]" elsewhere is text)
        int label = atStart && n > 1 && s.charAt(0) == '[' && s.indexOf(']', 1) == n - 1 ? n - 1 : -1;
        boolean pairedTilde = s.indexOf('~') != s.lastIndexOf('~');
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            int prev = i > 0 ? s.charAt(i - 1) : -1;
            int next = i + 1 < n ? s.charAt(i + 1) : -1;
            boolean lineStart = atStart && i == 0;
            if (i == label || needsEscape(s, i, c, prev, next, lineStart, atStart, hashes, pairedTilde)) {
                b.append('\\');
            }
            b.append(c);
        }
    }

    private static boolean needsEscape(String s, int i, char c, int prev, int next, boolean lineStart, boolean atStart,
            int hashes, boolean pairedTilde) {
        return switch (c) {
            // before punctuation it escapes it; at the end, it could escape what follows or break the line
            case '\\' -> next == -1 || isAsciiPunctuation(next);
            // a code span may close on a backtick anywhere later in the paragraph
            case '`' -> true;
            // emphasis (and a list item or a rule at the start); a * between spaces is neither
            case '*' -> !(isSpace(prev) && isSpace(next));
            // emphasis; a _ inside a word (snake_case) or between spaces is neither
            case '_' -> !(isWordChar(prev) && isWordChar(next) || isSpace(prev) && isSpace(next));
            // strikethrough needs a pair (~x~, ~~x~~), a fenced code block ~~~; "~5 days" is text. A pair
            // made with another value's ~ would strike text through, as the register's own words: not markup
            case '~' -> prev == '~' || next == '~' || pairedTilde && !(isSpace(prev) && isSpace(next));
            // raw HTML (<b>, </x>, <!--, <?) and autolinks (<https:...>) start with < and one of these
            case '<' -> next == -1 || next == '/' || next == '!' || next == '?' || isAsciiLetter(next);
            // a character reference (&amp; &#60;) is read as the character it names; "&" alone is text
            case '&' -> ENTITY.matcher(s).region(i, s.length()).lookingAt();
            // a link or an image needs ]( or ][, a link reference definition ]: ; [ alone, "[DATE]" in a sentence, is text
            case ']' -> next == '(' || next == '[' || next == ':';
            // a heading starts a line with one to six #s and a space ("#1" is text); its closing #s, after a space, are dropped
            case '#' -> lineStart && opensHeading(s) || i >= hashes && (hashes == 0 || isSpace(s.charAt(hashes - 1)));
            // a block quote
            case '>' -> lineStart;
            // a list item ("- x", "+ x"), a rule ("---") or a heading's underline ("===")
            case '-', '+', '=' -> lineStart && (next == -1 || isSpace(next) || next == c);
            // "1. x" or "1) x" at the start: an ordered list item
            case '.', ')' -> atStart && i > 0 && i <= 9 && allDigits(s, i) && (next == -1 || isSpace(next));
            default -> false;
        };
    }

    /** Whether the text starts with one to six #s followed by a space or nothing: a heading, at a line's start. */
    private static boolean opensHeading(String s) {
        int k = 0;
        while (k < s.length() && k < 7 && s.charAt(k) == '#') {
            k++;
        }
        return k <= 6 && (k == s.length() || isSpace(s.charAt(k)));
    }

    private static boolean allDigits(String s, int end) {
        for (int k = 0; k < end; k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Unknown (-1, outside the run) is not a space: the worst case for every rule that asks. */
    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\u00a0';
    }

    private static boolean isWordChar(int c) {
        return c >= 0 && Character.isLetterOrDigit(c);
    }

    private static boolean isAsciiLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiPunctuation(int c) {
        return c >= 0x21 && c <= 0x2F || c >= 0x3A && c <= 0x40 || c >= 0x5B && c <= 0x60 || c >= 0x7B && c <= 0x7E;
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
