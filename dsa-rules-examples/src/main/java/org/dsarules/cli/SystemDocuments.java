package org.dsarules.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.documents.Reports;
import org.dsarules.documents.DocumentModel;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.SystemAudit;
import org.dsarules.round.documents.SystemLetter;
import org.dsarules.round.documents.SystemReport;
import org.dsarules.round.documents.SystemWorkbook;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The commands' several-register forms (issue 13): every register audited with one rules instance,
 * then the system report, the LMC's system letter, or each practice's letter into a folder.
 */
final class SystemDocuments {
    private SystemDocuments() {
    }

    /** {@code audit R1 R2 ...}: the system report in {@code format} (text, html, json or xlsx). */
    static int report(CommandSpec spec, List<Path> files, String format, Path out, LocalDate asOf, RulesOptions rules,
            InputOptions input, AliasOptions aliases) {
        if (format.equals("xlsx") && out == null) {
            throw new CliException("--format xlsx writes a workbook, which is not text: give --out FILE.xlsx");
        }
        DsaRules r = rules.build();
        List<AuditedRegister> audited = RegisterArgs.audit(files, r, asOf != null ? asOf : r.today(), input);
        SystemAudit system = SystemAudit.of(audited, aliases.aliases());
        if (format.equals("xlsx")) {
            SafeOutput.write(out, os -> SystemWorkbook.write(system, os));
            return errors(spec, audited);
        }
        String document = switch (format) {
            case "html" -> SystemReport.html(system);
            case "json" -> SystemReport.json(system);
            default -> SystemReport.text(system);
        };
        emit(spec, out, document);
        return errors(spec, audited);
    }

    /** {@code letter --system R1 R2 ...}: the LMC's letter to the ICB for the whole system. */
    static int systemLetter(CommandSpec spec, List<Path> files, Reports.Format format, Path out, LocalDate asOf,
            RulesOptions rules, InputOptions input, AliasOptions aliases) {
        if (format == Reports.Format.HTML) {
            throw new CliException("the system letter is written in markdown or text");
        }
        DsaRules r = rules.build();
        List<AuditedRegister> audited = RegisterArgs.audit(files, r, asOf != null ? asOf : r.today(), input);
        SystemAudit system = SystemAudit.of(audited, aliases.aliases());
        emit(spec, out, format == Reports.Format.TEXT ? SystemLetter.text(system) : SystemLetter.markdown(system));
        return errors(spec, audited);
    }

    /**
     * {@code letter R1 R2 ... --out DIR}: each practice's letter (the first or the follow-up, as for one
     * register) written into DIR, named after its register ({@code p1.json} gives {@code p1-letter.md}).
     */
    static int letters(CommandSpec spec, List<Path> files, LetterCommand letter, Path dir, LocalDate asOf,
            RulesOptions rules, InputOptions input) {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CliException((dir == null ? "--out" : dir.toString()) + ": with several registers, --out must be an "
                    + "existing folder, where each practice's letter is written");
        }
        DsaRules r = rules.build();
        List<AuditedRegister> audited = RegisterArgs.audit(files, r, asOf != null ? asOf : r.today(), input);
        PrintWriter stdout = spec.commandLine().getOut();
        String ext = letter.kind.letter != null ? ".txt" : switch (letter.format) {
            case MARKDOWN -> ".md";
            case TEXT -> ".txt";
            case HTML -> ".html";
        };
        for (int i = 0; i < files.size(); i++) {
            AuditedRegister a = audited.get(i);
            String document = letter.render(DocumentModel.of(a.result(), a.decided(), r));
            String base = files.get(i).getFileName().toString().replaceFirst("\\.[^.]*$", "");
            Path target = dir.resolve(base + "-letter" + ext);
            SafeOutput.write(target, os -> os.write(document.getBytes(StandardCharsets.UTF_8)));
            stdout.println("Wrote " + target);
        }
        stdout.flush();
        return errors(spec, audited);
    }

    private static void emit(CommandSpec spec, Path out, String document) {
        if (out != null) {
            SafeOutput.write(out, os -> os.write(document.getBytes(StandardCharsets.UTF_8)));
        } else {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(document);
            stdout.flush();
        }
    }

    private static int errors(CommandSpec spec, List<AuditedRegister> audited) {
        int errors = 0;
        for (AuditedRegister a : audited) {
            int n = a.result().summary().errors();
            if (n > 0) {
                spec.commandLine().getErr().println("dsa-audit: warning: " + a.name() + ": " + n
                        + " record(s) in error are not in this document; run 'dsa-audit audit " + a.name() + "' to see why");
            }
            errors += n;
        }
        return errors > 0 ? DsaAudit.RECORDS_IN_ERROR : DsaAudit.OK;
    }
}
