package org.dsarules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Change;
import org.dsarules.decision.Decision;
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
 * Lists the agreements whose outcome changes, then those decided by another rule with the same outcome.
 */
@Command(name = "diff",
        description = {"Show which agreements change outcome, from what to what, and the rule responsible: "
                + "between two registers of one practice (diff OLD NEW: also the facts that changed and the "
                + "agreements added or removed), between two dates (--as-of A --vs-as-of B), between the "
                + "default rules and the default rules with an overlay (--rules DIR), or the rules with an overlay "
                + "between two dates (--rules DIR --as-of A --vs-as-of B: a dated overlay across its date). Then the "
                + "agreements whose outcome stays but whose deciding rule changes."},
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
            description = "Compare with the same rules (with --rules: the default rules and the overlay) as of this date.")
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
        if (vsAsOf == null && rules.isEmpty()) {
            throw new CliException("diff FILE needs --vs-as-of DATE or --rules DIR, or both (or give two "
                    + "registers: diff OLD NEW)");
        }
        DsaRules base = catalogue.apply(DsaRules.builder(), spec.commandLine().getErr()).build();
        LocalDate first = AsOfOption.or(asOf, base);
        AuditResult before;
        AuditResult after;
        String against;
        if (vsAsOf != null && !rules.isEmpty()) {
            // An overlay compared across two dates (issue 30): a dated escalation before and after its start.
            DsaRules withOverlay = withOverlay();
            before = audit(withOverlay, first);
            after = audit(withOverlay, vsAsOf);
            against = "with " + rules + ", as of " + first + " vs as of " + vsAsOf;
        } else if (vsAsOf != null) {
            before = audit(base, first);
            after = audit(base, vsAsOf);
            against = "as of " + first + " vs as of " + vsAsOf;
        } else {
            before = audit(base, first);
            after = audit(withOverlay(), first);
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
        // The same outcome for another reason is a change too (issue 30): an overlay's rule now deciding.
        List<String[]> ruleChanges = ruleChanges(before, after);
        if (!ruleChanges.isEmpty()) {
            out.println("Deciding rule: " + ruleChanges.size() + " agreement(s) keep their outcome but are decided by "
                    + "another rule");
        }
        for (String[] c : ruleChanges) {
            // "  * " rather than the outcome changes' "  ID": a reader (or a script) tells the two lists apart.
            out.println("  * " + Sanitiser.line(c[0]) + ": still " + c[1] + ", decided by " + Sanitiser.line(c[3])
                    + " instead of " + Sanitiser.line(c[2]));
        }
        out.flush();
        return ExitStatus.OK;
    }

    private DsaRules withOverlay() {
        DsaRules.Builder b = catalogue.apply(DsaRules.builder(), null);
        rules.forEach(b::rules);
        return b.build();
    }

    /** The agreements decided in both audits with the same outcome by a different rule: id, outcome, rule before, after. */
    static List<String[]> ruleChanges(AuditResult before, AuditResult after) {
        Map<String, Decision> now = new HashMap<>();
        after.decisions().forEach(d -> now.put(d.dsaId(), d));
        List<String[]> out = new ArrayList<>();
        for (Decision a : before.decisions()) {
            Decision b = now.get(a.dsaId());
            if (b != null && a.outcome() == b.outcome() && !Objects.equals(a.decisiveRule(), b.decisiveRule())) {
                out.add(new String[] {a.dsaId(), a.outcome().toString(), String.valueOf(a.decisiveRule()),
                    String.valueOf(b.decisiveRule())});
            }
        }
        return out;
    }

    /** {@code diff OLD NEW}: both registers decided with the default rules as of one date. */
    private int registers(Path oldFile, Path newFile) {
        DsaRules base = catalogue.apply(DsaRules.builder(), spec.commandLine().getErr()).build();
        LocalDate date = AsOfOption.or(asOf, base);
        // Both registers are held to be compared: each is limited as the other whole-register documents are.
        AuditedRegister before = WholeRegister.inMemory("diff", () -> AuditedRegister.of(oldFile.toString(), base,
                WholeRegister.limited(input.open(oldFile), oldFile, "diff"), date));
        AuditedRegister after = WholeRegister.inMemory("diff", () -> AuditedRegister.of(newFile.toString(), base,
                WholeRegister.limited(input.open(newFile), newFile, "diff"), date));
        RegisterDiff diff = RegisterDiff.between(before.result(), before.agreementsById(), after.result(),
                after.agreementsById());
        PrintWriter out = spec.commandLine().getOut();
        DiffText.write(diff, oldFile.toString(), newFile.toString(), date, out);
        out.flush();
        return ExitStatus.OK;
    }
}
