package org.dsarules.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.dsarules.facts.Finding;
import org.dsarules.facts.IcbQuestion;
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
import org.kie.api.runtime.rule.FactHandle;

/**
 * Records, for one agreement at a time, every rule that fired and what it inserted. A rule's
 * insertions arrive (as {@link ObjectInsertedEvent}s) while its consequence runs, before
 * {@link #afterMatchFired}; they are held until then and become that step's findings.
 *
 * <p>Not thread-safe: one per session, reset between agreements.
 */
final class TraceRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    /** One fired rule and the findings its consequence inserted. */
    record Firing(int order, RuleInfo rule, List<Finding> findings, Set<Finding> withdrawn, List<Object> matched) {
        /** The rule's proposal, unless truth maintenance withdrew it. */
        Proposal standingProposal() {
            for (Finding f : findings) {
                if (f instanceof Proposal p && !withdrawn.contains(p)) {
                    return p;
                }
            }
            return null;
        }

        /** The outcome the rule proposed, even if withdrawn since, for the trace. */
        Proposal proposalAsMade() {
            for (Finding f : findings) {
                if (f instanceof Proposal p) {
                    return p;
                }
            }
            return null;
        }

        boolean isWithdrawn(Finding f) {
            return withdrawn.contains(f);
        }
    }

    private final Function<Rule, RuleInfo> ruleInfo;
    private final List<Firing> firings = new ArrayList<>();
    private final List<RaisedFlag> redFlags = new ArrayList<>();
    private final List<Unknown> unknowns = new ArrayList<>();
    private final List<IcbQuestion> questions = new ArrayList<>();
    private final List<Finding> pending = new ArrayList<>();
    /** Every fact handle of the evaluation, in insertion order, so that clearing the session needs no scan. */
    private final List<FactHandle> handles = new ArrayList<>();
    /**
     * Findings a rule inserted with {@code insertLogical} and Drools retracted again when the rule's
     * conditions stopped holding (a later rule inserted a fact its {@code not} excluded). They stay
     * in the trace, marked, but count nowhere. Identity-based: two equal findings are two findings.
     */
    private final Set<Finding> withdrawn = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean firing;

    TraceRecorder(Function<Rule, RuleInfo> ruleInfo) {
        this.ruleInfo = ruleInfo;
    }

    /**
     * The rule whose consequence is running now, or null: what a failure or a time limit met inside a
     * consequence names. Volatile: the time limit reads it from the waiting thread.
     */
    private volatile String running;

    @Override
    public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
        running = event.getMatch().getRule().getName();
    }

    /** The rule whose consequence is running now, or null between consequences. */
    String running() {
        return running;
    }

    void reset() {
        running = null;
        withdrawn.clear();
        firing = true;
        firings.clear();
        redFlags.clear();
        unknowns.clear();
        questions.clear();
        pending.clear();
        handles.clear();
    }

    /** The handles inserted so far (the engine's two facts and every rule's), for clearing the session. */
    List<FactHandle> handles() {
        return handles;
    }

    /** Called when the rules have run: deletions after this are the session being cleared. */
    void stop() {
        firing = false;
    }

    boolean isWithdrawn(Finding f) {
        return withdrawn.contains(f);
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

    List<IcbQuestion> questions() {
        return questions;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        handles.add(event.getFactHandle());
        if (event.getRule() != null && event.getObject() instanceof Finding f) {
            pending.add(f);
            if (f instanceof RaisedFlag r) {
                redFlags.add(r);
            } else if (f instanceof Unknown u) {
                unknowns.add(u);
            } else if (f instanceof IcbQuestion q) {
                questions.add(q);
            }
        }
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        running = null;
        List<Finding> found = pending.isEmpty() ? List.of() : List.copyOf(pending);
        pending.clear();
        firings.add(new Firing(firings.size(), ruleInfo.apply(event.getMatch().getRule()), found,
                withdrawn, event.getMatch().getObjects()));
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Facts are immutable records: nothing is updated.
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        if (firing) {
            handles.remove(event.getFactHandle()); // withdrawn by truth maintenance: already gone
            if (event.getOldObject() instanceof Finding f) {
                withdrawn.add(f);
            }
        }
    }
}
