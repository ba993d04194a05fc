package org.dsarules.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import org.dsarules.round.RegisterDiff;
import org.dsarules.text.Sanitiser;

/** The text of {@code diff OLD NEW}: changed outcomes first, with the facts behind them. */
final class DiffText {
    private DiffText() {
    }

    static void write(RegisterDiff d, String oldName, String newName, LocalDate asOf, PrintWriter out) {
        out.println("Changes: " + DiffText.clean(oldName) + " -> " + DiffText.clean(newName) + ", decided as of "
                + asOf + " with the same rules");
        out.println("  " + d.changed().size() + " outcome(s) changed, " + d.factsOnly().size()
                + " agreement(s) with changed facts and the same outcome, " + d.added().size() + " added, "
                + d.removed().size() + " removed, " + d.unchanged() + " unchanged");
        if (!d.changed().isEmpty()) {
            out.println();
            out.println("Outcome changed:");
            for (RegisterDiff.Changed c : d.changed()) {
                out.println("  " + head(c) + ": " + outcome(c.from(), c.fromRule()) + " -> " + outcome(c.to(), c.toRule()));
                out.println("      now: " + DiffText.clean(c.summary()));
                facts(c, out);
            }
        }
        if (!d.factsOnly().isEmpty()) {
            out.println();
            out.println("Facts changed, outcome the same:");
            for (RegisterDiff.Changed c : d.factsOnly()) {
                out.println("  " + head(c) + ": still " + outcome(c.to(), c.toRule()));
                facts(c, out);
            }
        }
        if (!d.added().isEmpty()) {
            out.println();
            out.println("Added:");
            for (RegisterDiff.Added a : d.added()) {
                out.println("  " + DiffText.clean(a.dsaId()) + (a.title() != null ? "  " + DiffText.clean(a.title()) : "")
                        + ": " + (a.outcome() == null ? "in error: " + DiffText.clean(a.summary())
                                : outcome(a.outcome(), a.rule())));
            }
        }
        if (!d.removed().isEmpty()) {
            out.println();
            out.println("Removed:");
            d.removed().forEach(id -> out.println("  " + DiffText.clean(id)));
        }
    }

    /**
     * Register text on one line: a title or an answer holding line breaks or other control characters
     * must not be able to add lines to what the command prints, nor drive the terminal (the one sanitiser).
     */
    static String clean(String s) {
        return s == null ? null : Sanitiser.line(s);
    }

    private static String head(RegisterDiff.Changed c) {
        return DiffText.clean(c.dsaId()) + (c.title() != null ? "  " + DiffText.clean(c.title()) : "");
    }

    private static String outcome(Object outcome, String rule) {
        return outcome == null ? "in error" : outcome + " (" + rule + ")";
    }

    private static void facts(RegisterDiff.Changed c, PrintWriter out) {
        for (RegisterDiff.Fact f : c.facts()) {
            out.println("      " + f.field() + ": " + value(f.oldValue()) + " -> " + value(f.newValue())
                    + (f.comment() != null ? "  (comment: \"" + DiffText.clean(f.comment()) + "\")" : ""));
        }
    }

    private static String value(String v) {
        return v == null ? "(not known)" : DiffText.clean(v);
    }
}
