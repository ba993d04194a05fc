package org.dsarules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.dsarules.facts.Finding;
import org.dsarules.facts.Proposal;
import org.dsarules.facts.RaisedFlag;
import org.dsarules.facts.Unknown;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Records, for one agreement at a time, every rule that fired and what it inserted. A rule's
 * insertions arrive (as {@link ObjectInsertedEvent}s) while its consequence runs, before
 * {@link #afterMatchFired}; they are held until then and become that step's findings.
 *
 * <p>Not thread-safe: one per session, reset between agreements.
 */
final class TraceRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    /** One fired rule and the findings its consequence inserted. */
    record Firing(int order, RuleInfo rule, List<Finding> findings) {
        Proposal proposal() {
            for (Finding f : findings) {
                if (f instanceof Proposal p) {
                    return p;
                }
            }
            return null;
        }
    }

    private final Function<Rule, RuleInfo> ruleInfo;
    private final List<Firing> firings = new ArrayList<>();
    private final List<RaisedFlag> redFlags = new ArrayList<>();
    private final List<Unknown> unknowns = new ArrayList<>();
    private List<Finding> pending = new ArrayList<>();

    TraceRecorder(Function<Rule, RuleInfo> ruleInfo) {
        this.ruleInfo = ruleInfo;
    }

    void reset() {
        firings.clear();
        redFlags.clear();
        unknowns.clear();
        pending = new ArrayList<>();
    }

    List<Firing> firings() {
        return firings;
    }

    List<RaisedFlag> redFlags() {
        return redFlags;
    }

    List<Unknown> unknowns() {
        return unknowns;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() != null && event.getObject() instanceof Finding f) {
            pending.add(f);
            if (f instanceof RaisedFlag r) {
                redFlags.add(r);
            } else if (f instanceof Unknown u) {
                unknowns.add(u);
            }
        }
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        firings.add(new Firing(firings.size(), ruleInfo.apply(event.getMatch().getRule()), List.copyOf(pending)));
        pending = new ArrayList<>();
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Facts are immutable records: nothing is updated.
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // Deletions only happen when the session is cleared between agreements.
    }
}
