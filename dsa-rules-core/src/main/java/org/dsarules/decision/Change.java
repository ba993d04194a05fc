package org.dsarules.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agreement whose outcome differs between two audits of the same register (two dates, or the
 * default rules and an overlay): what it was, what it becomes, and the rule responsible.
 *
 * @param dsaId    the agreement
 * @param from     its outcome in the first audit
 * @param fromRule the rule that decided it there
 * @param to       its outcome in the second audit
 * @param toRule   the rule that decides it now: the one responsible for the change
 * @param summary  the second audit's summary
 */
public record Change(String dsaId, Outcome from, String fromRule, Outcome to, String toRule, String summary) {

    /** The agreements decided in both audits whose outcome differs, in the first audit's order. */
    public static List<Change> between(AuditResult before, AuditResult after) {
        Map<String, Decision> now = new LinkedHashMap<>();
        after.decisions().forEach(d -> now.put(d.dsaId(), d));
        List<Change> out = new ArrayList<>();
        for (Decision a : before.decisions()) {
            Decision b = now.get(a.dsaId());
            if (b != null && a.outcome() != b.outcome()) {
                out.add(new Change(a.dsaId(), a.outcome(), a.decisiveRule(), b.outcome(), b.decisiveRule(), b.summary()));
            }
        }
        return out;
    }
}
