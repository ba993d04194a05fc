package org.dsarules.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import org.dsarules.decision.Decision;
import org.dsarules.decision.KnowledgeBaseInfo;
import org.dsarules.decision.RecordError;
import org.dsarules.decision.Summary;
import org.dsarules.decision.TraceLevel;
import org.dsarules.engine.AuditSink;
import org.dsarules.model.Practice;

/**
 * Shows progress of a long audit on standard error, once a second, when the process has a terminal
 * and the register is large (past a few thousand records): records decided, the rate, the time
 * elapsed. Silent otherwise, so pipes and CI logs stay clean. (A register is streamed, so its length
 * is not known in advance and no time left is shown.)
 */
final class Progress implements AuditSink {
    private static final int THRESHOLD = 5_000;

    private final AuditSink next;
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long records;
    private long lastShown;
    private boolean shown;

    private Progress(AuditSink next, PrintWriter err) {
        this.next = next;
        this.err = err;
    }

    /** {@code sink} itself when progress would not be shown, else a sink that shows it and passes everything on. */
    static AuditSink wrap(AuditSink sink, PrintWriter err) {
        return System.console() == null ? sink : new Progress(sink, err);
    }

    @Override
    public void start(KnowledgeBaseInfo kb, LocalDate asOf, TraceLevel level, Practice practice) {
        next.start(kb, asOf, level, practice);
    }

    @Override
    public void decision(Decision d) {
        next.decision(d);
        tick();
    }

    @Override
    public void error(RecordError e) {
        next.error(e);
        tick();
    }

    private void tick() {
        records++;
        if (records < THRESHOLD) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastShown < 1_000_000_000L) {
            return;
        }
        lastShown = now;
        double seconds = (now - start) / 1e9;
        double rate = records / Math.max(seconds, 1e-3);
        err.print(String.format("\r%,d records decided, %,.0f/s, %.0f s elapsed   ", records, rate, seconds));
        err.flush();
        shown = true;
    }

    @Override
    public void finish(Practice practice, Summary summary) {
        if (shown) {
            err.println();
        }
        next.finish(practice, summary);
    }
}
