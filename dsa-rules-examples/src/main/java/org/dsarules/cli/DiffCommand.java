package org.dsarules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Change;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dsa-audit diff}: what a later date or a rule overlay would change, before adopting it.
 * Lists only the agreements whose outcome changes; nothing when nothing changes.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = DsaAudit.Version.class,
        description = {"Show which agreements change outcome, from what to what, and the rule responsible: "
                + "between two dates (--as-of A --vs-as-of B) or between the default rules and the default "
                + "rules with an overlay (--rules DIR)."},
        footer = {"", "Exit status: 0 (changes or none), 2 the command could not run."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The register.")
    Path file;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Dates.class,
            description = "The date of the first audit (and of both, with --rules). Default: today in England.")
    LocalDate asOf;

    @Option(names = "--vs-as-of", paramLabel = "YYYY-MM-DD", converter = Dates.class,
            description = "Compare with the same rules as of this date.")
    LocalDate vsAsOf;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Compare the default rules with the default rules plus the .drl files under DIR (repeatable).")
    List<Path> rules = new java.util.ArrayList<>();

    @picocli.CommandLine.Mixin
    InputOptions input;

    private AuditResult audit(DsaRules rules, LocalDate date) {
        try (org.dsarules.register.RegisterSource source = input.open(file)) {
            return rules.audit(source, date);
        }
    }

    @Override
    public Integer call() {
        if ((vsAsOf == null) == rules.isEmpty()) {
            throw new CliException("diff needs exactly one of --vs-as-of DATE or --rules DIR");
        }
        DsaRules base = DsaRules.defaults();
        LocalDate first = asOf != null ? asOf : base.today();
        AuditResult before = audit(base, first);
        AuditResult after;
        String against;
        if (vsAsOf != null) {
            after = audit(base, vsAsOf);
            against = "as of " + first + " vs as of " + vsAsOf;
        } else {
            DsaRules.Builder b = DsaRules.builder();
            rules.forEach(b::rules);
            after = audit(b.build(), first);
            against = "default rules vs with " + rules + ", as of " + first;
        }
        List<Change> changes = Change.between(before, after);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Impact: " + against + ": " + changes.size() + " of " + before.decisions().size()
                + " decided agreement(s) change outcome");
        for (Change c : changes) {
            out.println("  " + c.dsaId() + ": " + c.from() + " (" + c.fromRule() + ") -> " + c.to() + " ("
                    + c.toRule() + ")");
            out.println("      " + c.summary());
        }
        out.flush();
        return DsaAudit.OK;
    }
}
