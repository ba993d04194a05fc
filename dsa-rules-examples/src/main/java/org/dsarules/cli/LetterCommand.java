package org.dsarules.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.dsarules.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dsa-audit letter}: the practice's letter to its ICB, from an audit of its register. */
@Command(name = "letter", mixinStandardHelpOptions = true, versionProvider = DsaAudit.Version.class,
        description = {"Write the practice's letter to its ICB: that it signs no new voluntary data sharing agreement "
                + "for secondary uses during the collective action, the questions on each agreement decided "
                + "ASK_ICB_FOR_INFORMATION, a request to assess each existing agreement, and the agreements it "
                + "intends to withdraw from and why. Fill in the [BRACKETED] placeholders before sending."},
        footer = {"", WholeRegister.HELP, "", "Exit status: 0 every record decided, 1 some records in error (left out of the letter),",
            "2 the command could not run."})
final class LetterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown, text (to paste into an email) or html (to print). Default: ${DEFAULT-VALUE}.")
    Reports.Format format;

    @Mixin
    DocumentOptions options;

    @Override
    public Integer call() throws IOException {
        return ReportDocument.write(spec, options, (r, a) -> Reports.icbLetter(r, a, format));
    }
}
