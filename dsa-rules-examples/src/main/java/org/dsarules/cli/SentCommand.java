package org.dsarules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decided;
import org.dsarules.model.Agreement;
import org.dsarules.model.Register;
import org.dsarules.register.RegisterFiles;
import org.dsarules.register.RegisterWriter;
import org.dsarules.round.Answers;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.documents.SentLetters;
import org.dsarules.round.documents.SentLetters.Letter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code dsa-audit sent}: records in the register's history that a letter went, and when. */
@Command(name = "sent",
        description = {"Record that the practice sent one of its letters, writing a new register (the input is never "
                + "changed): each agreement the letter is about gets a history entry naming the letter and the date. "
                + "The ICB letter (and the follow-up) also set icbAssessment.status to REQUESTED and requestedOn to the "
                + "date, for every agreement they ask about whose assessment was not yet asked for; an assessment "
                + "already received is kept. The follow-up letter then names the date of the first letter and the "
                + "replies that are overdue.",
            "The agreements a letter is about are those the letter itself names, decided as of --on: icb and "
                + "follow-up, those it asks a question about; notice, those decided WITHDRAW; supplier, the signed "
                + "ones decided WITHDRAW; referral-reply, the new requests decided REFER_TO_BMA.",
            "With several registers (or folders), --out is a folder: each new register is written there under its "
                + "own file name, all of them or, when one cannot be written, none."},
        footer = {"", "Exit status: 0 recorded, 2 the command could not run (nothing written)."})
final class SentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REGISTER", arity = "1..*", description = "The register(s) or folders the letter was written from.")
    List<Path> args = new ArrayList<>();

    @Option(names = "--letter", paramLabel = "LETTER", required = true, converter = LetterConverter.class,
            description = "Which letter went: icb, follow-up, notice, supplier or referral-reply.")
    Letter letter;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", required = true, converter = Dates.class,
            description = "The day it was sent: the history's date, and requestedOn for the ICB letter.")
    LocalDate on;

    @Option(names = "--out", paramLabel = "NEW", required = true,
            description = "The new register (one register), or the folder for the new registers (several).")
    Path out;

    @Mixin
    RulesOptions rules;

    @Mixin
    InputOptions input;

    static final class LetterConverter implements ITypeConverter<Letter> {
        @Override
        public Letter convert(String value) {
            return Letter.of(value).orElseThrow(() -> new TypeConversionException("\"" + value
                    + "\" is not a letter: use " + SentLetters.names()));
        }
    }

    @Override
    public Integer call() {
        List<Path> files = RegisterArgs.expand(args);
        // Every input (each register, each --catalogue file) is compared with every output, and two registers of one
        // file name would be written one over the other: both refused before anything is read (issue 27 items 2, 3).
        List<Path> targets = NewRegisters.targets(out, files, List.of(), rules);
        // Read whole first: a register with records in error is refused, so the new one drops nothing.
        List<Answers.Named> registers = RegisterArgs.read(files, input);
        DsaRules dsa = rules.build();
        // Every register was read whole above (an unreadable one stops the command), so none is skipped here.
        List<AuditedRegister> audited = RegisterArgs.audit(files, dsa, on, input, "the record of what was sent",
                spec.commandLine().getErr()).registers();
        List<SafeOutput.Target> writes = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Register register = registers.get(i).register();
            List<Agreement> agreements = new ArrayList<>();
            List<String> about = new ArrayList<>();
            for (Agreement a : register.agreements()) {
                Decided x = audited.get(i).decided().stream().filter(d -> d.agreement().id().equals(a.id()))
                        .findFirst().orElse(null);
                Agreement recorded = x == null ? a : SentLetters.record(letter, x.decision(), a, on);
                if (recorded != a) {
                    about.add(a.id());
                }
                agreements.add(recorded);
            }
            // the practice's own # columns go on into the new register, as `answer` carries them
            Register updated = new Register(register.practice(), agreements, register.ownColumns());
            RegisterFiles.Format form = RegisterArgs.format(files.get(i), input);
            RegisterWriter writer = RegisterFiles.writer(form);
            // An .xlsx register dated from --on, not the clock: the same record of what was sent is the same bytes on
            // every run (issue 27 item 12).
            writes.add(new SafeOutput.Target(targets.get(i), NewRegisters.dated(form, on, os -> writer.write(updated, os))));
            said.add("Recorded " + letter.source().substring(SentLetters.SOURCE.length()) + ", sent on " + on
                    + ", for " + about.size() + " agreement(s) of " + files.get(i).getFileName()
                    + (about.isEmpty() ? "" : ": " + DiffText.clean(String.join(", ", about))));
        }
        // All or none, as answer (issue 27 item 4): a failure at any register leaves every target as it was, and
        // nothing is said recorded that was not written.
        NewRegisters.write(out, writes);
        PrintWriter stdout = spec.commandLine().getOut();
        said.forEach(stdout::println);
        for (Path t : targets) {
            stdout.println("Wrote " + t);
        }
        stdout.flush();
        return DsaAudit.OK;
    }
}
