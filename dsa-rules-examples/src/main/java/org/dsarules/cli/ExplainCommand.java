package org.dsarules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.RecordError;
import org.dsarules.decision.TraceStep;
import org.dsarules.documents.Reports;
import org.dsarules.documents.WhatIf;
import org.dsarules.documents.WhyNotInWords;
import org.dsarules.engine.FactText;
import org.dsarules.engine.RuleCatalogue;
import org.dsarules.engine.WhyNot;
import org.dsarules.register.RegisterSource;
import org.dsarules.model.Agreement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dsa-audit explain FILE ID}: one decision followed to the end: every rule that fired with the
 * facts it matched, and for each outcome the agreement did not get, why not.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = DsaAudit.Version.class,
        description = {"Explain one agreement's decision: every rule that fired with the facts it matched and "
                + "its citations; for an agreement decided ASK_ICB_FOR_INFORMATION, what would settle it (the answers "
                + "that change its outcome, each found by deciding again); and, for each outcome it did not get, why not."})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The register.")
    Path file;

    @Parameters(index = "1", paramLabel = "ID", description = "The agreement's id.")
    String id;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Dates.class,
            description = "Decide as of this date. Default: today in England.")
    LocalDate asOf;

    @Mixin
    RulesOptions rulesOptions;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() {
        DsaRules rules = rulesOptions.build();
        LocalDate date = asOf != null ? asOf : rules.today();
        AuditResult result;
        Map<String, Agreement> agreements = new HashMap<>();
        try (RegisterSource source = Reports.recording(input.open(file), agreements)) {
            result = rules.audit(source, date);
        }
        PrintWriter out = spec.commandLine().getOut();
        Decision d = result.decisions().stream().filter(x -> x.dsaId().equals(id)).findFirst().orElse(null);
        if (d == null) {
            RecordError e = result.errors().stream().filter(x -> id.equals(x.dsaId())).findFirst().orElse(null);
            if (e != null) {
                throw new CliException(id + " is not decided: record " + e.index()
                        + (e.field() != null ? ", field " + e.field() : "") + ": " + e.message());
            }
            throw new CliException(file + " has no agreement with id \"" + id + "\"");
        }
        out.println(d.dsaId() + ", as of " + date + ": " + d.outcome() + ", decided by " + d.decisiveRule());
        out.println("  " + d.summary());
        out.println();
        out.println("Every rule that fired, in order:");
        int i = 0;
        for (TraceStep s : d.trace()) {
            out.println(String.format("%3d. %s%s", ++i, s.rule(),
                    s.outcome() == null ? "" : "  -> proposes " + s.outcome() + " (row " + s.policyRow() + ")"));
            if (!s.explanation().isEmpty()) {
                out.println("       found:   " + s.explanation());
            }
            out.println("       matched: " + String.join("; ", FactText.describeAll(s.matched())));
            out.println("       cites:   " + String.join("; ", s.citations()));
        }
        WhatIf whatIf = WhatIf.of(d, agreements.get(d.dsaId()), a -> rules.decide(a, date), true);
        if (d.outcome() == Outcome.ASK_ICB_FOR_INFORMATION) {
            out.println();
            out.println("What would settle it (each found by deciding again with that answer):");
            List<WhatIf.Settlement> settle = whatIf.settlements();
            if (settle.isEmpty()) {
                out.println("  no single answer to what is not known changes the outcome");
            }
            for (WhatIf.Settlement s : settle) {
                out.println("  " + s.sentence());
            }
        }
        out.println();
        out.println("Why not another outcome:");
        for (String line : WhyNotInWords.of(d, whatIf, WhyNot.of(d, RuleCatalogue.of(rules.knowledgeBase())))) {
            out.println("  " + line);
        }
        out.flush();
        return DsaAudit.OK;
    }

}
