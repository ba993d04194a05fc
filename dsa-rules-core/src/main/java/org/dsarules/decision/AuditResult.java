package org.dsarules.decision;

import java.time.LocalDate;
import java.util.List;
import org.dsarules.model.Practice;

/**
 * A whole decision document held in memory: what {@code record-format.md} calls the output.
 * For registers too large to hold, stream with {@code DsaRules.audit(...)} instead.
 *
 * @param practice  the register's practice, or null for a bare array
 * @param decisions the decided records, in input order
 * @param errors    the records in error, in input order
 */
public record AuditResult(KnowledgeBaseInfo knowledgeBase, LocalDate asOf, TraceLevel traceLevel, Practice practice,
        List<Decision> decisions, List<RecordError> errors, Summary summary) {
    public AuditResult {
        decisions = List.copyOf(decisions);
        errors = List.copyOf(errors);
    }
}
