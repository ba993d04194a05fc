package org.dsarules.documents;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.RecordError;
import org.dsarules.decision.Summary;
import org.dsarules.decision.TraceStep;
import org.dsarules.model.Practice;

/**
 * The plain-text audit report for a practice manager: counts first, then each agreement and why, in the
 * register's order. People read words (red flags, what is not known, what would settle it); the codes
 * (outcomes, rule ids, rows, citations) stay in the trace, for auditors.
 */
final class TextReport {
    private TextReport() {
    }

    static void write(AuditedRegister audited, String source, Writer writer) {
        PrintWriter out = writer instanceof PrintWriter pw ? pw : new PrintWriter(writer);
        AuditResult r = audited.result();
        Practice p = r.practice();
        out.println("DATA SHARING AGREEMENTS AUDIT");
        if (p != null) {
            out.println("Practice:       " + clean(nz(p.name())) + (p.odsCode() != null ? " (" + clean(p.odsCode()) + ")" : ""));
            if (p.icb() != null) {
                out.println("ICB:            " + clean(p.icb()));
            }
        }
        out.println("Register:       " + clean(source));
        out.println("Decided as of:  " + r.asOf());
        out.println("Rules:          " + r.knowledgeBase().name() + " " + r.knowledgeBase().version() + " ("
                + r.knowledgeBase().fingerprint() + ")");
        out.println();
        Summary s = r.summary();
        out.println("SUMMARY: " + s.total() + " agreement(s)");
        out.printf("  %-26s %d%n", "WITHDRAW", s.count(Outcome.WITHDRAW));
        out.printf("  %-26s %d%n", "REFER_TO_BMA", s.count(Outcome.REFER_TO_BMA));
        out.printf("  %-26s %d%n", "ASK_ICB_FOR_INFORMATION", s.count(Outcome.ASK_ICB_FOR_INFORMATION));
        out.printf("  %-26s %d%n", "KEEP", s.count(Outcome.KEEP));
        out.printf("  %-26s %d%n", "in error (not decided)", s.errors());

        int n = 0;
        for (DecidedAgreement da : audited.agreements()) {
            Item item = new Item(++n, da, r.asOf());
            Decision d = da.decision();
            out.println();
            out.println("-".repeat(78));
            out.println(n + ". " + clean(d.dsaId()) + (item.hasTitle() ? "  " + clean(item.title()) : ""));
            out.println("   Outcome:  " + d.outcome());
            out.println("   Why:      " + clean(d.summary()));
            if (!d.redFlags().isEmpty()) {
                out.println("   Red flags: " + String.join("; ", item.redFlagWords()));
            }
            if (!d.missing().isEmpty()) {
                out.println("   Not known: " + item.missingWords());
            }
            if (!item.reviewDue().isEmpty()) {
                out.println("   Review due: " + item.reviewDue());
            }
            if (!item.notes().isEmpty()) {
                out.println("   Notes:    " + clean(item.notes()));
            }
            if (!d.questionsForIcb().isEmpty()) {
                out.println("   Questions for the ICB:");
                d.questionsForIcb().forEach(q -> out.println("     - " + clean(q)));
            }
            if (!item.settlements().isEmpty()) {
                out.println("   What would settle it:");
                item.settlements().forEach(q -> out.println("     - " + clean(q)));
            }
            if (!item.nextSteps().isEmpty()) {
                out.println("   Next steps:");
                item.nextSteps().forEach(q -> out.println("     - " + clean(q)));
            }
            if (!d.trace().isEmpty()) {
                out.println("   Trace (rules that fired, in order; * = decisive):");
                int i = 0;
                for (TraceStep step : d.trace()) {
                    i++;
                    boolean decisive = step.rule().equals(d.decisiveRule()) && step.outcome() == d.outcome();
                    out.println(String.format("   %s%2d. %s%s", decisive ? "*" : " ", i, step.rule(),
                            step.outcome() == null ? "" : "  -> " + step.outcome() + " (row " + step.policyRow() + ")"));
                    if (!step.explanation().isEmpty()) {
                        out.println("        " + clean(step.explanation()));
                    }
                    out.println("        cites: " + String.join("; ", step.citations()));
                }
            }
        }
        List<RecordError> errors = r.errors();
        if (!errors.isEmpty()) {
            out.println();
            out.println("-".repeat(78));
            out.println("RECORDS IN ERROR (not decided; correct them and run the audit again)");
            for (RecordError e : errors) {
                out.println("  record " + e.index() + (e.dsaId() != null ? " (" + clean(e.dsaId()) + ")" : "")
                        + (e.field() != null ? ", field " + clean(e.field()) : "") + ": " + clean(e.message()));
            }
        }
        out.flush();
    }

    private static String nz(String s) {
        return s == null ? "(practice not named)" : s;
    }

    /**
     * Register text on one line: a title or name holding line breaks or other control characters
     * must not be able to add lines (a forged "Outcome:") to the report.
     */
    static String clean(String s) {
        return s == null ? null : s.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ");
    }
}
