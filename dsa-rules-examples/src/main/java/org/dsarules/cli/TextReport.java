package org.dsarules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dsarules.decision.Decision;
import org.dsarules.decision.KnowledgeBaseInfo;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.RecordError;
import org.dsarules.decision.Summary;
import org.dsarules.decision.TraceLevel;
import org.dsarules.decision.TraceStep;
import org.dsarules.engine.AuditSink;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterSource;
import org.dsarules.model.Practice;
import org.dsarules.spool.Spool;
import org.dsarules.text.Sanitiser;

/**
 * The plain-text audit report for a practice manager: counts first, then each agreement and why, then
 * the records in error. The counts are known only at the end, so each agreement's text and each error's
 * line is rendered as it arrives into a {@link Spool} (memory, then a private temporary file): the report
 * of a register of any size, however many of its records are in error, is written within a small heap.
 *
 * <p>Every value that did not come from this program (register text, rule names, messages quoting
 * values) goes through {@link Sanitiser#line}: it cannot add a line or drive the terminal.
 */
final class TextReport implements AuditSink, AutoCloseable {
    private static final String RULE = "-".repeat(78);

    private final Map<String, String> titles;
    private final String source;
    private final Spool body = new Spool();
    private final Spool errors = new Spool();
    private KnowledgeBaseInfo knowledgeBase;
    private LocalDate asOf;
    private Practice practice;
    private Summary summary;
    private int n;

    /**
     * @param titles the titles of agreements read but not yet decided, by id; each is taken out as its
     *               agreement is decided, so the map stays as small as the reader's look-ahead
     * @param source the register's name, as shown
     */
    TextReport(Map<String, String> titles, String source) {
        this.titles = titles;
        this.source = source;
    }

    @Override
    public void start(KnowledgeBaseInfo kb, LocalDate date, TraceLevel level, Practice p) {
        knowledgeBase = kb;
        asOf = date;
        practice = p;
    }

    @Override
    public void decision(Decision d) {
        n++;
        body.add("");
        body.add(RULE);
        String title = titles.remove(d.dsaId());
        body.add(n + ". " + clean(d.dsaId()) + (title != null ? "  " + clean(title) : ""));
        body.add("   Outcome:  " + d.outcome());
        body.add("   Why:      " + clean(d.summary()));
        if (!d.redFlags().isEmpty()) {
            body.add("   Red flags: " + joined(d.redFlags(), ", "));
        }
        if (!d.missing().isEmpty()) {
            body.add("   Not known: " + joined(d.missing(), ", "));
        }
        if (!d.questionsForIcb().isEmpty()) {
            body.add("   Questions for the ICB:");
            d.questionsForIcb().forEach(q -> body.add("     - " + clean(q)));
        }
        if (!d.nextSteps().isEmpty()) {
            body.add("   Next steps:");
            d.nextSteps().forEach(q -> body.add("     - " + clean(q)));
        }
        if (!d.trace().isEmpty()) {
            body.add("   Trace (rules that fired, in order; * = decisive):");
            int i = 0;
            for (TraceStep step : d.trace()) {
                i++;
                boolean decisive = step.rule().equals(d.decisiveRule()) && step.outcome() == d.outcome();
                body.add(String.format("   %s%2d. %s%s", decisive ? "*" : " ", i, clean(step.rule()),
                        step.outcome() == null ? "" : "  -> " + step.outcome() + " (row " + clean(step.policyRow()) + ")"));
                if (!step.explanation().isEmpty()) {
                    body.add("        " + clean(step.explanation()));
                }
                body.add("        cites: " + joined(step.citations(), "; "));
            }
        }
    }

    @Override
    public void error(RecordError e) {
        errors.add("  record " + e.index() + (e.dsaId() != null ? " (" + clean(e.dsaId()) + ")" : "")
                + (e.field() != null ? ", field " + clean(e.field()) : "") + ": " + clean(e.message()));
    }

    @Override
    public void finish(Practice p, Summary s) {
        practice = p;
        summary = s;
    }

    /** Writes the whole report; call after the audit has finished. */
    void writeTo(Writer writer) throws IOException {
        if (summary == null) {
            throw new IllegalStateException("the audit has not finished");
        }
        PrintWriter out = writer instanceof PrintWriter pw ? pw : new PrintWriter(writer);
        out.println("DATA SHARING AGREEMENTS AUDIT");
        if (practice != null) {
            out.println("Practice:       " + clean(nz(practice.name()))
                    + (practice.odsCode() != null ? " (" + clean(practice.odsCode()) + ")" : ""));
            if (practice.icb() != null) {
                out.println("ICB:            " + clean(practice.icb()));
            }
        }
        out.println("Register:       " + clean(source));
        out.println("Decided as of:  " + asOf);
        out.println("Rules:          " + clean(knowledgeBase.name()) + " " + clean(knowledgeBase.version()) + " ("
                + clean(knowledgeBase.fingerprint()) + ")");
        out.println();
        out.println("SUMMARY: " + summary.total() + " agreement(s)");
        out.printf("  %-26s %d%n", "WITHDRAW", summary.count(Outcome.WITHDRAW));
        out.printf("  %-26s %d%n", "REFER_TO_BMA", summary.count(Outcome.REFER_TO_BMA));
        out.printf("  %-26s %d%n", "ASK_ICB_FOR_INFORMATION", summary.count(Outcome.ASK_ICB_FOR_INFORMATION));
        out.printf("  %-26s %d%n", "KEEP", summary.count(Outcome.KEEP));
        out.printf("  %-26s %d%n", "in error (not decided)", summary.errors());
        out.flush();
        // Lines end with \n in the spools; println's line separator is \n on every platform the tool ships for.
        body.copyTo(out);
        if (errors.size() > 0) {
            out.println();
            out.println(RULE);
            out.println("RECORDS IN ERROR (not decided; correct them and run the audit again)");
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

    /** A source that records each valid agreement's title by id, for the text report (which takes it out again). */
    static RegisterSource recordingTitles(RegisterSource source, Map<String, String> titles) {
        return new RegisterSource() {
            @Override
            public Practice practice() {
                return source.practice();
            }

            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public RegisterEntry next() {
                RegisterEntry e = source.next();
                if (e instanceof RegisterEntry.Valid v && v.agreement().title() != null) {
                    titles.putIfAbsent(v.agreement().id(), v.agreement().title());
                }
                return e;
            }

            @Override
            public long position() {
                return source.position();
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }
}
