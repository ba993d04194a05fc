package org.dsarules.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dsarules.DsaRules;
import org.dsarules.decision.RecordError;
import org.dsarules.register.RegisterFiles;
import org.dsarules.register.RegisterWriter;
import org.dsarules.round.Answers;
import org.dsarules.round.Questionnaire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dsa-audit answer}: applies an answered questionnaire (or the LMC's advice) to registers, writing new ones. */
@Command(name = "answer",
        description = {"Apply an answered ICB questionnaire (from 'dsa-audit questions': CSV, or an Excel .xlsx "
                + "workbook with the same columns on its first sheet, told by its name) to the register, writing a "
                + "new register in the input's own format (the input is never changed) and printing each answer "
                + "applied and each row refused, with why. Each applied answer is added to the agreement's history "
                + "(date, field, old value, new value, source). An answered icbAssessment.conclusion also sets "
                + "icbAssessment.status to RECEIVED and receivedOn to the date of applying unless the questionnaire "
                + "gives one. Each row is applied or refused on its own: a refused row does not stop the other rows of "
                + "its agreement. An answer that is only a placeholder word (TBC, unknown, N/A) sets nothing. A row "
                + "asked once for a programme never replaces a different value a practice already holds (reported "
                + "as a conflict), except the ICB's own icbAssessment fields. A comment column is kept in the "
                + "history; other columns the format does not name are ignored with a warning.",
            "With several registers (or folders), the last file is the questionnaire and --out is a folder: each "
                + "updated register is written there under its own file name, all of them or, when one cannot be "
                + "written, none. The answers file may also be the "
                + "LMC's advice (CSV columns programme,advice with KEEP or WITHDRAW): it sets lmcAdvice on that "
                + "programme's agreement in every register."},
        footer = {"", "A record in error (one that cannot be read) gets no answer: it is written into the new register "
                + "as it was read, cells as typed, and listed.", "",
                "Exit status: 0 every answer applied, 1 some rows refused or records in error (the rest applied, every "
                + "register written), 2 the command could not run (nothing written)."})
final class AnswerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REGISTER... ANSWERS", arity = "2..*",
            description = "The register(s) or folders, then the answered questionnaire (or LMC advice file), .csv or .xlsx.")
    List<Path> args = new ArrayList<>();

    @Option(names = "--out", paramLabel = "NEW", required = true,
            description = "The new register (one register), or the folder for the new registers (several).")
    Path out;

    @Option(names = {"--on", "--as-of"}, paramLabel = "YYYY-MM-DD", converter = Dates.class,
            description = "The date of applying: the history's date, and receivedOn for a conclusion. Default: today in England.")
    LocalDate on;

    @Mixin
    InputOptions input;

    @Mixin
    AliasOptions aliases;

    @Override
    public Integer call() {
        Path answersFile = args.get(args.size() - 1);
        List<Path> files = RegisterArgs.expand(args.subList(0, args.size() - 1));
        // Every input (each register, the questionnaire, an --aliases file) is compared with every output (issue 27):
        // none is ever overwritten.
        List<Path> targets = NewRegisters.targets(out, files, List.of(answersFile), aliases);
        LocalDate date = on != null ? on : LocalDate.now(DsaRules.ZONE);
        // Records in error are kept apart: no answer applies to them, and they go into the new register as read.
        List<RegisterArgs.Whole> whole = RegisterArgs.readAll(files, input);
        List<Answers.Named> registers = whole.stream().map(RegisterArgs.Whole::named).toList();
        Questionnaire.Answered answered = Questionnaire.readAnswered(answersFile);
        List<Questionnaire.Row> rows = answered.rows();
        answered.warnings().forEach(w -> spec.commandLine().getErr().println("dsa-audit: warning: " + w));
        spec.commandLine().getErr().flush();
        String source = (Questionnaire.isLmcAdvice(rows) ? "LMC advice " : "ICB questionnaire ") + answersFile.getFileName();
        Answers.Result result = Answers.apply(registers, rows, date, source, aliases.aliases());
        List<SafeOutput.Target> writes = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Answers.Named n = result.registers().get(i);
            RegisterFiles.Format format = RegisterArgs.format(files.get(i), input);
            RegisterWriter writer = RegisterFiles.writer(format);
            Path file = files.get(i);
            List<Integer> inError = whole.get(i).errors().stream().map(RecordError::index).sorted().toList();
            // An .xlsx register dated from --on, not the clock: the same answers give the same bytes (issue 27 item 12).
            writes.add(new SafeOutput.Target(targets.get(i), NewRegisters.dated(format, date, os -> {
                if (inError.isEmpty()) {
                    writer.write(n.register(), os);
                    return;
                }
                ByteArrayOutputStream valid = new ByteArrayOutputStream();
                writer.write(n.register(), valid);
                os.write(CarriedRecords.splice(format, file, inError, valid.toByteArray()));
            })));
        }
        // All or none: a full disk at the third register leaves the folder as it was, and says so.
        NewRegisters.write(out, writes);
        PrintWriter stdout = spec.commandLine().getOut();
        int inError = whole.stream().mapToInt(w -> w.errors().size()).sum();
        long changed = result.applied().stream().filter(a -> !a.unchanged()).count();
        stdout.println("Applied " + source + " on " + date + " to " + files.size() + " register(s): "
                + result.applied().size() + " answer(s) applied (" + changed + " changed a value), "
                + result.refused().size() + " row(s) refused, " + result.unanswered() + " row(s) unanswered"
                + (result.conflicts().isEmpty() ? "" : ", " + result.conflicts().size() + " conflict(s) with a practice's value")
                + (inError == 0 ? "" : ", " + inError + " record(s) in error carried through unchanged"));
        if (!result.applied().isEmpty()) {
            stdout.println();
            stdout.println("Applied:");
            for (Answers.Applied a : result.applied()) {
                stdout.println("  row " + a.row() + (several(files) ? "  " + DiffText.clean(a.register()) : "") + "  "
                        + DiffText.clean(a.agreementId()) + "  " + a.field() + ": " + value(a.oldValue()) + " -> "
                        + value(a.newValue()) + (a.unchanged() ? " (already so)" : ""));
            }
        }
        if (!result.refused().isEmpty()) {
            stdout.println();
            stdout.println("Refused (not applied):");
            for (Answers.Refused r : result.refused()) {
                stdout.println("  row " + r.row() + (r.agreementId() != null ? "  " + DiffText.clean(r.agreementId()) : "")
                        + "  " + DiffText.clean(r.field()) + ": " + DiffText.clean(r.why()) + inErrorNote(r, whole));
            }
        }
        if (!result.conflicts().isEmpty()) {
            stdout.println();
            stdout.println("Conflicts (asked once for a programme; the practice's own value was kept):");
            for (Answers.Conflict c : result.conflicts()) {
                stdout.println("  " + DiffText.clean(c.describe()));
            }
        }
        if (inError > 0) {
            stdout.println();
            stdout.println("Records in error (no answer applies to them; written into the new register as they were read):");
            for (RegisterArgs.Whole w : whole) {
                for (RecordError e : w.errors()) {
                    stdout.println("  " + DiffText.clean(w.named().name()) + "  " + (e.dsaId() != null ? DiffText.clean(e.dsaId())
                            + " " : "") + "(entry " + (e.index() + 1) + "): " + DiffText.clean(e.message()));
                }
            }
        }
        if (!result.unmatched().isEmpty()) {
            stdout.println();
            stdout.println("Programme rows that matched only some registers:");
            for (String u : result.unmatched()) {
                stdout.println("  " + DiffText.clean(u));
            }
        }
        stdout.println();
        for (Path t : targets) {
            stdout.println("Wrote " + t);
        }
        stdout.flush();
        return result.refused().isEmpty() && inError == 0 ? ExitStatus.OK : ExitStatus.RECORDS_IN_ERROR;
    }

    /** For a row refused because it names a record in error: why there is no agreement of that id to answer. */
    private static String inErrorNote(Answers.Refused r, List<RegisterArgs.Whole> whole) {
        if (r.agreementId() == null) {
            return "";
        }
        for (RegisterArgs.Whole w : whole) {
            if (w.named().register().agreements().stream().noneMatch(a -> a.id().equals(r.agreementId()))
                    && w.errors().stream().anyMatch(e -> r.agreementId().equals(e.dsaId()))) {
                return " (" + DiffText.clean(r.agreementId()) + " is a record in error in " + DiffText.clean(w.named().name())
                        + ", carried through unchanged: correct it, then apply this row again)";
            }
        }
        return "";
    }

    private static boolean several(List<Path> files) {
        return files.size() > 1;
    }

    private static String value(String v) {
        return v == null ? "(not known)" : DiffText.clean(v);
    }
}
