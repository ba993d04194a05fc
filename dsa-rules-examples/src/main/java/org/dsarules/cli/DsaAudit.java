package org.dsarules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import org.dsarules.exception.DsaRulesException;
import org.dsarules.exception.RuleCompilationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code dsa-audit}: decide a practice's data sharing agreements from the command line.
 *
 * <p>Exit status: 0 when every record was decided (or every scenario passed), 1 when some records
 * are in error (or some scenario failed), 2 when the command could not run. Errors are one line
 * on standard error, never a stack trace.
 */
@Command(name = "dsa-audit",
        mixinStandardHelpOptions = true,
        versionProvider = DsaAudit.Version.class,
        description = {"Decides, agreement by agreement, what a GP practice should do with its data sharing "
            + "agreements (KEEP, WITHDRAW, REFER_TO_BMA or ASK_ICB_FOR_INFORMATION), and explains why."},
        subcommands = {AuditCommand.class, ExplainCommand.class, DiffCommand.class, LetterCommand.class,
            QuestionsCommand.class, AnswerCommand.class,
            ReferCommand.class, PpgCommand.class, TestCommand.class, RulesCommand.class, TemplateCommand.class,
            GenerateCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 all decided, 1 some records in error, 2 could not run."})
public final class DsaAudit implements Runnable {

    public static final int OK = 0;
    public static final int RECORDS_IN_ERROR = 1;
    public static final int CANNOT_RUN = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (audit, explain, diff, letter, questions, answer, refer, ppg, test, rules, template, generate)");
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the tool with the given streams; returns the exit status. For tests and embedding. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = commandLine(out, err);
        return cmd.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new DsaAudit());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("dsa-audit: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return CANNOT_RUN;
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof RuleCompilationException rce) {
                c.getErr().println("dsa-audit: the rules do not compile (" + rce.problems().size() + " problem(s)):");
                rce.problems().forEach(p -> c.getErr().println(p));
            } else if (ex instanceof DsaRulesException || ex instanceof CliException) {
                c.getErr().println("dsa-audit: " + ex.getMessage());
            } else {
                c.getErr().println("dsa-audit: internal error: " + ex);
            }
            return CANNOT_RUN;
        });
        return cmd;
    }

    /** The tool's version, and the knowledge base it ships with. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = DsaAudit.class.getResourceAsStream("/dsa-audit.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"dsa-audit " + p.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version") + ", Drools 10.2"};
        }
    }
}
