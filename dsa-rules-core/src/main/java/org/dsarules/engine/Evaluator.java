package org.dsarules.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.TraceLevel;
import org.dsarules.decision.TraceStep;
import org.dsarules.engine.TraceRecorder.Firing;
import org.dsarules.exception.DsaRulesException;
import org.dsarules.facts.AsOf;
import org.dsarules.facts.Finding;
import org.dsarules.facts.IcbQuestion;
import org.dsarules.facts.Proposal;
import org.dsarules.facts.RaisedFlag;
import org.dsarules.facts.Unknown;
import org.dsarules.model.Agreement;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One session and its recorder, deciding one agreement at a time. Each agreement is alone in the
 * session, so rules never need to join on an agreement id, and a decision cannot depend on which
 * other agreements were decided before it. Not thread-safe: {@link KnowledgeBase} lends each
 * evaluator to one thread at a time.
 */
final class Evaluator implements AutoCloseable {
    /** Far above any real policy (the default rules fire 5 to 30 times): a guard against a rule loop. */
    static final int MAX_FIRINGS = 10_000;

    private final KieSession session;
    private final TraceRecorder recorder;
    private final AgendaFilter filter;
    private final Function<String, String> where;

    Evaluator(KieSession session, TraceRecorder recorder, AgendaFilter filter, Function<String, String> where) {
        this.session = session;
        this.recorder = recorder;
        this.filter = filter;
        this.where = where;
        session.addEventListener((AgendaEventListener) recorder);
        session.addEventListener((RuleRuntimeEventListener) recorder);
    }

