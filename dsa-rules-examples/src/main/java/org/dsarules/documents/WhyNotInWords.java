package org.dsarules.documents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.TraceStep;

/**
 * Why a decision did not get each other outcome, in words: the proposal of it that an earlier row beat;
 * else the one answer to a missing fact that would give it, found by deciding again ({@link WhatIf}), with
 * the rule that would then decide; else that no single answer would, naming the nearest row that can
 * propose it. No DRL text: the rule ids are there for an auditor to look up, the reasons are sentences.
 */
public final class WhyNotInWords {
    private WhyNotInWords() {
    }

    /**
     * One line per outcome other than the decision's, in the order of {@link Outcome}.
     *
     * @param whatIf   the decision's what-ifs with every outcome's answers ({@code WhatIf.of(..., true)})
     * @param fallback the engine's own why-not line for an outcome, used for its nearest-row rule when no
     *                 answer reaches that outcome; its DRL conditions are dropped
     */
    public static List<String> of(Decision d, WhatIf whatIf, List<String> fallback) {
        List<String> out = new ArrayList<>();
        TraceStep decisive = d.decisiveStepIfTraced().orElse(null);
        for (Outcome o : Outcome.values()) {
            if (o == d.outcome()) {
                continue;
            }
            String label = Plain.outcome(o);
            TraceStep beaten = d.trace().stream().filter(s -> s.outcome() == o && s.policyRow() != null)
                    .min(Comparator.comparing(s -> new BigDecimal(s.policyRow()))).orElse(null);
            if (beaten != null && decisive != null) {
                out.add(label + ": " + beaten.rule() + " (row " + beaten.policyRow() + ") proposed it, but "
                        + decisive.rule() + " (row " + decisive.policyRow() + ") comes first. " + beaten.explanation());
                continue;
            }
            WhatIf.Settlement s = whatIf.settlements().stream().filter(x -> x.outcome() == o).findFirst().orElse(null);
            if (s != null) {
                out.add(label + ": if " + s.condition() + ", " + s.rule() + " would decide it: " + s.summary());
                continue;
            }
            String engine = fallback.stream().filter(l -> l.startsWith(o.name() + ":")).findFirst().orElse("");
            int needs = engine.indexOf(", needs: ");
            out.add(needs > 0 ? label + ": no single answer to what is not known would give it; the nearest row that can,"
                    + engine.substring(engine.indexOf("can,") + 4, needs) + ", does not apply to this agreement's facts"
                    : label + ": " + engine.substring(Math.min(engine.length(), o.name().length() + 2)));
        }
        return out;
    }
}
