package org.dsarules.round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.RecordError;
import org.dsarules.model.Agreement;

/**
 * What changed between two registers of one practice (before and after the ICB's answers, say), each
 * audited with the same rules and date: the agreements whose outcome changed, the facts that changed
 * for each agreement in both, and the agreements added or removed. Agreements are matched by id.
 *
 * @param changed    agreements in both whose outcome changed, in the old register's order
 * @param factsOnly  agreements in both whose facts changed but whose outcome did not
 * @param added      agreements only in the new register, with their decision (or null when in error)
 * @param removed    ids of agreements only in the old register
 * @param unchanged  how many agreements are in both with the same facts and outcome
 */
public record RegisterDiff(List<Changed> changed, List<Changed> factsOnly, List<Added> added, List<String> removed,
        int unchanged) {

    /**
     * One fact that differs: its path, its values in the cell syntax (null: not known), and the words that
     * came with the change (the ICB's comment on its answer, from the new register's history: record-format.md
     * v1.2), or null.
     */
    public record Fact(String field, String oldValue, String newValue, String comment) {
        /** A fact without a comment. */
        public Fact(String field, String oldValue, String newValue) {
            this(field, oldValue, newValue, null);
        }
    }

    /**
     * An agreement in both registers.
     *
     * @param dsaId    its id
     * @param title    its title in the new register, or null
     * @param from     its outcome in the old register, or null when it was in error there
     * @param fromRule the rule that decided it there, or null
     * @param to       its outcome now, or null when it is in error now
     * @param toRule   the rule deciding it now, or null
     * @param summary  the summary of the decision now, or the error message
     * @param facts    the facts that changed, in the format's field order
     */
    public record Changed(String dsaId, String title, Outcome from, String fromRule, Outcome to, String toRule,
            String summary, List<Fact> facts) {
        public Changed {
            facts = List.copyOf(facts);
        }
    }

    /** An agreement only in the new register: its decision, or its error. */
    public record Added(String dsaId, String title, Outcome outcome, String rule, String summary) {
    }

    public RegisterDiff {
        changed = List.copyOf(changed);
        factsOnly = List.copyOf(factsOnly);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** Whether the registers differ at all (facts, outcomes, agreements). */
    public boolean isEmpty() {
        return changed.isEmpty() && factsOnly.isEmpty() && added.isEmpty() && removed.isEmpty();
    }

    /**
     * Compares two audited registers.
     *
     * @param before    the audit of the old register
     * @param oldById   the old register's valid agreements by id
     * @param after     the audit of the new register
     * @param newById   the new register's valid agreements by id
     */
    public static RegisterDiff between(AuditResult before, Map<String, Agreement> oldById,
            AuditResult after, Map<String, Agreement> newById) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Map<String, Decision> oldDecisions = byId(before.decisions());
        Map<String, Decision> newDecisions = byId(after.decisions());
        Map<String, RecordError> oldErrors = errorsById(before.errors());
        Map<String, RecordError> newErrors = errorsById(after.errors());

        Set<String> oldIds = new LinkedHashSet<>(oldDecisions.keySet());
        oldIds.addAll(oldErrors.keySet());
        Set<String> newIds = new LinkedHashSet<>(newDecisions.keySet());
        newIds.addAll(newErrors.keySet());

        List<Changed> changed = new ArrayList<>();
        List<Changed> factsOnly = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        int unchanged = 0;
        for (String id : oldIds) {
            if (!newIds.contains(id)) {
                removed.add(id);
                continue;
            }
            Decision a = oldDecisions.get(id);
            Decision b = newDecisions.get(id);
            List<Fact> facts = facts(oldById.get(id), newById.get(id));
            Outcome from = a == null ? null : a.outcome();
            Outcome to = b == null ? null : b.outcome();
            String summary = b != null ? b.summary() : newErrors.get(id).message();
            String title = b != null ? b.title() : newById.containsKey(id) ? newById.get(id).title() : null;
            Changed c = new Changed(id, title, from, a == null ? null : a.decisiveRule(), to,
                    b == null ? null : b.decisiveRule(), summary, facts);
            if (from != to) {
                changed.add(c);
            } else if (!facts.isEmpty()) {
                factsOnly.add(c);
            } else {
                unchanged++;
            }
        }
        List<Added> added = new ArrayList<>();
        for (String id : newIds) {
            if (!oldIds.contains(id)) {
                Decision d = newDecisions.get(id);
                added.add(d != null ? new Added(id, d.title(), d.outcome(), d.decisiveRule(), d.summary())
                        : new Added(id, null, null, null, newErrors.get(id).message()));
            }
        }
        return new RegisterDiff(changed, factsOnly, added, removed, unchanged);
    }

    /** The facts that differ between two versions of one agreement, in the format's order; empty when either is absent. */
    public static List<Fact> facts(Agreement before, Agreement after) {
        if (before == null || after == null) {
            return List.of();
        }
        Map<String, String> a = FieldPaths.of(before);
        Map<String, String> b = FieldPaths.of(after);
        TreeSet<String> paths = new TreeSet<>(FieldPaths.FORMAT_ORDER);
        paths.addAll(a.keySet());
        paths.addAll(b.keySet());
        List<Fact> out = new ArrayList<>();
        for (String p : paths) {
            if (!Objects.equals(a.get(p), b.get(p))) {
                out.add(new Fact(p, a.get(p), b.get(p), comment(after, p, b.get(p))));
            }
        }
        return out;
    }

    /** The comment of the latest history entry that set {@code field} to {@code value}, or null. */
    private static String comment(Agreement a, String field, String value) {
        if (a.history() == null) {
            return null;
        }
        for (int k = a.history().size() - 1; k >= 0; k--) {
            org.dsarules.model.HistoryEntry h = a.history().get(k);
            if (h.field().equals(field) && Objects.equals(h.newValue(), value)) {
                return h.comment() == null || h.comment().isBlank() ? null : h.comment().strip();
            }
        }
        return null;
    }

    private static Map<String, Decision> byId(List<Decision> decisions) {
        Map<String, Decision> m = new LinkedHashMap<>();
        decisions.forEach(d -> m.putIfAbsent(d.dsaId(), d));
        return m;
    }

    /** Records in error that have an id; one without an id cannot be matched and is left to the audit. */
    private static Map<String, RecordError> errorsById(List<RecordError> errors) {
        Map<String, RecordError> m = new LinkedHashMap<>();
        errors.stream().filter(e -> e.dsaId() != null).forEach(e -> m.putIfAbsent(e.dsaId(), e));
        return m;
    }
}
