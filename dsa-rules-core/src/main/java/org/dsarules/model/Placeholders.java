package org.dsarules.model;

import java.util.Locale;
import java.util.Set;

/**
 * The placeholder words of {@code record-format.md} v1.2 ("Placeholder words"): what a practice
 * manager types when a value is not known. Its list, quoted:
 *
 * <blockquote>These mean "not known": {@code unknown}, {@code not known}, {@code n/k}, {@code nk},
 * {@code n/a}, {@code na}, {@code not applicable}, {@code tbc}, {@code tbd}, {@code to be confirmed},
 * {@code to be decided}, {@code none}, {@code pending}, {@code ?}, {@code -}, compared ignoring case,
 * surrounding white space and a final full stop.</blockquote>
 *
 * <p>decision-policy.md v1.2 reads {@code legalRequirement.reference} and a party's
 * {@code instructedBy} that hold only such a word as absent ("reference TBC" is a claim without
 * evidence; "instructed by Unknown" is not known). This class only recognises the words; which
 * fields read them as not known is each reader's business (a value valid for its field, such as
 * {@code NONE} for {@code legalRequirement.kind}, keeps its meaning).
 */
public final class Placeholders {
    /** The words, lower case, without a final full stop. */
    public static final Set<String> WORDS = Set.of("unknown", "not known", "n/k", "nk", "n/a", "na",
            "not applicable", "tbc", "tbd", "to be confirmed", "to be decided", "none", "pending", "?", "-");

    private Placeholders() {
    }

    /**
     * Whether {@code text} holds only a placeholder word: ignoring case, surrounding white space and
     * one final full stop ({@code " TBC. "}, {@code "N/A"}, {@code "?"}). Null, blank text and a full
     * stop alone are not placeholders (blank is absent by its own rule); {@code "TBC soon"} is not one.
     */
    public static boolean isPlaceholder(String text) {
        if (text == null) {
            return false;
        }
        String s = text.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return !s.isEmpty() && WORDS.contains(s.toLowerCase(Locale.ROOT));
    }
}