    /**
     * Decides one agreement, or returns null when no rule proposed an outcome. The trace is rendered only
     * as far as {@code level} needs (the result equals the full decision cut with {@code withTrace(level)}).
     */
    Decision decide(Agreement agreement, LocalDate asOf, TraceLevel level) {
        recorder.reset();
        try {
            session.insert(new AsOf(asOf));
            session.insert(agreement);
            int fired;
            try {
                fired = session.fireAllRules(filter, MAX_FIRINGS);
            } catch (ConsequenceException e) {
                // A rule's own code threw (a local rule calling a method that fails, say): name the rule and
                // where it is written, and what it threw, not Drools' wrapper.
                String rule = e.getMatch() == null ? "(unknown)" : e.getMatch().getRule().getName();
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new DsaRulesException("rule \"" + rule + "\" (" + where.apply(rule) + ") failed: "
                        + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), e);
            }
            if (fired >= MAX_FIRINGS) {
                throw new DsaRulesException("the rules fired " + MAX_FIRINGS + " times for one agreement and were"
                        + " stopped: a rule probably triggers itself again (check rules that insert what they match): "
                        + loopers(recorder.firings()));
            }
            recorder.stop();
            return toDecision(agreement.id(), recorder.firings(), level);
        } finally {
            clear();
        }
    }

    /** The rules that fired most often, most first: the ones that kept firing. */
    private static String loopers(List<Firing> firings) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Firing f : firings) {
            counts.merge(f.rule().name(), 1, Integer::sum);
        }
        int most = counts.values().stream().max(Integer::compare).orElse(0);
        List<String> out = new ArrayList<>();
        counts.forEach((rule, n) -> {
            // A rule that fired at least a tenth as often as the most frequent one kept firing too.
            if (n * 10 >= most && out.size() < 5) {
                out.add("\"" + rule + "\" fired " + n + " times");
            }
        });
        return String.join(", ", out);
    }

    private void clear() {
        // The recorder saw every insertion of this evaluation (the two facts inserted here and each one a
        // rule inserted), less those truth maintenance withdrew: deleting those is what getFactHandles()
        // would list, without building the list. In insertion order: the as-of date and the agreement go
        // first, taking their tuples with them, so the derived facts after them have less left to retract.
        List<FactHandle> handles = recorder.handles();
        for (int i = 0; i < handles.size(); i++) {
            session.delete(handles.get(i));
        }
        handles.clear();
        if (session.getFactCount() != 0) {
            // A fact that reached the session without an insert event (a rule calling the session's own
            // API, say): take the slow path, so that nothing is left for the next agreement.
            for (FactHandle h : new ArrayList<FactHandle>(session.getFactHandles())) {
                session.delete(h);
            }
        }
        // Phreak propagates deletions lazily, at the next evaluation of the rules: flush them now,
        // firing nothing (a rule made only of negations could have become eligible on an empty
        // session). Clearing the agenda instead would leave the deleted facts in the rules' memories.
        session.fireAllRules(match -> false);
    }

    private Decision toDecision(String dsaId, List<Firing> firings, TraceLevel level) {
        for (Firing f : firings) {
            if (f.proposalAsMade() != null && f.rule().policyRow() == null) {
                throw new DsaRulesException("rule \"" + f.rule().name()
                        + "\" proposed an outcome but has no @policyRow metadata");
            }
        }
        Firing decisive = Resolution.decisive(firings).orElse(null);
        List<TraceStep> trace = new ArrayList<>(level == TraceLevel.FULL ? firings.size() : 2);
        // The same few facts (the agreement, the as-of date, a party) are matched by step after step:
        // render each once per decision.
        Map<Object, String> texts = new IdentityHashMap<>();
        for (Firing f : firings) {
            // The one place that says which step decided: the firing Resolution chose. A trace cut to the
            // decisive step needs only that one, and no trace none.
            if (level == TraceLevel.NONE || level == TraceLevel.DECISIVE && f != decisive) {
                continue;
            }
            Proposal p = f.proposalAsMade();
            trace.add(new TraceStep(f.rule().name(), f.rule().citations(), explanation(f),
                    p == null ? null : p.outcome(), p == null ? null : f.rule().policyRowText(),
                    matchedText(f.matched(), texts), f == decisive));
        }
        if (decisive == null) {
            return null;
        }
        Proposal winner = decisive.standingProposal();

        TreeSet<String> redFlags = new TreeSet<>();
        for (RaisedFlag r : recorder.redFlags()) {
            if (!recorder.isWithdrawn(r)) {
                redFlags.add(r.id());
            }
        }
        // One question per missing field, in the order of the sorted field names.
        Map<String, String> questions = new TreeMap<>();
        for (Unknown u : recorder.unknowns()) {
            if (!recorder.isWithdrawn(u)) {
                questions.putIfAbsent(u.field(), u.question());
            }
        }
        List<String> questionsForIcb = new ArrayList<>(questions.values());
        if (winner.outcome() == Outcome.ASK_ICB_FOR_INFORMATION && winner.question() != null
                && !questionsForIcb.contains(winner.question())) {
            questionsForIcb.add(winner.question());
        }
        for (IcbQuestion q : recorder.questions()) {
            if (!recorder.isWithdrawn(q) && !questionsForIcb.contains(q.question())) {
                questionsForIcb.add(q.question());
            }
        }
        return new Decision(dsaId, winner.outcome(), decisive.rule().name(), winner.summary(),
                List.copyOf(redFlags), List.copyOf(questions.keySet()), trace, questionsForIcb,
                decisive.rule().nextSteps());
    }

    private static List<String> matchedText(List<Object> facts, Map<Object, String> texts) {
        String[] out = new String[facts.size()];
        int n = 0;
        for (Object fact : facts) {
            if (fact != null) {
                out[n++] = texts.computeIfAbsent(fact, FactText::describe);
            }
        }
        return n == out.length ? List.of(out) : List.of(Arrays.copyOf(out, n));
    }

    private static String explanation(Firing f) {
        if (f.findings().size() == 1 && !f.isWithdrawn(f.findings().get(0))) {
            return f.findings().get(0).explanation();
        }
        StringBuilder sb = new StringBuilder();
        for (Finding x : f.findings()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(x.explanation());
            if (f.isWithdrawn(x)) {
                sb.append(" [withdrawn: a later finding removed the condition this rested on]");
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        session.dispose();
    }
}
