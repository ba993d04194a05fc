package org.dsarules.cli;

import java.nio.file.Path;
import java.util.List;
import org.dsarules.catalogue.CatalogueException;
import org.dsarules.catalogue.ProgrammeAliases;
import org.dsarules.round.Programmes;
import picocli.CommandLine.Option;

/**
 * {@code --aliases FILE}: a user's programme alias file (CSV {@code alias,programme}, record-format.md v1.2),
 * resolved on top of the aliases shipped for national programmes, wherever agreements of several practices
 * are grouped by programme or LMC advice and questionnaire rows are matched to them. Public for
 * {@code dsa-audit serve} (org.dsarules.workspace), whose LMC pages group programmes the same way.
 */
public final class AliasOptions implements Inputs.Source {
    @Option(names = "--aliases", paramLabel = "FILE",
            description = "A CSV file with the columns alias,programme: other names of one programme (\"GP Data for "
                    + "Planning and Research\",GDPPR), used with the names shipped for national programmes when "
                    + "agreements of several practices are matched by programme.")
    Path file;

    /** The alias file given, which --out must never replace (issue 27 item 2). */
    @Override
    public List<Path> inputFiles() {
        return file == null ? List.of() : List.of(file);
    }

    /** The shipped aliases, then the file's; read once per call. */
    public ProgrammeAliases aliases() {
        if (file == null) {
            return Programmes.shipped();
        }
        try {
            return Programmes.withShipped(ProgrammeAliases.readCsv(file));
        } catch (CatalogueException e) {
            throw new CliException(e.getMessage(), e);
        }
    }
}
