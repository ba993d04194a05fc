package org.dsarules.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.dsarules.documents.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dsa-audit refer}: a summary of each agreement to refer to the BMA, to paste into an email. */
@Command(name = "refer",
        description = {"Write, for each agreement decided REFER_TO_BMA, a short plain-text summary to paste into an "
                + "email to the BMA: the agreement, who asks and for what, the facts that matter, and why it is referred."},
        footer = {"", WholeRegister.HELP, "", "Exit status: 0 every record decided, 1 some records in error (left out), 2 the command could not run."})
final class ReferCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DocumentOptions options;

    @Override
    public Integer call() throws IOException {
        return ReportDocument.write(spec, options, Reports::bmaReferrals);
    }
}
