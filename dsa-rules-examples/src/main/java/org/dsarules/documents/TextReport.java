package org.dsarules.documents;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.decision.KnowledgeBaseInfo;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.RecordError;
import org.dsarules.decision.Summary;
import org.dsarules.decision.TraceLevel;
import org.dsarules.decision.TraceStep;
import org.dsarules.engine.AuditSink;
import org.dsarules.engine.RuleInfo;
import org.dsarules.model.Agreement;
import org.dsarules.model.Practice;
import org.dsarules.spool.Spool;
import org.dsarules.text.Sanitiser;

/**
 * The plain-text audit report for a practice manager: counts first, then each agreement and why, in the
 * register's order, then the records in error. People read words (red flags, what is not known, what would
 * settle it); the codes (outcomes, rule ids, rows, citations) stay in the trace, for auditors.
 *
 * <p>As an {@link AuditSink} it streams: the counts are known only at the end, so each agreement's text
 * and each error's line is rendered as it arrives into a {@link Spool} (memory, then a private temporary
 * file), and a register of any size, however many of its records are in error, is reported within a
 * small heap (issue 15). Every value that did not come from this program (register text, rule names,
 * citations, messages quoting values) goes through {@link Sanitiser#line}: it cannot add a line or drive
 * the terminal.
 */
public final class TextReport implements AuditSink, AutoCloseable {
    private static final String RULE = "-".repeat(78);

    private final String source;
    private final DsaRules rules;
    private final Spool body = new Spool();
    private final Spool errors = new Spool();
    private Map<String, RuleInfo> ruleInfo = Map.of();
    private KnowledgeBaseInfo knowledgeBase;
    private LocalDate asOf;
    private Practice practice;
    private Summary summary;
    private int n;

    /**
     * A report to stream an audit into.
     *
     * @param source the register's name as the report shows it
     * @param rules  the rules of the audit (for rule metadata and what would settle it), or null
     */
    public TextReport(String source, DsaRules rules) {
        this.source = source;
        this.rules = rules;
    }

    /** The whole report of an audited register held in memory. */
    static void write(DocumentModel audited, String source, Writer writer) {
        AuditResult r = audited.result();
        PrintWriter out = writer instanceof PrintWriter pw ? pw : new PrintWriter(writer);
        header(out, r.practice(), source, r.asOf(), r.knowledgeBase(), r.summary());
        int n = 0;
        for (DecidedAgreement da : audited.agreements()) {
            decision(new Item(++n, da, r.asOf()), out::println);
        }
        if (!r.errors().isEmpty()) {
            errorsHeading(out);
            r.errors().forEach(e -> out.println(errorLine(e)));
        }
        out.flush();
    }

    @Override
    public void start(KnowledgeBaseInfo kb, LocalDate date, TraceLevel level, Practice p) {
        knowledgeBase = kb;
        asOf = date;
        practice = p;
        ruleInfo = rules == null ? Map.of() : rules.knowledgeBase().rules();
    }

    @Override
    public void decision(Agreement a, Decision d) {
        // The text audit shows what would settle an open agreement, not the conditional questions (those are
        // the letter's): only an ASK decision is decided again.
        WhatIf whatIf = rules == null ? WhatIf.NONE : WhatIf.settlementsOnly(d, a, x -> rules.decide(x, asOf));
        decision(new Item(++n, new DecidedAgreement(d, a, ruleInfo.get(d.decisiveRule()), whatIf,
                rules == null ? FlagWords.defaults() : FlagWords.of(rules.knowledgeBase())), asOf), body::add);
    }

    @Override
    public void error(RecordError e) {
        errors.add(errorLine(e));
    }

    @Override
    public void finish(Practice p, Summary s) {
        practice = p;
        summary = s;
    }

    /** Writes the whole report; call after the audit has finished. */
    public void writeTo(Writer writer) throws IOException {
        if (summary == null) {
            throw new IllegalStateException("the audit has not finished");
        }
        PrintWriter out = writer instanceof PrintWriter pw ? pw : new PrintWriter(writer);
        header(out, practice, source, asOf, knowledgeBase, summary);
        out.flush();
        // The spools' lines end with \n, as println's do on every platform the tool ships for.
        body.copyTo(out);
        if (errors.size() > 0) {
            errorsHeading(out);
            out.flush();
            errors.copyTo(out);
        }
        out.flush();
    }

    @Override
    public void close() {
        body.close();
        errors.close();
    }

