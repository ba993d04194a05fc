package org.dsarules.engine;

import java.time.LocalDate;
import org.dsarules.decision.Decision;
import org.dsarules.decision.KnowledgeBaseInfo;
import org.dsarules.decision.RecordError;
import org.dsarules.decision.Summary;
import org.dsarules.decision.TraceLevel;
import org.dsarules.model.Agreement;
import org.dsarules.model.Practice;

/**
 * Receives an audit as it streams: decisions (each with its agreement) and errors in input order, then
 * the end. A writer of the decision document implements it, and so does anything that collects results
 * in memory or renders a document that shows the agreements.
 */
public interface AuditSink {

    /**
     * Called once, first.
     *
     * @param practice the register's practice if it was read before the first agreement, else null
     */
    void start(KnowledgeBaseInfo knowledgeBase, LocalDate asOf, TraceLevel traceLevel, Practice practice);

    /**
     * One decision, with the agreement it was made for, in input order. The engine calls this one; a sink
     * that needs only the decision may override {@link #decision(Decision)} instead, which this hands on to.
     */
    default void decision(Agreement agreement, Decision decision) {
        decision(decision);
    }

    /**
     * One decision, without its agreement: called by the default {@link #decision(Agreement, Decision)},
     * for a sink written against 1.0. Does nothing unless overridden.
     */
    default void decision(Decision decision) {
    }

    void error(RecordError error);

    /**
     * Called once, last, when every record has been decided or reported.
     *
     * @param practice the register's practice (known by now), or null when the register has none
     */
    void finish(Practice practice, Summary summary);
}
