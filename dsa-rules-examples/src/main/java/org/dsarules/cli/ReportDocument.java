package org.dsarules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.TraceLevel;
import org.dsarules.engine.CollectingSink;
import org.dsarules.model.Agreement;
import org.dsarules.documents.DocumentModel;
import org.dsarules.documents.Reports;
import org.dsarules.register.RegisterSource;
import org.dsarules.text.Sanitiser;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the document commands ({@code letter}, {@code refer}, {@code ppg}) share: audit the register
 * (JSON, CSV or xlsx) while keeping its agreements by id, build the one model every document reads ({@link DocumentModel}),
 * render one document and write it to standard output or, whole or not at all, to {@code --out}.
 * A register with records in error gives no document unless {@code --allow-incomplete} asks for one,
 * and then the document names the agreements it leaves out.
 */
final class ReportDocument {
    private ReportDocument() {
    }

    /** Returns the exit status: {@link ExitStatus#RECORDS_IN_ERROR} when some records are in error, else OK. */
    static int write(CommandSpec spec, DocumentOptions options,
            Function<DocumentModel, String> render) throws IOException {
        return write(spec, options, render, null);
    }

    /**
     * As {@link #write(CommandSpec, DocumentOptions, Function)}; with {@code binary} (not null), the document
     * is the bytes it gives (a Word document), written to {@code --out} only, through the same safe write.
     */
    static int write(CommandSpec spec, DocumentOptions options, Function<DocumentModel, String> render,
            Function<DocumentModel, byte[]> binary) throws IOException {
        if (options.file == null) {
            if (options.files.size() != 1) {
                throw new CliException(spec.name() + " takes one register (" + options.files.size() + " given)");
            }
            options.file = options.files.get(0);
        }
        Path file = options.file;
        Path out = options.out;
        if (binary != null && out == null) {
            throw new CliException("this document is not text: give --out FILE");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Inputs.refuseOverwrite(out, List.of(file), options.rules);
        DsaRules rules = options.rules.build();
        LocalDate date = options.asOf.date(rules);
        // One pass over the register (JSON, CSV or xlsx, by its name or --input-format): each decision with its agreement.
        // The document holds them all: a register past the limit is refused, a heap too small is one line.
        String what = "the " + spec.name() + " document";
        DocumentModel audited = WholeRegister.inMemory(what, () -> {
            CollectingSink sink = new CollectingSink();
            try (RegisterSource source = WholeRegister.limited(options.input.open(file), file, what)) {
                rules.audit(source, date, TraceLevel.FULL, sink);
            }
            return DocumentModel.of(sink.result(), sink.decided(), rules);
        });
        AuditResult result = audited.result();
        String shown = Sanitiser.line(file.toString());
        if (result.summary().errors() > 0 && !options.allowIncomplete) {
            stderr.println("dsa-audit: " + shown + ": " + result.summary().errors()
                    + " record(s) in error, so no document was written: it would leave them out without a word. Correct them"
                    + " (run 'dsa-audit audit " + shown + "' to see why), or pass --allow-incomplete for a document that names them");
            return ExitStatus.RECORDS_IN_ERROR;
        }
        if (binary != null) {
            byte[] bytes = WholeRegister.inMemory(what, () -> binary.apply(audited));
            SafeOutput.write(out, os -> os.write(bytes));
        } else if (out != null) {
            String document = WholeRegister.inMemory(what, () -> render.apply(audited));
            SafeOutput.write(out, os -> os.write(document.getBytes(StandardCharsets.UTF_8)));
        } else {
            stdout.print(WholeRegister.inMemory(what, () -> render.apply(audited)));
            stdout.flush();
        }
        if (result.summary().total() == 0) {
            stderr.println("dsa-audit: warning: " + shown + " holds no agreements");
        }
        if (result.summary().errors() > 0) {
            stderr.println("dsa-audit: warning: " + result.summary().errors()
                    + " record(s) in error are left out of this document (it names them); run 'dsa-audit audit " + shown
                    + "' to see why");
        }
        return result.summary().errors() > 0 ? ExitStatus.RECORDS_IN_ERROR : ExitStatus.OK;
    }
}
