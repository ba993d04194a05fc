package org.dsarules.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dsarules.DsaRules;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.Questionnaire;
import org.dsarules.text.Sanitiser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dsa-audit questions}: the ICB questionnaire, a row per question, for the ICB to answer in a spreadsheet. */
@Command(name = "questions",
        description = {"Write the ICB questionnaire (CSV, or an Excel .xlsx workbook with the same columns on its "
                + "first sheet; record-format v1.1): a row per question for every agreement "
                + "the letter asks about, with the field the answer fills, the values allowed and an empty answer "
                + "column. Questions that apply only if an earlier answer makes them relevant say so. With several "
                + "registers (or a folder of them), one questionnaire for the whole system: a fact of an agreement "
                + "itself is asked once per programme, facts that may differ between practices once per practice. "
                + "Apply the answered file with 'dsa-audit answer'."},
        footer = {"", "Exit status: 0 written, 1 some records in error (not asked about), 2 the command could not run."})
final class QuestionsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REGISTER", arity = "1..*", description = "The register, or several registers or folders.")
    List<Path> registers = new ArrayList<>();

    @Mixin
    AsOfOption asOf;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the questionnaire to FILE (replaced only once complete) instead of standard output.")
    Path out;

    /** The questionnaire's form. */
    enum Format { csv, xlsx }

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv or xlsx (a workbook, the same columns on its first sheet; needs --out). "
                    + "Default: xlsx when the --out file's name ends .xlsx, else csv.")
    Format format;

    @Mixin
    RulesOptions rules;

    @Mixin
    InputOptions input;

    @Mixin
    AliasOptions aliases;

    @Override
    public Integer call() {
        Format form = format != null ? format : out != null && Questionnaire.isWorkbook(out) ? Format.xlsx : Format.csv;
        if (form == Format.xlsx && out == null) {
            throw new CliException("--format xlsx writes a workbook, which is not text: give --out FILE.xlsx");
        }
        List<Path> files = RegisterArgs.expand(registers);
        // Before anything is read: no register, --catalogue or --aliases file is ever replaced (issue 27 item 2).
        Inputs.refuseOverwrite(out, files, rules, aliases);
        DsaRules r = rules.build();
        LocalDate date = asOf.date(r);
        RegisterArgs.Audited several = RegisterArgs.audit(files, r, date, input, "the questionnaire",
                spec.commandLine().getErr());
        List<AuditedRegister> audited = several.registers();
        List<Questionnaire.Row> rows = audited.size() == 1 ? Questionnaire.of(audited.get(0)) : Questionnaire.ofSystem(audited, aliases.aliases());
        if (form == Format.xlsx) {
            SafeOutput.write(out, FixedTimeZip.of(date, os -> Questionnaire.writeWorkbook(rows, os)));
        } else if (out != null) {
            SafeOutput.write(out, os -> {
                Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                Questionnaire.write(rows, w);
                w.flush();
            });
        } else {
            // register text goes to a terminal: no control character reaches it (the CSV itself guards formulas)
            PrintWriter stdout = Sanitiser.terminal(spec.commandLine().getOut());
            Questionnaire.write(rows, stdout);
            stdout.flush();
        }
        int errors = audited.stream().mapToInt(a -> a.result().summary().errors()).sum();
        if (errors > 0) {
            spec.commandLine().getErr().println("dsa-audit: warning: " + errors + " record(s) in error are not in the "
                    + "questionnaire; run 'dsa-audit audit' to see why");
        }
        return errors > 0 || several.unreadable() > 0 ? ExitStatus.RECORDS_IN_ERROR : ExitStatus.OK;
    }
}
