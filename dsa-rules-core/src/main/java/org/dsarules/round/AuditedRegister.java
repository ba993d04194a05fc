package org.dsarules.round;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decided;
import org.dsarules.decision.Decision;
import org.dsarules.decision.TraceLevel;
import org.dsarules.engine.CollectingSink;
import org.dsarules.register.RegisterSource;
import org.dsarules.model.Agreement;
import org.dsarules.model.Practice;

/**
 * A register audited in one pass: the decision document and each decision with its agreement, as the
 * audit handed them on, which the second round's steps need side by side.
 *
 * @param name    what the register is called in messages (its file name)
 * @param result  the audit
 * @param decided each decision with its agreement, in the result's order
 */
public record AuditedRegister(String name, AuditResult result, List<Decided> decided) {
    public AuditedRegister {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(result, "result");
        decided = List.copyOf(decided);
    }

    /** Audits {@code source} (and closes it) with full traces. */
    public static AuditedRegister of(String name, DsaRules rules, RegisterSource source, LocalDate asOf) {
        CollectingSink sink = new CollectingSink();
        try (RegisterSource s = source) {
            rules.audit(s, asOf, TraceLevel.FULL, sink);
        }
        return new AuditedRegister(name, sink.result(), sink.decided());
    }

    public Practice practice() {
        return result.practice();
    }

    /** The practice's ODS code, or null when the register does not name one. */
    public String odsCode() {
        Practice p = result.practice();
        return p == null || p.odsCode() == null || p.odsCode().isBlank() ? null : p.odsCode().strip();
    }

    /**
     * The decided agreements by id, in register order: for comparing two registers, which meet only by id
     * ({@link RegisterDiff}).
     */
    public Map<String, Agreement> agreementsById() {
        Map<String, Agreement> byId = new LinkedHashMap<>();
        decided.forEach(d -> byId.putIfAbsent(d.agreement().id(), d.agreement()));
        return byId;
    }

    /** The decision for {@code id}, or null when that agreement is not decided. */
    public Decision decision(String id) {
        for (Decision d : result.decisions()) {
            if (d.dsaId().equals(id)) {
                return d;
            }
        }
        return null;
    }
}
