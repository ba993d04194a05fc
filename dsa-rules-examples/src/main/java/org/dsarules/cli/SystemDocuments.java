package org.dsarules.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dsarules.DsaRules;
import org.dsarules.documents.DocxLetter;
import org.dsarules.documents.Reports;
import org.dsarules.documents.DocumentModel;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.SystemAudit;
import org.dsarules.round.documents.SystemLetter;
import org.dsarules.round.documents.SystemReport;
import org.dsarules.round.documents.SystemWorkbook;
import org.dsarules.text.Sanitiser;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The commands' several-register forms (issue 13): every register audited with one rules instance,
 * then the system report, the LMC's system letter, or each practice's letter into a folder. A register
 * that cannot be read is reported in one line and the others go on (exit status 1).
 */
final class SystemDocuments {
    private SystemDocuments() {
    }

    /** {@code audit R1 R2 ...}: the system report in {@code format}. */
    static int report(CommandSpec spec, List<Path> files, ReportFormat format, Path out, AsOfOption asOf,
            RulesOptions rules, InputOptions input, AliasOptions aliases) {
        if (format == ReportFormat.xlsx && out == null) {
            throw new CliException("--format xlsx writes a workbook, which is not text: give --out FILE.xlsx");
        }
        Inputs.refuseOverwrite(out, files, rules, aliases);
        DsaRules r = rules.build();
        LocalDate date = asOf.date(r);
        RegisterArgs.Audited audited = RegisterArgs.audit(files, r, date, input, "the system report",
                spec.commandLine().getErr());
        SystemAudit system = SystemAudit.of(audited.registers(), aliases.aliases());
        if (format == ReportFormat.xlsx) {
            SafeOutput.write(out, FixedTimeZip.of(date, os -> SystemWorkbook.write(system, os)));
            return errors(spec, audited, LISTED);
        }
        String document = switch (format) {
            case html -> SystemReport.html(system);
            case json -> SystemReport.json(system);
            case text, xlsx -> SystemReport.text(system);
        };
        emit(spec, out, document);
        return errors(spec, audited, LISTED);
    }

    /** How the system report holds records in error: each is listed, with its problem (the LMC's working document). */
    private static final String LISTED = "listed in this document with their problem, not decided";
    /** How the system letter holds them: named by reference only (a letter to another organisation). */
    private static final String NAMED = "named in this letter by reference, not decided";

    /**
     * {@code letter --system R1 R2 ...}: the LMC's letter to the ICB for the whole system. Records in error
     * follow the single-register letter's rule (issue 27): no letter, unless {@code allowIncomplete}, and then
     * the letter names each record it leaves out.
     */
    static int systemLetter(CommandSpec spec, List<Path> files, Reports.Format format, Path out, AsOfOption asOf,
            RulesOptions rules, InputOptions input, boolean allowIncomplete, AliasOptions aliases) {
        if (format == Reports.Format.HTML) {
            throw new CliException("the system letter is written in markdown, text or docx");
        }
        Inputs.refuseOverwrite(out, files, rules, aliases);
        DsaRules r = rules.build();
        RegisterArgs.Audited audited = RegisterArgs.audit(files, r, asOf.date(r), input, "the system letter",
                spec.commandLine().getErr());
        int inError = audited.registers().stream().mapToInt(a -> a.result().summary().errors()).sum();
        if (inError > 0 && !allowIncomplete) {
            spec.commandLine().getErr().println("dsa-audit: " + inError + " record(s) in error in the registers given, so "
                    + "no letter was written: it would leave them out without a word. Correct them (run 'dsa-audit audit' "
                    + "on each register named below to see why), or pass --allow-incomplete for a letter that names them");
            errors(spec, audited, "not in any letter: none was written");
            return ExitStatus.RECORDS_IN_ERROR;
        }
        SystemAudit system = SystemAudit.of(audited.registers(), aliases.aliases());
        String letter = format == Reports.Format.TEXT ? SystemLetter.text(system) : SystemLetter.markdown(system);
        // the letter names each record in error by reference (SystemLetter)
        if (format == Reports.Format.DOCX) {
            // the Markdown letter's words as a Word document (LetterCommand has checked that --out is given)
            SafeOutput.write(out, os -> os.write(DocxLetter.fromMarkdown(letter, asOf.date(r))));
        } else {
            emit(spec, out, letter);
        }
        return errors(spec, audited, NAMED);
    }

