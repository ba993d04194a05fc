package org.dsarules.round;

import java.util.Locale;
import org.dsarules.model.Agreement;

/**
 * The key under which agreements of different practices are the same programme
 * ({@code record-format.md} v1.1): their {@code programme} values equal ignoring case and white space;
 * without a {@code programme}, their {@code title} and {@code requestedBy}, both given, equal in the
 * same way.
 */
public final class Programmes {
    private Programmes() {
    }

    /**
     * The programme key of {@code a}: {@code programme} in lower case with all white space removed, or
     * {@code title + "/" + requestedBy} normalised the same way; null when neither can be formed (the
     * agreement is then a programme of its own practice only).
     */
    public static String key(Agreement a) {
        String p = normalise(a.programme());
        if (p != null) {
            return p;
        }
        String t = normalise(a.title());
        String r = normalise(a.requestedBy());
        // A programme named "x/y" could meet the title "x" of requester "y": the spec keys both on
        // equality of text, so that is the reading it gives too.
        return t == null || r == null ? null : t + "/" + r;
    }

    /** A name to show for the programme of {@code a}: its {@code programme}, else its title, else its id. */
    public static String label(Agreement a) {
        if (a.programme() != null && !a.programme().isBlank()) {
            return a.programme().strip();
        }
        return a.title() != null && !a.title().isBlank() ? a.title().strip() : a.id();
    }

    /** {@code s} without white space, in lower case; null when nothing is left. */
    public static String normalise(String s) {
        if (s == null) {
            return null;
        }
        String n = s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        return n.isEmpty() ? null : n;
    }
}
