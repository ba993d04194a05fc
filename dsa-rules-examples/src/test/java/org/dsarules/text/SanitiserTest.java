package org.dsarules.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one sanitiser: what a register may hold that must never reach a terminal or a Markdown reader as it is. */
class SanitiserTest {

    /** Every code point a terminal or a bidi-aware viewer acts on rather than shows. */
    static boolean reachesTheReaderUnsafe(String s) {
        return s.codePoints().anyMatch(cp -> cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C || Character.isSurrogate((char) cp));
    }

    @ParameterizedTest
    @ValueSource(strings = {"WITHDRAW\u009b2K\rKEEP", "\u001b[2J\u001b[1;1HKEEP", "a\u000bb", "a\u2028b", "a\u2029b",
        "a\u0000b", "a\u0085b", "\u202eKEEP", "a\u2066b\u2069", "\u007f", "A\udc00", "\u009d0;title\u0007",
        "a\u200fb", "tab\there"})
    void everyAttackIsNeutralisedOnOneLine(String attack) {
        String safe = Sanitiser.line(attack);
        assertFalse(reachesTheReaderUnsafe(safe), "unsafe left in " + escape(safe));
        assertEquals(1, safe.lines().count(), escape(safe));
        String md = Sanitiser.markdown(attack);
        assertFalse(reachesTheReaderUnsafe(md), "unsafe left in " + escape(md));
    }

    @Test
    void everyC1ControlIsCaughtNotOnlyAscii() {
        IntStream.rangeClosed(0x80, 0x9F).forEach(cp -> {
            String s = "x" + (char) cp + "y";
            // U+0085 is NEXT LINE: a line break, shown as a space like the others.
            String expected = cp == 0x85 ? "x y" : "x" + Sanitiser.REPLACEMENT + "y";
            assertEquals(expected, Sanitiser.line(s), Integer.toHexString(cp));
        });
    }

    @Test
    void lineBreaksBecomeOneSpaceAndOtherControlsAreShownAsReplaced() {
        assertEquals("a b", Sanitiser.line("a\r\n\tb"));
        assertEquals("a b", Sanitiser.line("a\u2028b"));
        assertEquals("a\ufffdb", Sanitiser.line("a\u0000b"));
        assertEquals("a\ufffd[31mb", Sanitiser.line("a\u001b[31mb"));
        assertEquals("", Sanitiser.line(null));
    }

    @Test
    void ordinaryTextIsUntouched() {
        for (String s : new String[] {"CAFÉ-1", "Ørsted & Søn", "日本語", "emoji \uD83D\uDE00 ok", "Zoë's \"quoted\" note"}) {
            assertEquals(s, Sanitiser.line(s));
        }
    }

    @Test
    void aValidSurrogatePairIsKeptAndALoneOneReplaced() {
        assertEquals("\uD83D\uDE00", Sanitiser.line("\uD83D\uDE00"));
        assertEquals("A\ufffd", Sanitiser.line("A\udc00"));
        assertEquals("\ufffdA", Sanitiser.line("\ud800A"));
    }

    @Test
    void linesKeepsTheToolsOwnLineBreaksOnly() {
        assertEquals("one\ntwo \ufffd", Sanitiser.lines("one\ntwo\r\u001b"));
    }

    @Test
    void markdownSyntaxIsEscaped() {
        assertEquals("\\*bold\\* \\_x\\_ \\[link\\](y) \\<b\\> \\# \\| \\! \\~ \\&amp; \\`c\\` \\\\",
                Sanitiser.markdown("*bold* _x_ [link](y) <b> # | ! ~ &amp; `c` \\"));
        assertEquals("\\- item", Sanitiser.markdown("- item"));
        assertEquals("\\+ item", Sanitiser.markdown("+ item"));
        assertEquals("\\===", Sanitiser.markdown("==="));
        assertEquals("12\\. item", Sanitiser.markdown("12. item"));
        assertEquals("1\\) item", Sanitiser.markdown("1) item"));
        assertEquals("MB-04 a-b 3.5", Sanitiser.markdown("MB-04 a-b 3.5"));
    }

    @Test
    void bareUrlsBecomeCodeSpansSoNoRendererLinksThem() {
        assertEquals("see `https://evil.example/x?a=1` now", Sanitiser.markdown("see https://evil.example/x?a=1 now"));
        assertEquals("`www.evil.example`", Sanitiser.markdown("www.evil.example"));
        assertEquals("`HTTP://X`", Sanitiser.markdown("HTTP://X"));
        // A fence longer than any backtick run inside, padded where the URL ends in a backtick.
        assertEquals("``` http://a``b` ```", Sanitiser.markdown("http://a``b`"));
        assertTrue(Sanitiser.markdown("javascript://%0aalert(1)").startsWith("`javascript://"));
    }

    @Test
    void aLongValueIsSanitisedInLinearTime() {
        String big = "1.".repeat(500_000) + "\u009b";
        String md = Sanitiser.markdown(big);
        assertTrue(md.startsWith("1\\.1.1."), md.substring(0, 10));
        assertTrue(md.endsWith("\ufffd"));
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(cp < 0x20 || cp >= 0x7F && cp < 0xA0 || cp > 0x2000
                ? String.format("\\u%04x", cp) : String.valueOf((char) cp)));
        return b.toString();
    }
}
