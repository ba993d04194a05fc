package org.dsarules.round;

import org.dsarules.catalogue.Catalogue;
import org.dsarules.catalogue.CatalogueException;
import org.dsarules.catalogue.ProgrammeAliases;
import org.dsarules.catalogue.ProgrammeKey;
import org.dsarules.model.Agreement;

/**
 * The key under which agreements of different practices are the same programme
 * ({@code record-format.md} v1.2, "Programme keys"): their {@code programme} names equal ignoring case,
 * white space and punctuation ({@link ProgrammeKey}: {@code GDPPR}, {@code gdppr.}, {@code G.D.P.P.R}),
 * after aliases are resolved (the shipped catalogue's names for national programmes, then a user's
 * alias file: {@link ProgrammeAliases}); without a {@code programme}, their {@code title} and
 * {@code requestedBy}, both given, compared the same way.
 *
 * <p>Reading where the spec is silent: the key of a title and requester is their two keys joined with
 * {@code /} (aliases are for programme names, not titles); a questionnaire row shows it as
 * {@code title / requestedBy}, which {@link #names} matches.
 */
public final class Programmes {
    private static volatile ProgrammeAliases shipped;

    private Programmes() {
    }

    /**
     * The aliases the project ships: the names of the shipped catalogue's entries (dsa-rules-kb); none when
     * the knowledge base is not on the class path.
     */
    public static ProgrammeAliases shipped() {
        ProgrammeAliases s = shipped;
        if (s == null) {
            try {
                s = Catalogue.shipped(Programmes.class.getClassLoader()).aliases();
            } catch (CatalogueException e) {
                // the library without its knowledge base still groups programmes, by key alone
                s = ProgrammeAliases.empty();
            }
            shipped = s;
        }
        return s;
    }

    /** The shipped aliases, then {@code user}'s (a user's alias wins where both name one alias). */
    public static ProgrammeAliases withShipped(ProgrammeAliases user) {
        return user == null ? shipped() : shipped().plus(user);
    }

    /** The programme key of {@code a} with the shipped aliases; see {@link #key(Agreement, ProgrammeAliases)}. */
    public static String key(Agreement a) {
        return key(a, shipped());
    }

    /**
     * The programme key of {@code a}: its {@code programme}, or {@code title / requestedBy}, as a resolved
     * {@link ProgrammeKey}; null when neither can be formed (the agreement is then a programme of its own
     * practice only).
     */
    public static String key(Agreement a, ProgrammeAliases aliases) {
        String p = normalise(a.programme(), aliases);
        if (p != null) {
            return p;
        }
        ProgrammeKey t = ProgrammeKey.of(a.title());
        ProgrammeKey r = ProgrammeKey.of(a.requestedBy());
        // A programme named "x/y" cannot meet the title "x" of requester "y": a key has no "/" of its own.
        return t == null || r == null ? null : t.value() + "/" + r.value();
    }

    /**
     * Whether a questionnaire or advice row's programme cell names the programme of {@code a}: its key, or,
     * for an agreement keyed by title and requester, the text the questionnaire shows for it
     * ({@code title / requestedBy}), compared the same way.
     */
    public static boolean names(String cell, Agreement a, ProgrammeAliases aliases) {
        String k = normalise(cell, aliases);
        if (k == null) {
            return false;
        }
        String key = key(a, aliases);
        if (k.equals(key)) {
            return true;
        }
        return key != null && normalise(a.programme(), aliases) == null
                && k.equals(normalise(a.title() + " / " + a.requestedBy(), ProgrammeAliases.empty()));
    }

    /** A name to show for the programme of {@code a}: its {@code programme}, else its title, else its id. */
    public static String label(Agreement a) {
        if (a.programme() != null && !a.programme().isBlank()) {
            return a.programme().strip();
        }
        return a.title() != null && !a.title().isBlank() ? a.title().strip() : a.id();
    }

    /** The key of a programme name with the shipped aliases; null when the name has none. */
    public static String normalise(String s) {
        return normalise(s, shipped());
    }

    /** The key of a programme name, aliases resolved; null when the name has no letter or digit. */
    public static String normalise(String s, ProgrammeAliases aliases) {
        ProgrammeKey k = (aliases == null ? ProgrammeAliases.empty() : aliases).resolve(s);
        return k == null ? null : k.value();
    }
}
