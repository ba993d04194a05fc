package org.dsarules.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.dsarules.exception.DsaRulesException;
import org.dsarules.exception.RuleCompilationException;
import org.dsarules.text.Sanitiser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * {@code dsa-audit}: decide a practice's data sharing agreements from the command line.
 *
 * <p>Exit status: 0 when every record was decided (or every scenario passed), 1 when some records
 * are in error (or some scenario failed), 2 when the command could not run. Errors are one line
 * on standard error, never a stack trace.
 */
// scope = INHERIT: every subcommand gets --help and --version (with this version provider) from here,
// instead of each repeating them. Subcommands set their own description; the footer below is set in
// commandLine(), not here, because an inherited footer would tell 'rules' or 'generate' an exit status
// that is not theirs.
@Command(name = "dsa-audit",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = DsaAudit.Version.class,
        description = {"Decides, agreement by agreement, what a GP practice should do with its data sharing "
            + "agreements (KEEP, WITHDRAW, REFER_TO_BMA or ASK_ICB_FOR_INFORMATION), and explains why."})
public final class DsaAudit implements Runnable {

    /**
     * The subcommands, in the order {@code --help} lists them. Registered in {@link #commandLine}, not in the
     * annotation: a run of one command registers only that one (picocli builds each registered command's
     * model by reflection, about 20 ms apiece, a fifth of a short audit's start-up); anything else (no
     * command, {@code help}, a misspelt name) registers them all, so help and suggestions are unchanged.
     */
    private static final List<Map.Entry<String, Class<?>>> SUBCOMMANDS = List.of(
            Map.entry("audit", AuditCommand.class), Map.entry("explain", ExplainCommand.class),
            Map.entry("diff", DiffCommand.class), Map.entry("letter", LetterCommand.class),
            Map.entry("questions", QuestionsCommand.class), Map.entry("answer", AnswerCommand.class),
            Map.entry("sent", SentCommand.class),
            Map.entry("refer", ReferCommand.class), Map.entry("ppg", PpgCommand.class),
            Map.entry("test", TestCommand.class), Map.entry("rules", RulesCommand.class),
            Map.entry("template", TemplateCommand.class), Map.entry("generate", GenerateCommand.class),
            Map.entry("programmes", ProgrammesCommand.class),
            Map.entry("serve", org.dsarules.workspace.ServeCommand.class), Map.entry("export", org.dsarules.workspace.ExportCommand.class),
            Map.entry("users", org.dsarules.workspace.UsersCommand.class), Map.entry("backup", org.dsarules.workspace.BackupCommand.class), Map.entry("restore", org.dsarules.workspace.RestoreCommand.class),
            Map.entry("help", CommandLine.HelpCommand.class));

    /** The exit statuses, for embedding code and tests; the commands use {@link ExitStatus}. */
    public static final int OK = ExitStatus.OK;
    public static final int RECORDS_IN_ERROR = ExitStatus.RECORDS_IN_ERROR;
    public static final int CANNOT_RUN = ExitStatus.CANNOT_RUN;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required ("
                // From the one list of subcommands, so that a command added there is named here too.
                + SUBCOMMANDS.stream().map(Map.Entry::getKey).filter(n -> !n.equals("help"))
                        .collect(java.util.stream.Collectors.joining(", ")) + ")");
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale (under LANG=C Java's System.out writes every non-ASCII character as
        // '?'), and straight to the file descriptors: System.out is a PrintStream, which hides a failed write.
        PrintWriter out = standardOutput(new FileOutputStream(FileDescriptor.out));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        // A heap too small shows in a worker thread too; the main thread reports it in one line, so a
        // worker must not print its own stack trace (nor allocate trying to).
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (!(e instanceof OutOfMemoryError)) {
                err.println("dsa-audit: internal error in thread " + thread.getName() + ": " + e);
            }
        });
        System.exit(run(out, err, args));
    }

    /** Standard output as {@code main} writes it: UTF-8, buffered, and every failed write an {@link OutputFailure}. */
    static PrintWriter standardOutput(OutputStream fd) {
        CheckedOutputStream stdout = new CheckedOutputStream(fd, "standard output");
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16));
    }

    /**
     * Runs the tool with the given streams; returns the exit status. For tests and embedding. A failed
     * write to {@code out} (a full disk, a closed pipe) is exit status 2 and one line on {@code err}.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        OutputFailure[] reported = new OutputFailure[1];
        CommandLine cmd = commandLine(out, err, reported, args.length > 0 ? args[0] : null);
        int status;
        try {
            status = cmd.execute(args);
            // What is still buffered may be where the failure shows.
            out.flush();
        } catch (OutputFailure e) {
            // A failed stream fails every later write with the same failure: report it once.
            if (!e.sameAs(reported[0])) {
                err.println("dsa-audit: " + Sanitiser.line(e.getMessage()));
            }
            return CANNOT_RUN;
        } catch (OutOfMemoryError e) {
            err.println("dsa-audit: " + WholeRegister.outOfMemory("this command", false));
            return CANNOT_RUN;
        }
        if (out.checkError()) {
            err.println("dsa-audit: cannot write standard output: the write failed");
            return CANNOT_RUN;
        }
        return status;
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, new OutputFailure[1], null);
    }

    /** The command line with every subcommand, or with {@code only} alone when it names one other than help. */
    private static CommandLine commandLine(PrintWriter out, PrintWriter err, OutputFailure[] reported, String only) {
        CommandLine cmd = new CommandLine(new DsaAudit());
        boolean one = only != null && !only.equals("help")
                && SUBCOMMANDS.stream().anyMatch(e -> e.getKey().equals(only));
        for (Map.Entry<String, Class<?>> e : SUBCOMMANDS) {
            if (!one || e.getKey().equals(only)) {
                cmd.addSubcommand(e.getKey(), e.getValue());
            }
        }
        cmd.getCommandSpec().usageMessage().footer("", "Exit status: 0 all decided, 1 some records in error, 2 could not run.");
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        // Help and version are printed by picocli itself, outside the commands: a failed write there too is one line.
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cmd.setExecutionStrategy(parsed -> {
            try {
                return runLast.execute(parsed);
            } catch (OutputFailure e) {
                reported[0] = e;
                err.println("dsa-audit: " + Sanitiser.line(e.getMessage()));
                return CANNOT_RUN;
            }
        });
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("dsa-audit: " + Sanitiser.line(ex.getMessage()));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return CANNOT_RUN;
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            PrintWriter e = c.getErr();
            if (ex instanceof RuleCompilationException rce) {
                e.println("dsa-audit: the rules do not compile (" + rce.problems().size() + " problem(s)):");
                rce.problems().forEach(p -> e.println(Sanitiser.lines(String.valueOf(p))));
            } else if (ex instanceof OutputFailure of) {
                reported[0] = of;
                e.println("dsa-audit: " + Sanitiser.line(ex.getMessage()));
            } else if (ex instanceof DsaRulesException || ex instanceof CliException) {
                e.println("dsa-audit: " + Sanitiser.line(ex.getMessage()));
            } else if (ex instanceof UncheckedIOException io && io.getCause() != null) {
                // A write or read the system refused (a full disk under a library's writer): the user's to fix.
                String m = io.getMessage() == null || io.getMessage().startsWith("java.")
                        ? OutputFailure.reason(io.getCause()) : io.getMessage();
                e.println("dsa-audit: " + Sanitiser.line(m));
            } else {
                // Only a fault of this program comes here; say so, so that it is reported rather than worked around.
                e.println("dsa-audit: internal error: " + Sanitiser.line(String.valueOf(ex)));
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
