package org.dsarules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Change;
import org.dsarules.register.RegisterSource;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.RegisterDiff;
import org.dsarules.text.Sanitiser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dsa-audit diff}: what a later date or a rule overlay would change, before adopting it.
 * Lists only the agreements whose outcome changes; nothing when nothing changes.
 */
@Command(name = "diff",
        description = {"Show which agreements change outcome, from what to what, and the rule responsible: "
                + "between two registers of one practice (diff OLD NEW: also the facts that changed and the "
                + "agreements added or removed), between two dates (--as-of A --vs-as-of B) or between the "
                + "default rules and the default rules with an overlay (--rules DIR)."},
        footer = {"", WholeRegister.HELP, "", "Exit status: 0 (changes or none), 2 the command could not run."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..2",
            description = "The register; or two registers of one practice, OLD and NEW (for example before and "
                    + "after 'dsa-audit answer').")
    List<Path> files = new ArrayList<>();

    Path file;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Dates.class,
            description = "The date of the first audit (and of both, with --rules). Default: today in England.")
    LocalDate asOf;

    @Option(names = "--vs-as-of", paramLabel = "YYYY-MM-DD", converter = Dates.class,
            description = "Compare with the same rules as of this date.")
    LocalDate vsAsOf;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Compare the default rules with the default rules plus the .drl files under DIR (repeatable).")
    List<Path> rules = new ArrayList<>();

    /** The catalogue of known programmes, the same on both sides of the comparison. */
    @Mixin
    CatalogueOptions catalogue;

    @Mixin
    InputOptions input;

    /** Both audits are held to be compared: the register is limited as the other whole-register documents are. */
    private AuditResult audit(DsaRules rules, LocalDate date) {
        return WholeRegister.inMemory("diff", () -> {
            try (RegisterSource source = WholeRegister.limited(input.open(file), file, "diff")) {
                return rules.audit(source, date);
            }
        });
    }

    @Override
    public Integer call() {
        if (files.size() == 2) {
            if (vsAsOf != null || !rules.isEmpty()) {
                throw new CliException("diff OLD NEW compares two registers with the same rules and date; "
                        + "--vs-as-of and --rules compare one register (give one FILE)");
            }
            return registers(files.get(0), files.get(1));
        }
        file = files.get(0);
        if ((vsAsOf == null) == rules.isEmpty()) {
            throw new CliException("diff FILE needs exactly one of --vs-as-of DATE or --rules DIR (or give two "
                    + "registers: diff OLD NEW)");
        }
        DsaRules base = catalogue.apply(DsaRules.builder(), spec.commandLine().getErr()).build();
        LocalDate first = asOf != null ? asOf : base.today();
        AuditResult before = audit(base, first);
        AuditResult after;
        String against;
        if (vsAsOf != null) {
            after = audit(base, vsAsOf);
            against = "as of " + first + " vs as of " + vsAsOf;
        } else {
            DsaRules.Builder b = catalogue.apply(DsaRules.builder(), null);
            rules.forEach(b::rules);
            after = audit(b.build(), first);
            against = "default rules vs with " + rules + ", as of " + first;
        }
        List<Change> changes = Change.between(before, after);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Impact: " + Sanitiser.line(against) + ": " + changes.size() + " of " + before.decisions().size()
                + " decided agreement(s) change outcome");
        for (Change c : changes) {
            // Register text and rule names go to the terminal through the sanitiser.
            out.println("  " + Sanitiser.line(c.dsaId()) + ": " + c.from() + " (" + Sanitiser.line(c.fromRule()) + ") -> "
                    + c.to() + " (" + Sanitiser.line(c.toRule()) + ")");
            out.println("      " + Sanitiser.line(c.summary()));
        }
        out.flush();
        return DsaAudit.OK;
    }

    /** {@code diff OLD NEW}: both registers decided with the default rules as of one date. */
    private int registers(Path oldFile, Path newFile) {
        DsaRules base = catalogue.apply(DsaRules.builder(), spec.commandLine().getErr()).build();
        LocalDate date = asOf != null ? asOf : base.today();
        AuditedRegister before = AuditedRegister.of(oldFile.toString(), base, input.open(oldFile), date);
        AuditedRegister after = AuditedRegister.of(newFile.toString(), base, input.open(newFile), date);
        RegisterDiff diff = RegisterDiff.between(before.result(), before.agreementsById(), after.result(),
                after.agreementsById());
        PrintWriter out = spec.commandLine().getOut();
        DiffText.write(diff, oldFile.toString(), newFile.toString(), date, out);
        out.flush();
        return DsaAudit.OK;
    }
}
