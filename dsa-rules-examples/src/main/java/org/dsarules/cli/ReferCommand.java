package org.dsarules.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.dsarules.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dsa-audit refer}: a summary of each agreement to refer to the BMA, to paste into an email. */
@Command(name = "refer", mixinStandardHelpOptions = true, versionProvider = DsaAudit.Version.class,
        description = {"Write, for each agreement decided REFER_TO_BMA, a short plain-text summary to paste into an "
                + "email to the BMA: the agreement, who asks and for what, the facts that matter, and why it is referred."},
        footer = {"", "Exit status: 0 every record decided, 1 some records in error (left out), 2 the command could not run."})
final class ReferCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The register to audit (JSON; CSV when its name ends .csv).")
    Path file;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Dates.class,
            description = "Decide as of this date. Default: today in England.")
    LocalDate asOf;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the referrals to FILE (replaced only once complete) instead of standard output.")
    Path out;

    @Mixin
    RulesOptions rulesOptions;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() throws IOException {
        return ReportDocument.write(spec, file, asOf, out, rulesOptions, input, Reports::bmaReferrals);
    }
}
