package org.dsarules.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.TraceStep;
import org.dsarules.engine.RuleCatalogue.Entry;

/**
 * Why a decision did not get each other outcome: the proposal of it that a lower row beat, or, when
 * no rule proposed it, the conditions (as written in DRL) of the rule nearest the deciding row that
 * could have. The policy is small enough to answer this exactly.
 */
public final class WhyNot {
    private WhyNot() {
    }

    /** One line per outcome other than the decision's, in the order of {@link Outcome}. */
    public static List<String> of(Decision d, List<Entry> catalogue) {
        List<String> out = new ArrayList<>();
        TraceStep decisive = d.decisiveStep();
        BigDecimal decidedAt = new BigDecimal(decisive.policyRow());
        for (Outcome o : Outcome.values()) {
            if (o == d.outcome()) {
                continue;
            }
            TraceStep beaten = d.trace().stream().filter(s -> s.outcome() == o)
                    .min(Comparator.comparing(s -> new BigDecimal(s.policyRow()))).orElse(null);
            if (beaten != null) {
                out.add(o + ": proposed by " + beaten.rule() + " (row " + beaten.policyRow() + "), but "
                        + decisive.rule() + " (row " + decisive.policyRow() + ") comes first: " + beaten.explanation());
                continue;
            }
            Entry nearest = catalogue.stream().filter(e -> e.proposes() == o && e.policyRow() != null)
                    .min(Comparator.comparing((Entry e) -> new BigDecimal(e.policyRow()).subtract(decidedAt).abs())
                            .thenComparing(e -> new BigDecimal(e.policyRow()))).orElse(null);
            if (nearest == null) {
                out.add(o + ": no rule in use can propose it");
            } else {
                out.add(o + ": no rule proposed it. The nearest row that can, " + nearest.name() + " (row "
                        + nearest.policyRow() + "), needs: " + nearest.conditions());
            }
        }
        return out;
    }
}
