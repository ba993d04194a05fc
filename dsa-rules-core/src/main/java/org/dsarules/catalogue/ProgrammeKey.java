package org.dsarules.catalogue;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * The key under which two names are the same programme ({@code record-format.md} v1.2, "Programme
 * keys"): names are equal ignoring case, white space and punctuation, so {@code GDPPR}, {@code gdppr.}
 * and {@code G.D.P.P.R} have one key. Aliases are resolved on top of the key by
 * {@link ProgrammeAliases}; this class only normalises.
 *
 * <p>The key keeps the letters and digits of the name (after Unicode compatibility normalisation, so a
 * full-width letter is its ordinary letter), in lower case; everything else (spaces, punctuation,
 * symbols such as {@code &} or {@code +}) is dropped. Two names that differ only in those are the same
 * programme; {@code &} is not read as "and".
 *
 * @param value the normalised key: lower-case letters and digits only, never empty
 */
public record ProgrammeKey(String value) implements Comparable<ProgrammeKey> {

    public ProgrammeKey {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || !value.codePoints().allMatch(Character::isLetterOrDigit)
                || !value.equals(value.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not a normalised programme key: \"" + value + "\"");
        }
    }

    /**
     * The key of {@code name}; null when {@code name} is null or has no letter or digit (blank, or
     * punctuation only), since such a name identifies no programme.
     */
    public static ProgrammeKey of(String name) {
        String n = normalise(name);
        return n == null ? null : new ProgrammeKey(n);
    }

    /** Whether {@code a} and {@code b} are the same programme by key alone (no aliases); false when either has no key. */
    public static boolean same(String a, String b) {
        ProgrammeKey ka = of(a);
        return ka != null && ka.equals(of(b));
    }

    private static String normalise(String s) {
        if (s == null) {
            return null;
        }
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.isEmpty() ? null : out.toString();
    }

    // equals and hashCode are written out (a key is hashed in every alias table): a record's generated ones
    // are bootstrapped through java.lang.runtime.ObjectMethods, whose caches keep this class, and so an
    // application's class loader, reachable after it is dropped on JDK 17 (JDK-8078641).
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ProgrammeKey that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public int compareTo(ProgrammeKey o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
