package org.dsarules.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.dsarules.documents.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dsa-audit ppg}: a plain-English page for the patient participation group. */
@Command(name = "ppg",
        description = {"Write a plain-English page for the practice's patient participation group (Markdown, or "
                + "printable HTML): what the practice shares and why, what it is stopping, what it is still finding out, "
                + "how to register a national data opt-out and a Type 1 opt-out, and a short glossary."},
        footer = {"", WholeRegister.HELP, "", "Exit status: 0 every record decided, 1 some records in error (left out), 2 the command could not run."})
final class PpgCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    enum Format { markdown, html }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown or html (one printable page). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Mixin
    DocumentOptions options;

    @Override
    public Integer call() throws IOException {
        return ReportDocument.write(spec, options, format == Format.html ? Reports::ppgHtml : Reports::ppgSummary);
    }
}
