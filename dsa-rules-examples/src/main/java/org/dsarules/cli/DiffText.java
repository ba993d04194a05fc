package org.dsarules.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import org.dsarules.round.RegisterDiff;

/** The text of {@code diff OLD NEW}: changed outcomes first, with the facts behind them. */
final class DiffText {
    private DiffText() {
    }

    static void write(RegisterDiff d, String oldName, String newName, LocalDate asOf, PrintWriter out) {
        out.println("Changes: " + TextReport.clean(oldName) + " -> " + TextReport.clean(newName) + ", decided as of "
                + asOf + " with the same rules");
        out.println("  " + d.changed().size() + " outcome(s) changed, " + d.factsOnly().size()
                + " agreement(s) with changed facts and the same outcome, " + d.added().size() + " added, "
                + d.removed().size() + " removed, " + d.unchanged() + " unchanged");
        if (!d.changed().isEmpty()) {
            out.println();
            out.println("Outcome changed:");
            for (RegisterDiff.Changed c : d.changed()) {
                out.println("  " + head(c) + ": " + outcome(c.from(), c.fromRule()) + " -> " + outcome(c.to(), c.toRule()));
                out.println("      now: " + TextReport.clean(c.summary()));
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
                out.println("  " + TextReport.clean(a.dsaId()) + (a.title() != null ? "  " + TextReport.clean(a.title()) : "")
                        + ": " + (a.outcome() == null ? "in error: " + TextReport.clean(a.summary())
                                : outcome(a.outcome(), a.rule())));
            }
        }
        if (!d.removed().isEmpty()) {
            out.println();
            out.println("Removed:");
            d.removed().forEach(id -> out.println("  " + TextReport.clean(id)));
        }
    }

    private static String head(RegisterDiff.Changed c) {
        return TextReport.clean(c.dsaId()) + (c.title() != null ? "  " + TextReport.clean(c.title()) : "");
    }

    private static String outcome(Object outcome, String rule) {
        return outcome == null ? "in error" : outcome + " (" + rule + ")";
    }

    private static void facts(RegisterDiff.Changed c, PrintWriter out) {
        for (RegisterDiff.Fact f : c.facts()) {
            out.println("      " + f.field() + ": " + value(f.oldValue()) + " -> " + value(f.newValue()));
        }
    }

    private static String value(String v) {
        return v == null ? "(not known)" : TextReport.clean(v);
    }
}
