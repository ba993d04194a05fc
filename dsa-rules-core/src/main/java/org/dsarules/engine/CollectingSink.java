package org.dsarules.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decided;
import org.dsarules.decision.Decision;
import org.dsarules.decision.KnowledgeBaseInfo;
import org.dsarules.decision.RecordError;
import org.dsarules.decision.Summary;
import org.dsarules.decision.TraceLevel;
import org.dsarules.model.Agreement;
import org.dsarules.model.Practice;

/**
 * Collects a streamed audit into an {@link AuditResult}, and each decision with its agreement
 * ({@link #decided()}), for registers small enough to hold.
 */
public final class CollectingSink implements AuditSink {
    private final List<Decision> decisions = new ArrayList<>();
    private final List<Decided> decided = new ArrayList<>();
    private final List<RecordError> errors = new ArrayList<>();
    private KnowledgeBaseInfo knowledgeBase;
    private LocalDate asOf;
    private TraceLevel traceLevel;
    private Practice practice;
    private Summary summary;

    @Override
    public void start(KnowledgeBaseInfo kb, LocalDate date, TraceLevel level, Practice p) {
        knowledgeBase = kb;
        asOf = date;
        traceLevel = level;
    }

    @Override
    public void decision(Agreement a, Decision d) {
        decisions.add(d);
        decided.add(new Decided(a, d));
    }

    @Override
    public void error(RecordError e) {
        errors.add(e);
    }

    @Override
    public void finish(Practice p, Summary s) {
        practice = p;
        summary = s;
    }

    /** The whole document; call after the audit has finished. */
    public AuditResult result() {
        if (summary == null) {
            throw new IllegalStateException("the audit has not finished");
        }
        return new AuditResult(knowledgeBase, asOf, traceLevel, practice, decisions, errors, summary);
    }

    /** Each decision with its agreement, in the result's order; call after the audit has finished. */
    public List<Decided> decided() {
        if (summary == null) {
            throw new IllegalStateException("the audit has not finished");
        }
        return List.copyOf(decided);
    }
}
