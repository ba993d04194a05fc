package org.dsarules.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
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

    /** The HTML a CommonMark renderer makes of a Markdown document. */
    static String render(String markdown) {
        return HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown));
    }

    /** Text as the renderer writes it in HTML. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Where a document puts a value: alone on a line, first in a list item, in bold before a colon, in a
     * heading, in a sentence, after a hard line break, in a numbered list. {@code V} is the value.
     */
    static final List<String> CONTEXTS = List.of("V\n", "- V\n", "- **V**: the reason.\n", "### V\n", "## AL-01: V\n",
            "We wrote about V, and V again.\n", "To: [ICB CONTACT NAME], V\\\n[ICB ADDRESS]\n", "1. V\n",
            "Dear V,\n\nV\n", "- AL-02: V: you assessed it.\n", "V: V\n");

    /** Whether {@code value}, escaped and put in {@code context}, renders exactly as the text itself would. */
    static void assertShownAsTyped(String value, String context) {
        String expected = render(context.replace("V", "QQQ")).replace("QQQ", html(Sanitiser.line(value)));
        String actual = render(context.replace("V", Sanitiser.markdown(value)));
        assertEquals(expected, actual, "value " + escape(value) + " in " + escape(context) + " escaped as "
                + escape(Sanitiser.markdown(value)));
    }

    @Test
    void markdownSyntaxIsEscapedWhereItWouldBeRead() {
        assertEquals("\\*bold\\* \\_x\\_ [link\\](y) \\<b> # | ! ~ \\&amp; \\`c\\` \\\\",
                Sanitiser.markdown("*bold* _x_ [link](y) <b> # | ! ~ &amp; `c` \\"));
        assertEquals("\\- item", Sanitiser.markdown("- item"));
        assertEquals("\\+ item", Sanitiser.markdown("+ item"));
        assertEquals("\\===", Sanitiser.markdown("==="));
        assertEquals("\\# heading", Sanitiser.markdown("# heading"));
        assertEquals("\\> quote", Sanitiser.markdown("> quote"));
        assertEquals("12\\. item", Sanitiser.markdown("12. item"));
        assertEquals("1\\) item", Sanitiser.markdown("1) item"));
        assertEquals("Project \\#", Sanitiser.markdown("Project #"), "a heading drops its closing #s");
        assertEquals("[x\\]: javascript:alert(1)", Sanitiser.markdown("[x]: javascript:alert(1)"));
        assertEquals("[DATE\\]", Sanitiser.markdown("[DATE]"), "alone on a line, it could become a link definition");
        assertEquals("C:\\temp\\\\", Sanitiser.markdown("C:\\temp\\"));
    }

    /** issue 25: what Markdown reads as text is written as it is, so that a pasted letter shows no backslashes. */
    @Test
    void ordinaryTextIsWrittenWithoutBackslashes() {
        for (String s : new String[] {"Smith & Jones", "MB-04 a-b 3.5", "Send by [DATE] please", "GP_data_extract",
            "x * y", "R&D, A&E and T&Cs", "Zoë's \"quoted\" note (draft)!", "C# and F#1", "a < b > c", "#1 priority", "~5 days",
            "-5", "2026-03-31", "1.5 FTE", "| pipe |", "Smith & Jones [DATE] (amended)"}) {
            assertEquals(s, Sanitiser.markdown(s));
            CONTEXTS.forEach(c -> assertShownAsTyped(s, c));
        }
    }

    @Test
    void markupInAValueIsShownAsTypedWhereverADocumentPutsIt() {
        for (String s : new String[] {"*bold*", "_x_", "**strong**", "[link](evil.example/x)", "[a](b \"t\")", "[x](javascript:alert(1))",
            "![img](x)", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp; &#60; &#x3C;", "`code`",
            "# heading", "- item", "+ item", "* item", "1. one", "2) two", "> quote", "---", "===", "***", "___",
            "[x]: javascript:alert(1)", "[DATE]", "[x]", "Project #", "title ##", "a\\*b", "end\\", "<x:y>",
            "<!-- hidden -->", "<?php ?>", "snake_case_*x*", "foo_", "_bar", "a__b__c", "**", "<", "&copy"}) {
            CONTEXTS.forEach(c -> assertShownAsTyped(s, c));
        }
    }

    /** Seeded random values of Markdown's special characters, in every context; a failure names the seed and the value. */
    @TestFactory
    Stream<DynamicTest> randomMarkupIsShownAsTyped() {
        long seed = 20261207L;
        String alphabet = "ab1 _*[]()<>&#;!~`\\-+=.:|'\"x";
        Random random = new Random(seed);
        return IntStream.range(0, 40).mapToObj(t -> {
            List<String> values = new ArrayList<>();
            for (int k = 0; k < 100; k++) {
                StringBuilder v = new StringBuilder();
                int length = 1 + random.nextInt(8);
                for (int i = 0; i < length; i++) {
                    v.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                // a paragraph's lines lose their spaces at either end whatever the escaping: not a case of it
                String value = v.toString().strip();
                if (!value.isEmpty()) {
                    values.add(value);
                }
            }
            return DynamicTest.dynamicTest("seed " + seed + ", batch " + t, () -> {
                for (String value : values) {
                    for (String c : CONTEXTS) {
                        assertShownAsTyped(value, c);
                    }
                }
            });
        });
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
        assertTrue(md.startsWith("1.1.1."), md.substring(0, 10));
        assertTrue(md.endsWith("\ufffd"));
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(cp < 0x20 || cp >= 0x7F && cp < 0xA0 || cp > 0x2000
                ? String.format("\\u%04x", cp) : String.valueOf((char) cp)));
        return b.toString();
    }
}