    private static void header(PrintWriter out, Practice p, String source, LocalDate asOf, KnowledgeBaseInfo kb,
            Summary s) {
        out.println("DATA SHARING AGREEMENTS AUDIT");
        if (p != null) {
            out.println("Practice:       " + clean(nz(p.name())) + (p.odsCode() != null ? " (" + clean(p.odsCode()) + ")" : ""));
            if (p.icb() != null) {
                out.println("ICB:            " + clean(p.icb()));
            }
        }
        out.println("Register:       " + clean(source));
        out.println("Decided as of:  " + asOf);
        out.println("Rules:          " + clean(kb.name()) + " " + clean(kb.version()) + " (" + clean(kb.fingerprint()) + ")");
        out.println();
        out.println("SUMMARY: " + s.total() + " agreement(s)");
        out.printf("  %-26s %d%n", "WITHDRAW", s.count(Outcome.WITHDRAW));
        out.printf("  %-26s %d%n", "REFER_TO_BMA", s.count(Outcome.REFER_TO_BMA));
        out.printf("  %-26s %d%n", "ASK_ICB_FOR_INFORMATION", s.count(Outcome.ASK_ICB_FOR_INFORMATION));
        out.printf("  %-26s %d%n", "KEEP", s.count(Outcome.KEEP));
        out.printf("  %-26s %d%n", "in error (not decided)", s.errors());
    }

    private static void decision(Item item, Consumer<String> out) {
        Decision d = item.decided().decision();
        int n = item.n();
        out.accept("");
        out.accept(RULE);
        out.accept(n + ". " + clean(d.dsaId()) + (item.hasTitle() ? "  " + clean(item.title()) : ""));
        out.accept("   Outcome:  " + d.outcome());
        out.accept("   Why:      " + clean(d.summary()));
        if (!d.redFlags().isEmpty()) {
            out.accept("   Red flags: " + joined(item.redFlagWords(), "; "));
        }
        if (item.fromCatalogue() != null) {
            out.accept("   Catalogue: " + clean(item.fromCatalogue()));
        }
        if (!d.warnings().isEmpty()) {
            out.accept("   Warnings (entries that contradict each other; the decision does not change):");
            d.warnings().forEach(w -> out.accept("     - " + w.code() + ": " + clean(w.message())));
        }
        if (!d.missing().isEmpty()) {
            out.accept("   Not known: " + clean(item.missingWords()));
        }
        if (!item.reviewDue().isEmpty()) {
            out.accept("   Review due: " + clean(item.reviewDue()));
        }
        if (!item.notes().isEmpty()) {
            out.accept("   Notes:    " + clean(item.notes()));
        }
        if (!item.questions().isEmpty()) {
            out.accept("   Questions for the ICB:");
            item.questions().forEach(q -> out.accept("     - " + clean(q)));
        }
        if (!item.settlements().isEmpty()) {
            out.accept("   What would settle it:");
            item.settlements().forEach(q -> out.accept("     - " + clean(q)));
        }
        if (!item.nextSteps().isEmpty()) {
            out.accept("   Next steps:");
            item.nextSteps().forEach(q -> out.accept("     - " + clean(q)));
        }
        if (!d.trace().isEmpty()) {
            out.accept("   Trace (rules that fired, in order; * = decisive):");
            int i = 0;
            for (TraceStep step : d.trace()) {
                i++;
                out.accept(String.format("   %s%2d. %s%s", step.decisive() ? "*" : " ", i, clean(step.rule()),
                        step.outcome() == null ? "" : "  -> " + step.outcome() + " (row " + clean(step.policyRow()) + ")"));
                if (!step.explanation().isEmpty()) {
                    out.accept("        " + clean(step.explanation()));
                }
                out.accept("        cites: " + joined(step.citations(), "; "));
            }
        }
    }

    private static void errorsHeading(PrintWriter out) {
        out.println();
        out.println(RULE);
        out.println("RECORDS IN ERROR (not decided; correct them and run the audit again)");
    }

    private static String errorLine(RecordError e) {
        return "  record " + e.index() + (e.dsaId() != null ? " (" + clean(e.dsaId()) + ")" : "")
                + (e.field() != null ? ", field " + clean(e.field()) : "") + ": " + clean(e.message());
    }

    private static String joined(List<String> values, String separator) {
        return values.stream().map(TextReport::clean).collect(Collectors.joining(separator));
    }

    private static String nz(String s) {
        return s == null ? "(practice not named)" : s;
    }

    /**
     * Register text on one line: a title or name holding line breaks or other control characters
     * must not be able to add lines (a forged "Outcome:") to the report, nor drive the terminal.
     */
    static String clean(String s) {
        return s == null ? null : Sanitiser.line(s);
    }
}
