package org.dsarules.round.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsarules.DsaRules;
import org.dsarules.register.RegisterFiles;
import org.dsarules.round.AuditedRegister;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The follow-up letter's two templates (Markdown and plain text) say the same thing: the same words in the
 * same order, the text without Markdown, the sections numbered in order whether or not the ICB declined any
 * agreement. The letter's content is asserted by the second-month walk (SecondMonthTest) and its sample in
 * docs/examples; this guards the two forms against drifting apart.
 */
class FollowUpLetterTest {
    static final Path MONTH_2 = Path.of("src/test/resources/rounds/ashby-month-2.json");
    static final Path MONTH_1 = Path.of("src/test/resources/rounds/ashby-register.json");

    static DsaRules rules;

    @BeforeAll
    static void rules() {
        rules = DsaRules.defaults();
    }

    static AuditedRegister audited(Path register, String asOf) {
        return AuditedRegister.of(register.toString(), rules, RegisterFiles.open(register), LocalDate.parse(asOf));
    }

    /** The words of a letter, in order, whatever its markup: letters and digits only, lower case. */
    static String words(String letter) {
        return letter.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    static List<String> sectionNumbers(String letter, Pattern heading) {
        Matcher m = heading.matcher(letter);
        return m.results().map(r -> r.group(1)).toList();
    }

    @Test
    void bothFormsSayTheSameWordsInTheSameOrder() {
        for (String asOf : List.of("2026-06-15", "2026-07-20", "2026-10-01")) {
            for (Path register : List.of(MONTH_1, MONTH_2)) {
                AuditedRegister r = audited(register, asOf);
                for (int days : new int[] {0, 28}) {
                    String md = FollowUpLetter.markdown(r, days);
                    String text = FollowUpLetter.text(r, days);
                    assertEquals(words(md), words(text), register + " as of " + asOf + ", " + days + " days:\n" + md
                            + "\n----\n" + text);
                }
            }
        }
    }

    @Test
    void theTextHasNoMarkdownAndItsHeadingsAreInCapitals() {
        String text = FollowUpLetter.text(audited(MONTH_2, "2026-10-01"), 28);
        assertFalse(text.contains("**"), text);
        assertTrue(text.lines().noneMatch(l -> l.startsWith("#") || l.endsWith("\\")), text);
        assertTrue(text.contains("\nOUR DATA SHARING AGREEMENTS: FOLLOWING UP OUR LETTER OF 16 JUNE 2026\n"), text);
        assertEquals(List.of("1", "2", "3", "4", "5"),
                sectionNumbers(text, Pattern.compile("(?m)^(\\d)\\. [A-Z ]+$")), text);
    }

    @Test
    void theSectionsAreNumberedInOrderWithOrWithoutTheDeclinedOnes() {
        String declined = FollowUpLetter.markdown(audited(MONTH_2, "2026-10-01"), 28);
        assertTrue(declined.contains("## 3. Agreements you declined to assess"), declined);
        assertEquals(List.of("1", "2", "3", "4", "5"), sectionNumbers(declined, Pattern.compile("(?m)^## (\\d)\\. ")),
                declined);
        String none = FollowUpLetter.markdown(audited(MONTH_1, "2026-06-15"), 28);
        assertFalse(none.contains("declined to assess"), none);
        assertEquals(List.of("1", "2", "3", "4"), sectionNumbers(none, Pattern.compile("(?m)^## (\\d)\\. ")), none);
        assertTrue(none.contains("## 3. Replies now overdue") && none.contains("## 4. Agreements we are withdrawing from"),
                none);
    }

    @Test
    void everyParagraphIsFollowedByOneBlankLineAndTheLetterEndsWithOne() {
        for (String letter : List.of(FollowUpLetter.markdown(audited(MONTH_2, "2026-10-01"), 28),
                FollowUpLetter.text(audited(MONTH_2, "2026-10-01"), 28))) {
            assertFalse(letter.contains("\n\n\n"), "never two blank lines:\n" + letter);
            assertTrue(letter.endsWith("Local Medical Committee\n\n"), letter);
        }
    }
}
