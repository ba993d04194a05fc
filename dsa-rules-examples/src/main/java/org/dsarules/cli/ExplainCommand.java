package org.dsarules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.decision.KnowledgeBaseInfo;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.RecordError;
import org.dsarules.decision.Summary;
import org.dsarules.decision.TraceLevel;
import org.dsarules.decision.TraceStep;
import org.dsarules.engine.AuditSink;
import org.dsarules.documents.Reports;
import org.dsarules.documents.WhatIf;
import org.dsarules.documents.WhyNotInWords;
import org.dsarules.engine.FactText;
import org.dsarules.engine.RuleCatalogue;
import org.dsarules.engine.WhyNot;
import org.dsarules.register.RegisterSource;
import org.dsarules.model.Practice;
import org.dsarules.text.Sanitiser;
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
@Command(name = "explain",
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

    @Mixin
    AsOfOption asOf;

    @Mixin
    RulesOptions rulesOptions;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() {
        DsaRules rules = rulesOptions.build();
        LocalDate date = asOf.date(rules);
        // Stream the register, keeping only this agreement: explain works on a register of any size.
        // Only this agreement is kept (for what would settle it), not the whole register.
        Decision[] found = new Decision[1];
        Agreement[] agreement = new Agreement[1];
        RecordError[] error = new RecordError[1];
        try (RegisterSource source = input.open(file)) {
            rules.audit(source, date, TraceLevel.FULL, new AuditSink() {
                @Override
                public void start(KnowledgeBaseInfo kb, LocalDate asOf, TraceLevel level, Practice practice) {
                }

                @Override
                public void decision(Agreement a, Decision x) {
                    if (found[0] == null && x.dsaId().equals(id)) {
                        found[0] = x;
                        agreement[0] = a;
                    }
                }

                @Override
                public void error(RecordError x) {
                    if (error[0] == null && id.equals(x.dsaId())) {
                        error[0] = x;
                    }
                }

                @Override
                public void finish(Practice practice, Summary summary) {
                }
            });
        }
        PrintWriter out = spec.commandLine().getOut();
        Decision d = found[0];
        if (d == null) {
            RecordError e = error[0];
            if (e != null) {
                throw new CliException(id + " is not decided: record " + e.index()
                        + (e.field() != null ? ", field " + e.field() : "") + ": " + e.message());
            }
            throw new CliException(file + " has no agreement with id \"" + id + "\"");
        }
        // Register text and rule names may hold anything: each goes to the terminal through the sanitiser.
        out.println(line(d.dsaId()) + ", as of " + date + ": " + d.outcome() + ", decided by " + line(d.decisiveRule()));
        out.println("  " + line(d.summary()));
        if (org.dsarules.documents.CatalogueLine.of(d) != null) {
            out.println("  " + line(org.dsarules.documents.CatalogueLine.of(d)));
        }
        out.println();
        out.println("Every rule that fired, in order:");
        int i = 0;
        for (TraceStep s : d.trace()) {
            out.println(String.format("%3d. %s%s", ++i, line(s.rule()),
                    s.outcome() == null ? "" : "  -> proposes " + s.outcome() + " (row " + line(s.policyRow()) + ")"));
            if (!s.explanation().isEmpty()) {
                out.println("       found:   " + line(s.explanation()));
            }
            out.println("       matched: " + line(String.join("; ", FactText.describeAll(s.matched()))));
            out.println("       cites:   " + line(String.join("; ", s.citations())));
        }
        WhatIf whatIf = WhatIf.of(d, agreement[0], a -> rules.decide(a, date), true);
        if (d.outcome() == Outcome.ASK_ICB_FOR_INFORMATION) {
            out.println();
            out.println("What would settle it (each found by deciding again with that answer):");
            List<WhatIf.Settlement> settle = whatIf.settlements();
            if (settle.isEmpty()) {
                out.println("  no single answer to what is not known changes the outcome");
            }
            for (WhatIf.Settlement s : settle) {
                out.println("  " + line(s.sentence()));
            }
        }
        out.println();
        out.println("Why not another outcome:");
        for (String reason : WhyNotInWords.of(d, whatIf, WhyNot.of(d, RuleCatalogue.of(rules.knowledgeBase())))) {
            out.println("  " + line(reason));
        }
        out.flush();
        return ExitStatus.OK;
    }

    private static String line(String s) {
        return Sanitiser.line(s);
    }

}
