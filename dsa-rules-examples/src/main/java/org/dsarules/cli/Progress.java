package org.dsarules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.LongSupplier;
import org.dsarules.decision.Decision;
import org.dsarules.decision.KnowledgeBaseInfo;
import org.dsarules.decision.RecordError;
import org.dsarules.decision.Summary;
import org.dsarules.decision.TraceLevel;
import org.dsarules.engine.AuditSink;
import org.dsarules.model.Agreement;
import org.dsarules.model.Practice;
import org.dsarules.register.RegisterSource;

/**
 * Shows progress of a long audit on standard error, once a second, when the process has a terminal
 * and the register is large (past a few thousand records): records decided, the rate, and the time
 * left, estimated from how far the reader is into the file. Silent otherwise, so pipes and CI logs
 * stay clean.
 */
final class Progress implements AuditSink {
    private static final int THRESHOLD = 5_000;

    private final AuditSink next;
    private final PrintWriter err;
    private final LongSupplier position;
    private final long size;
    private final long start = System.nanoTime();
    private long records;
    private long lastShown;
    private boolean shown;

    private Progress(AuditSink next, PrintWriter err, LongSupplier position, long size) {
        this.next = next;
        this.err = err;
        this.position = position;
        this.size = size;
    }

    /** {@code sink} itself when progress would not be shown, else a sink that shows it and passes everything on. */
    static AuditSink wrap(AuditSink sink, PrintWriter err, RegisterSource source, Path file) {
        if (System.console() == null) {
            return sink;
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = -1;
        }
        return new Progress(sink, err, source::position, size);
    }

    @Override
    public void start(KnowledgeBaseInfo kb, LocalDate asOf, TraceLevel level, Practice practice) {
        next.start(kb, asOf, level, practice);
    }

    @Override
    public void decision(Agreement a, Decision d) {
        next.decision(a, d);
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
        long at = position.getAsLong();
        String left = "";
        if (at > 0 && size > 0 && at <= size) {
            double done = (double) at / size;
            left = String.format(", %.0f%% read, about %.0f s left", 100 * done, seconds * (1 - done) / done);
        }
        err.print(String.format("\r%,d records decided, %,.0f/s, %.0f s elapsed%s   ", records, rate, seconds, left));
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
