package org.dsarules.engine;

import java.time.LocalDate;
import org.dsarules.decision.Decision;
import org.dsarules.decision.KnowledgeBaseInfo;
import org.dsarules.decision.RecordError;
import org.dsarules.decision.Summary;
import org.dsarules.decision.TraceLevel;
import org.dsarules.model.Practice;

/**
 * Receives an audit as it streams: decisions and errors in input order, then the end. A writer of
 * the decision document implements it, and so does anything that collects results in memory.
 */
public interface AuditSink {

    /**
     * Called once, first.
     *
     * @param practice the register's practice if it was read before the first agreement, else null
     */
    void start(KnowledgeBaseInfo knowledgeBase, LocalDate asOf, TraceLevel traceLevel, Practice practice);

    void decision(Decision decision);

    void error(RecordError error);

    /**
     * Called once, last, when every record has been decided or reported.
     *
     * @param practice the register's practice (known by now), or null when the register has none
     */
    void finish(Practice practice, Summary summary);
}
