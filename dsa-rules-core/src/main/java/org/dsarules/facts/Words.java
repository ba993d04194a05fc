package org.dsarules.facts;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Plain words for the format's codes, for explanations a practice manager reads:
 * {@code PSEUDONYMISED} becomes "pseudonymised", {@code GP_CONTRACT} "GP contract",
 * {@code [RESEARCH, SERVICE_PLANNING]} "research, service planning".
 */
public final class Words {
    private Words() {
    }

    /** A code (an enum value), or each code of a collection, in plain words; anything else as it is. */
    public static String of(Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().map(Words::of).collect(Collectors.joining(", "));
        }
        if (value instanceof Enum<?> e) {
            if (e.name().equals("IMPLIED_CONSENT_DIRECT_CARE")) {
                return "implied consent for direct care";
            }
            String w = e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            return w.replace("gp ", "GP ").replace("nhs ", "NHS ").replace("icb", "ICB").replace("copi ", "COPI ");
        }
        return String.valueOf(value);
    }

    /** A sentence continued after a colon: its first letter in lower case ("Withdraw: a commercial..."). */
    public static String continued(String sentence) {
        if (sentence == null || sentence.isEmpty() || sentence.length() > 1 && Character.isUpperCase(sentence.charAt(1))) {
            return sentence;
        }
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
