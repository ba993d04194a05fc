package org.dsarules.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dsarules.report.Reports;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.documents.FollowUpLetter;
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
                + "intends to withdraw from and why. Fill in the [BRACKETED] placeholders before sending.",
            "With several registers (or folders), each practice's letter is written into the --out folder; with --system, "
                + "the LMC's one letter to the ICB for the whole system instead.",
            "Once the ICB has replied and its answers are applied ('dsa-audit answer'), the follow-up letter instead "
                + "(chosen by itself when the register's history records an applied answer, or with --follow-up): it "
                + "thanks the ICB for its reply, asks only what is still open, asks the ICB to pass the questions on an "
                + "agreement it declined to assess to the controller the agreement names, and names the replies now "
                + "overdue."},
        footer = {"", "Exit status: 0 every record decided, 1 some records in error (left out of the letter),",
            "2 the command could not run."})
final class LetterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown, text (to paste into an email) or html (to print). Default: ${DEFAULT-VALUE}.")
    Reports.Format format;

    @Mixin
    DocumentOptions options;

    @Option(names = "--follow-up", description = "Write the follow-up letter, after the ICB's reply.")
    boolean followUp;

    @Option(names = "--first", description = "Write the first letter even if the register records an applied answer.")
    boolean first;

    @Option(names = "--system", description = "With several registers (or folders): the LMC's letter to the ICB for "
            + "the whole system, with one set of questions per programme.")
    boolean system;

    @Option(names = "--reply-within", paramLabel = "DAYS", defaultValue = "28",
            description = "In the follow-up letter, a request is overdue this many days after its requestedOn. "
                    + "Default: ${DEFAULT-VALUE}.")
    int replyWithin;

    @Override
    public Integer call() throws IOException {
        if (followUp && first) {
            throw new CliException("--follow-up and --first ask for different letters: give one");
        }
        if (replyWithin < 0) {
            throw new CliException("--reply-within " + replyWithin + ": the number of days must not be negative");
        }
        List<Path> files = RegisterArgs.expand(options.files);
        if (system) {
            return SystemDocuments.systemLetter(spec, files, format, options.out, options.asOf, options.rules, options.input);
        }
        if (files.size() > 1 || Files.isDirectory(options.files.get(0))) {
            return SystemDocuments.letters(spec, files, format, options.out, options.asOf, options.rules, options.input,
                    followUp, first, replyWithin);
        }
        options.file = files.get(0);
        return ReportDocument.write(spec, options,
                (r, a) -> render(new AuditedRegister(options.file.toString(), r, a), format, followUp, first, replyWithin));
    }

    /** The letter for one audited register: the follow-up once due (or asked for), else the first. */
    static String render(AuditedRegister register, Reports.Format format, boolean followUp, boolean first, int replyWithin) {
        if (followUp || !first && FollowUpLetter.due(register)) {
            return switch (format) {
                case MARKDOWN -> FollowUpLetter.markdown(register, replyWithin);
                case TEXT -> FollowUpLetter.text(register, replyWithin);
                case HTML -> throw new CliException("the follow-up letter is written in markdown or text; "
                        + "--format html is for the first letter");
            };
        }
        return Reports.icbLetter(register.result(), register.byId(), format);
    }
}
