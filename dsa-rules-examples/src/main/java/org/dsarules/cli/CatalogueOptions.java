package org.dsarules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.catalogue.Catalogue;
import org.dsarules.catalogue.CatalogueException;
import picocli.CommandLine.Option;

/**
 * Which catalogue of known programmes fills what a register leaves not known (record-format.md v1.2): the
 * shipped one by default, with an LMC's own entries added by {@code --catalogue}, or none with
 * {@code --no-catalogue}. Part of {@link RulesOptions}, so every command that decides has it; public for
 * {@code dsa-audit serve} (org.dsarules.workspace), which decides with it too.
 */
public final class CatalogueOptions {
    @Option(names = "--catalogue", paramLabel = "FILE",
            description = {"Add the entries of a local catalogue of known programmes (JSON, the format of"
                + " docs/catalogue.md: one entry or an array) to the shipped one; an entry with the id of a shipped"
                + " one replaces it (repeatable)."})
    List<Path> files = new ArrayList<>();

    @Option(names = "--no-catalogue",
            description = "Decide on the register's facts alone: no fact is filled from the catalogue of known"
                + " programmes.")
    boolean none;

    /**
     * The catalogue asked for, or null for the builder's default (the shipped catalogue); says on {@code err}
     * which shipped entries a local file replaced.
     */
    public Catalogue catalogue(PrintWriter err) {
        if (none && !files.isEmpty()) {
            throw new CliException("--catalogue and --no-catalogue go against each other: give one of them");
        }
        if (none) {
            return Catalogue.empty();
        }
        if (files.isEmpty()) {
            return null;
        }
        try {
            Catalogue c = Catalogue.shipped(DsaRules.class.getClassLoader());
            for (Path f : files) {
                c = c.withLocal(Catalogue.read(f));
            }
            if (!c.overridden().isEmpty() && err != null) {
                err.println("dsa-audit: the local catalogue replaces the shipped entries "
                        + String.join(", ", c.overridden()));
                err.flush();
            }
            return c;
        } catch (CatalogueException e) {
            throw new CliException("--catalogue: " + e.getMessage(), e);
        }
    }

    /** Sets the catalogue asked for on {@code b} (nothing, for the default). */
    public DsaRules.Builder apply(DsaRules.Builder b, PrintWriter err) {
        Catalogue c = catalogue(err);
        if (c != null) {
            b.catalogue(c);
        }
        return b;
    }
}
