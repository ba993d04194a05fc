package org.dsarules.engine;

import java.util.ArrayList;
import java.util.List;
import org.dsarules.facts.AsOf;
import org.dsarules.facts.Finding;
import org.dsarules.facts.FromCatalogue;
import org.dsarules.model.Agreement;
import org.dsarules.model.IcbAssessment;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.Party;

/** A few words for each fact a rule matched, so that an auditor can follow a decision to the facts. */
public final class FactText {
    private FactText() {
    }

    public static List<String> describeAll(List<?> facts) {
        List<String> out = new ArrayList<>(facts.size());
        for (Object f : facts) {
            if (f != null) {
                out.add(describe(f));
            }
        }
        return out;
    }

    public static String describe(Object f) {
        if (f instanceof Agreement a) {
            return "agreement " + a.id();
        }
        if (f instanceof Party p) {
            return "party " + p.name() + " (kind " + p.kind() + ", role " + p.role()
                    + (p.instructedBy() != null ? ", instructed by " + p.instructedBy() : "")
                    + (p.directCareProvider() != null ? ", direct care provider " + p.directCareProvider() : "") + ")";
        }
        if (f instanceof LegalRequirement r) {
            return "legal requirement " + r.kind() + (r.reference() != null ? " (" + r.reference() + ")" : "")
                    + (r.expiresOn() != null ? ", expires " + r.expiresOn() : "");
        }
        if (f instanceof IcbAssessment i) {
            return "ICB assessment " + i.status() + (i.conclusion() != null ? ", concluded " + i.conclusion() : "");
        }
        if (f instanceof FromCatalogue c) {
            return "from the catalogue of known programmes: " + c.field() + " " + c.value() + " (" + c.programme()
                    + ", entry " + c.entry() + ", checked " + c.checked() + ", source " + c.sourceText() + ")";
        }
        if (f instanceof AsOf a) {
            return "as of " + a.date();
        }
        if (f instanceof Finding x) {
            return f.getClass().getSimpleName() + ": " + x.explanation();
        }
        return String.valueOf(f);
    }
}
