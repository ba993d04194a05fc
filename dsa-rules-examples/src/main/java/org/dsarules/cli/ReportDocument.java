package org.dsarules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.TraceLevel;
import org.dsarules.engine.CollectingSink;
import org.dsarules.model.Agreement;
import org.dsarules.register.RegisterSource;
import org.dsarules.report.Reports;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code letter}, {@code refer} and {@code ppg} share: audit the register (JSON, or CSV for a
 * {@code .csv} file) while keeping its agreements by id, render one document and write it to standard output or, whole or not at all, to {@code --out}.
 */
final class ReportDocument {
    private ReportDocument() {
    }

    /** Returns the exit status: {@link DsaAudit#RECORDS_IN_ERROR} when some records are in error, else OK. */
    static int write(CommandSpec spec, DocumentOptions options,
            BiFunction<AuditResult, Map<String, Agreement>, String> render) throws IOException {
        Path file = options.file;
        Path out = options.out;
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (out != null && Files.exists(out) && Files.exists(file) && Files.isSameFile(out, file)) {
            throw new CliException(out + ": --out names the input register, which is never overwritten");
        }
        DsaRules rules = options.rules.build();
        LocalDate date = options.asOf != null ? options.asOf : rules.today();
        // One pass over the register (JSON or CSV, by its name): the decisions, and the agreements by id.
        Map<String, Agreement> byId = new LinkedHashMap<>();
        AuditResult result;
        try (RegisterSource source = Reports.recording(options.input.open(file), byId)) {
            result = collect(rules, source, date);
        }
        String document = render.apply(result, byId);
        if (out != null) {
            SafeOutput.write(out, os -> os.write(document.getBytes(StandardCharsets.UTF_8)));
        } else {
            stdout.print(document);
            stdout.flush();
        }
        if (result.summary().total() == 0) {
            stderr.println("dsa-audit: warning: " + file + " holds no agreements");
        }
        if (result.summary().errors() > 0) {
            stderr.println("dsa-audit: warning: " + result.summary().errors()
                    + " record(s) in error are not in this document; run 'dsa-audit audit " + file + "' to see why");
        }
        return result.summary().errors() > 0 ? DsaAudit.RECORDS_IN_ERROR : DsaAudit.OK;
    }

    private static AuditResult collect(DsaRules rules, RegisterSource source, LocalDate date) {
        CollectingSink sink = new CollectingSink();
        rules.audit(source, date, TraceLevel.FULL, sink);
        return sink.result();
    }
}
