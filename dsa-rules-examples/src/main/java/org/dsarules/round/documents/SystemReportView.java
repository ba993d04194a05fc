package org.dsarules.round.documents;

import java.util.ArrayList;
import java.util.List;
import org.dsarules.decision.Outcome;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.SystemAudit;

/**
 * What the system report's HTML template ({@code src/main/jte/html/system/report.jte}) shows, in the words it
 * shows them: the template escapes every value (jte's HTML escaping, by context), so nothing here escapes.
 * Public only because the precompiled template is in another package; not part of the library's API.
 */
public final class SystemReportView {
    /** The outcome columns, most urgent first. */
    static final List<Outcome> ORDER = List.of(Outcome.WITHDRAW, Outcome.REFER_TO_BMA, Outcome.ASK_ICB_FOR_INFORMATION,
            Outcome.KEEP);

    /** A programme held by several practices, with its place in the report (its section's id). */
    public record Shared(int number, SystemAudit.Programme programme) {
    }

    private final SystemAudit system;

    SystemReportView(SystemAudit system) {
        this.system = system;
    }

    public SystemAudit system() {
        return system;
    }

    public List<Outcome> outcomes() {
        return ORDER;
    }

    public String asOf() {
        return system.registers().isEmpty() ? "" : system.registers().get(0).result().asOf().toString();
    }

    public String rules() {
        if (system.registers().isEmpty()) {
            return "";
        }
        var kb = system.registers().get(0).result().knowledgeBase();
        return kb.name() + " " + kb.version() + " (" + kb.fingerprint() + ")";
    }

    public List<Shared> shared() {
        List<Shared> out = new ArrayList<>();
        for (SystemAudit.Programme p : system.shared()) {
            out.add(new Shared(out.size() + 1, p));
        }
        return out;
    }

    public String ods(AuditedRegister r) {
        return r.odsCode() != null ? r.odsCode() : r.name();
    }

    public String name(AuditedRegister r) {
        return r.practice() != null && r.practice().name() != null ? r.practice().name() : ods(r);
    }

    public int count(AuditedRegister r, Outcome o) {
        return r.result().summary().count(o);
    }

    public int errors(AuditedRegister r) {
        return r.result().summary().errors();
    }

    /** A fact's value as shown: "(not known)" for none. */
    public String value(String v) {
        return v == null ? "(not known)" : v;
    }

    public String css(Outcome o) {
        return switch (o) {
            case WITHDRAW -> "withdraw";
            case REFER_TO_BMA -> "refer";
            case ASK_ICB_FOR_INFORMATION -> "ask";
            case KEEP -> "keep";
        };
    }
}
