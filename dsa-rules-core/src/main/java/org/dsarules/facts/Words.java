package org.dsarules.facts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dsarules.model.Agreement;
import org.dsarules.model.CommonLawBasis;
import org.dsarules.model.LegalRequirement;

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

    private static final DateTimeFormatter IN_WORDS = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** A date as a letter writes it: "31 March 2026". */
    public static String date(LocalDate day) {
        return day == null ? "an unknown date" : IN_WORDS.format(day);
    }

    /**
     * Why no common-law basis covers a secondary use on {@code asOf}, naming the real cause with its date: a
     * section 251 approval or other basis that ended, a legal requirement (a notice, a direction) that ended
     * or does not apply, a "not confidential" that the data contradicts, or implied consent, which covers
     * individual care only. Issue 25: a lapsed approval was reported as "implied consent covers individual
     * care only", and that sentence travelled into every letter.
     */
    public static String noCommonLawBasis(Agreement a, AsOf asOf) {
        CommonLawBasis basis = a.commonLawBasis();
        if (basis != null && a.commonLawBasisExpires() != null && asOf.hasPassed(a.commonLawBasisExpires())) {
            return "the " + basisName(basis) + " ended on " + date(a.commonLawBasisExpires())
                    + ", and no other basis is stated";
        }
        if (basis == CommonLawBasis.LEGAL_REQUIREMENT) {
            LegalRequirement lr = a.legalRequirement();
            if (lr != null && lr.expiresOn() != null && asOf.hasPassed(lr.expiresOn())) {
                return "the legal requirement it relied on (" + of(lr.kind()) + ") ended on " + date(lr.expiresOn())
                        + ", and no other basis is stated";
            }
            return "it relies on a legal requirement, but no legal requirement is known to apply";
        }
        if (basis == CommonLawBasis.NOT_CONFIDENTIAL) {
            return "it says the data is not confidential, but the data is " + of(a.identifiability());
        }
        if (basis == CommonLawBasis.NONE_STATED) {
            return "none is stated";
        }
        return "implied consent covers individual care only";
    }

    private static String basisName(CommonLawBasis b) {
        return switch (b) {
            case SECTION_251_SUPPORT -> "section 251 approval";
            case EXPLICIT_CONSENT -> "explicit consent";
            case OVERRIDING_PUBLIC_INTEREST -> "overriding public interest";
            case LEGAL_REQUIREMENT -> "legal requirement";
            default -> "common-law basis (" + of(b) + ")";
        };
    }
}
