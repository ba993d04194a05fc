package org.dsarules.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Summary;
import org.dsarules.decision.TraceLevel;
import org.dsarules.engine.CollectingSink;
import org.dsarules.engine.RuleCatalogue;
import org.dsarules.engine.WhyNot;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.json.DecisionDocumentWriter;
import org.dsarules.model.Agreement;
import org.dsarules.documents.AuditWorkbook;
import org.dsarules.documents.DocumentModel;
import org.dsarules.documents.Reports;
import org.dsarules.register.RegisterSource;
import org.dsarules.documents.TextReport;
import org.dsarules.text.Sanitiser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dsa-audit audit}: decides every agreement of a register and reports why. */
@Command(name = "audit",
        description = {"Decide every agreement of a register (JSON: an object with \"practice\" and \"agreements\", "
                + "or an array of agreements; or CSV or an Excel .xlsx workbook: one agreement a row, see 'dsa-audit template') and report each "
                + "outcome with its reasons."},
        footer = {"", "Exit status: 0 every record decided, 1 some records in error (the others are still decided), "
            + "2 the command could not run (unreadable file, bad option, rules that do not compile)."})
final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The register to audit; or several registers, or "
            + "folders of them, one per practice, for the system report across them.")
    List<Path> files = new ArrayList<>();

    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a report for a practice manager), json (the decision document), html (a "
                    + "self-contained report that prints on A4) or xlsx (a workbook, a row per agreement; with several registers, the system report's "
                    + "workbook, a row per programme and practice holding it, and the counts per practice; needs --out). "
                    + "text and json stream: a register of any size, and any number of records in error, fit in "
                    + "memory; html and xlsx hold the whole register, at most 20,000 agreements. Default: ${DEFAULT-VALUE}.")
    ReportFormat format;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output: a regular file is replaced only once "
                    + "the report is complete (keeping its permissions; a new one gets 0666 less the umask), a device "
                    + "or FIFO (/dev/null, /dev/stdout) is written in place.")
    Path out;

    @Option(names = "--trace", paramLabel = "LEVEL", defaultValue = "full",
            description = "How much trace each decision carries: full, decisive or none. Default: ${DEFAULT-VALUE}.")
    TraceLevel trace;

    @Mixin
    InputOptions input;

    @Option(names = "--why-not",
            description = "With --format json: add to each decision a whyNot list, why it did not get each other outcome.")
    boolean whyNot;

    @Mixin
    RulesOptions rulesOptions;

    @Mixin
    AliasOptions aliases;

    @Override
    public Integer call() throws IOException {
        List<Path> registers = RegisterArgs.expand(files);
        if (registers.size() > 1 || Files.isDirectory(files.get(0))) {
            return SystemDocuments.report(spec, registers, format, out, asOf, rulesOptions, input, aliases);
        }
        file = registers.get(0);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Inputs.refuseOverwrite(out, List.of(file), rulesOptions, aliases);
        if (format == ReportFormat.xlsx && out == null) {
            throw new CliException("--format xlsx writes a workbook, which is not text: give --out FILE.xlsx");
        }
        DsaRules rules = rulesOptions.build();
        LocalDate date = asOf.date(rules);
        Summary summary;
        try (RegisterSource source = input.open(file)) {
            if (format == ReportFormat.json) {
                summary = json(rules, source, date, stdout);
            } else if (format == ReportFormat.html) {
                summary = html(rules, source, date, stdout);
            } else if (format == ReportFormat.xlsx) {
                summary = xlsx(rules, source, date);
            } else {
                summary = text(rules, source, date, stdout);
            }
        }
        if (summary.total() == 0) {
            stderr.println("dsa-audit: warning: " + Sanitiser.line(file.toString()) + " holds no agreements");
        }
        return summary.errors() > 0 ? ExitStatus.RECORDS_IN_ERROR : ExitStatus.OK;
    }

    private DecisionDocumentWriter writer(DecisionDocumentWriter w, DsaRules rules) {
        if (whyNot) {
            List<RuleCatalogue.Entry> catalogue =
                    RuleCatalogue.of(rules.knowledgeBase());
            // The trace may be cut to the decisive step on output; why-not reads the full one.
            w.withWhyNot(d -> WhyNot.of(d, catalogue)).withTraceLevel(trace);
        }
        return w;
    }

    private Summary json(DsaRules rules, RegisterSource source, LocalDate date, PrintWriter stdout) {
        Summary[] summary = new Summary[1];
        if (out != null) {
            SafeOutput.write(out, os -> summary[0] = rules.audit(source, date, whyNot ? TraceLevel.FULL : trace,
                    Progress.wrap(writer(new DecisionDocumentWriter(os), rules), spec.commandLine().getErr(), source, file)));
            return summary[0];
        }
        DecisionDocumentWriter writer = writer(new DecisionDocumentWriter(stdout), rules);
        try {
            Summary s = rules.audit(source, date, whyNot ? TraceLevel.FULL : trace, writer);
            stdout.flush();
            return s;
        } catch (RegisterFormatException e) {
            stdout.flush();
            throw new CliException(writer.started()
                    ? e.getMessage() + " (the decision document on standard output is incomplete)" : e.getMessage(), e);
        }
    }

    private Summary text(DsaRules rules, RegisterSource source, LocalDate date, PrintWriter stdout) {
        try (TextReport report = new TextReport(file.toString(), rules)) {
            Summary summary = rules.audit(source, date, trace,
                    Progress.wrap(report, spec.commandLine().getErr(), source, file));
            if (out != null) {
                SafeOutput.write(out, os -> {
                    Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                    report.writeTo(w);
                    w.flush();
                });
            } else {
                try {
                    report.writeTo(stdout);
                } catch (IOException e) {
                    throw new OutputFailure("standard output", e);
                }
            }
            return summary;
        }
    }

    private Summary html(DsaRules rules, RegisterSource source, LocalDate date, PrintWriter stdout) {
        Rendered html = WholeRegister.inMemory("the html report", () -> {
            DocumentModel audited = collect(rules, WholeRegister.limited(source, file, "the html report"), date);
            return new Rendered(Reports.html(audited), audited.result().summary());
        });
        if (out != null) {
            SafeOutput.write(out, os -> os.write(html.text().getBytes(StandardCharsets.UTF_8)));
        } else {
            stdout.print(html.text());
            stdout.flush();
        }
        return html.summary();
    }

    /** A whole-register document and the counts of the audit it shows. */
    record Rendered(String text, Summary summary) {
    }

    private Summary xlsx(DsaRules rules, RegisterSource source, LocalDate date) {
        DocumentModel audited = WholeRegister.inMemory("the xlsx workbook", () -> {
            return collect(rules, WholeRegister.limited(source, file, "the xlsx workbook"), date);
        });
        SafeOutput.write(out, FixedTimeZip.of(date, os -> AuditWorkbook.write(audited, os)));
        return audited.result().summary();
    }

    /** The audit held in memory, each decision with the agreement the audit handed on with it. */
    private DocumentModel collect(DsaRules rules, RegisterSource source, LocalDate date) {
        CollectingSink sink = new CollectingSink();
        rules.audit(source, date, trace, Progress.wrap(sink, spec.commandLine().getErr(), source, file));
        return DocumentModel.of(sink.result(), sink.decided(), rules);
    }
}