    /**
     * {@code letter R1 R2 ... --out DIR}: each practice's letter (the first or the follow-up, as for one
     * register, by {@code render}) written into DIR, named after its register and {@code extension}
     * ({@code p1.json} gives {@code p1-letter.md}). Two registers whose letters would have the same name
     * ({@code birch.json} and {@code birch.csv}) are refused before anything is written.
     *
     * <p>Records in error follow the single-register letter's rule (issue 27 item 6), register by register: without
     * {@code allowIncomplete} a register with records in error gets no letter and is named in one line, the others'
     * letters are written, and the exit status is 1; with it, its letter names the agreements it leaves out by
     * reference only.
     */
    static int letters(CommandSpec spec, List<Path> files, Function<DocumentModel, byte[]> render, String extension,
            Path dir, AsOfOption asOf, RulesOptions rules, InputOptions input, boolean allowIncomplete, AliasOptions aliases) {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CliException((dir == null ? "--out" : dir.toString()) + ": with several registers, --out must be an "
                    + "existing folder, where each practice's letter is written");
        }
        List<Map.Entry<Path, Path>> targets = new ArrayList<>();
        for (Path f : files) {
            Path target = dir.resolve(letterName(f, extension));
            Inputs.refuseOverwrite(target, files, rules, aliases);
            targets.add(Map.entry(target, f));
        }
        Inputs.refuseCollisions(targets);
        DsaRules r = rules.build();
        RegisterArgs.Audited audited = RegisterArgs.audit(files, r, asOf.date(r), input, "the letters",
                spec.commandLine().getErr());
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        for (AuditedRegister a : audited.registers()) {
            int inError = a.result().summary().errors();
            String shown = Sanitiser.line(a.name());
            if (inError > 0 && !allowIncomplete) {
                // The same words as the single-register letter's refusal, naming the register.
                stderr.println("dsa-audit: " + shown + ": " + inError + " record(s) in error, so no letter was written for "
                        + "it: it would leave them out without a word. Correct them (run 'dsa-audit audit " + shown
                        + "' to see why), or pass --allow-incomplete for a letter that names them");
                continue;
            }
            byte[] document = render.apply(DocumentModel.of(a.result(), a.decided(), r));
            Path target = dir.resolve(letterName(Path.of(a.name()), extension));
            SafeOutput.write(target, os -> os.write(document));
            stdout.println("Wrote " + target);
            if (inError > 0) {
                stderr.println("dsa-audit: warning: " + shown + ": " + inError + " record(s) in error, named in its "
                        + "practice's letter by reference, not decided; run 'dsa-audit audit " + shown + "' to see why");
            }
        }
        stdout.flush();
        stderr.flush();
        return audited.errors() > 0 ? ExitStatus.RECORDS_IN_ERROR : ExitStatus.OK;
    }

    private static String letterName(Path register, String extension) {
        return register.getFileName().toString().replaceFirst("\\.[^.]*$", "") + "-letter" + extension;
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

    /** One warning per register with records in error, saying where they are ({@code where}); the exit status. */
    private static int errors(CommandSpec spec, RegisterArgs.Audited audited, String where) {
        for (AuditedRegister a : audited.registers()) {
            int n = a.result().summary().errors();
            if (n > 0) {
                spec.commandLine().getErr().println("dsa-audit: warning: " + Sanitiser.line(a.name()) + ": " + n
                        + " record(s) in error, " + where + "; run 'dsa-audit audit "
                        + Sanitiser.line(a.name()) + "' to see why");
            }
        }
        return audited.errors() > 0 ? ExitStatus.RECORDS_IN_ERROR : ExitStatus.OK;
    }
}
