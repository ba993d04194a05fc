package org.dsarules.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.dsarules.register.csv.CsvTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dsa-audit template}: an empty register to start a spreadsheet from. */
@Command(name = "template",
        description = {"Print an empty register with every column, and a comment row (starting with #) that "
                + "explains each column and its allowed values. Open it in a spreadsheet, fill one agreement a row, "
                + "save as CSV UTF-8, and audit it."})
final class TemplateCommand implements Callable<Integer> {

    enum Format { csv }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CsvTemplate.write(out);
        out.flush();
        return ExitStatus.OK;
    }
}
