package org.dsarules.engine;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.TraceLevel;
import org.dsarules.decision.TraceStep;
import org.dsarules.engine.TraceRecorder.Firing;
import org.dsarules.exception.DsaRulesException;
import org.dsarules.exception.RuleTimeoutException;
import org.dsarules.facts.AsOf;
import org.dsarules.facts.Finding;
import org.dsarules.facts.IcbQuestion;
import org.dsarules.facts.Proposal;
import org.dsarules.facts.RaisedFlag;
import org.dsarules.facts.Unknown;
import org.dsarules.model.Agreement;
import org.dsarules.model.Status;
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
    /** Whether the rules include local rules, whose code could call System.exit: see {@link ExitGuard}. */
    private final boolean guardExit;
    /** The thread decisions run on when they have a time limit; made at the first such decision. */
    private ExecutorService worker;
    /** Whether a decision was abandoned at its time limit: the session is no longer this thread's to use. */
    private boolean abandoned;
    /** Set when the time limit halted the session, so that a decision it cut short is not taken as complete. */
    private volatile boolean halted;

    Evaluator(KieSession session, TraceRecorder recorder, AgendaFilter filter, Function<String, String> where,
            boolean guardExit) {
        this.guardExit = guardExit;
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
    Decision decide(Agreement agreement, List<?> facts, LocalDate asOf, TraceLevel level) {
        recorder.reset();
        boolean decided = false;
        try {
            session.insert(new AsOf(asOf));
            session.insert(agreement);
            // What the engine adds beside the agreement (the fields the catalogue filled), in a fixed order.
            for (Object f : facts) {
                session.insert(f);
            }
            int fired;
            if (guardExit) {
                ExitGuard.enter(this);
            }
            try {
                fired = session.fireAllRules(filter, MAX_FIRINGS);
            } catch (ConsequenceException e) {
                // A rule's own code threw (a local rule calling a method that fails, say): name the rule and
                // where it is written, and what it threw, not Drools' wrapper.
                String rule = e.getMatch() == null ? recorder.running() : e.getMatch().getRule().getName();
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                if (cause instanceof Error error) {
                    fatal(error);
                }
                throw failed(rule, cause, e);
            } catch (Error e) {
                // Drools hands a consequence's Error on unwrapped: a local rule that recurses without end
                // (StackOverflowError), or fails to link a class. Only this agreement is lost; the session,
                // which may be left half-way through a firing, is disposed by the caller (it is not healthy).
                fatal(e);
                throw failed(recorder.running(), e, e);
            } finally {
                if (guardExit) {
                    ExitGuard.leave();
                }
            }
            if (halted) {
                // the time limit stopped the rules between two firings: the caller has already said so
                throw new RuleTimeoutException("the rules were stopped at their time limit");
            }
            if (fired >= MAX_FIRINGS) {
                throw new DsaRulesException("the rules fired " + MAX_FIRINGS + " times for one agreement and were"
                        + " stopped: a rule probably triggers itself again (check rules that insert what they match): "
                        + loopers(recorder.firings()));
            }
            recorder.stop();
            Decision d = toDecision(agreement.id(), agreement.status(), recorder.firings(), level);
            decided = true;
            return d;
        } finally {
            if (decided) {
                clear();
            }
            // else the session is left as the failure left it: the caller disposes it (see KnowledgeBase)
        }
    }

    /**
     * Lets the errors that mean the JVM itself is failing go on: out of memory (what else failed with it is
     * not known, and catching it would hide the cause of a later failure) and the JVM's internal errors.
     * A stack overflow is a {@link VirtualMachineError} too, but it is local to the rule that recursed: the
     * stack is unwound by the time it is caught here, so it puts only that agreement in error.
     */
    private static void fatal(Error e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw e;
        }
    }

    private DsaRulesException failed(String rule, Throwable cause, Throwable wrapper) {
        String what = cause instanceof StackOverflowError
                ? "it overflowed the stack (it calls itself, directly or through other code, without end)"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new DsaRulesException("rule \"" + (rule == null ? "(unknown)" : rule) + "\" ("
                + (rule == null ? "(unknown file)" : where.apply(rule)) + ") failed: " + what, wrapper);
    }

    /**
     * Decides one agreement on this evaluator's own thread, waiting at most {@code limit}: a rule whose
     * code loops or waits is abandoned at the limit, and the agreement is a {@link RuleTimeoutException}.
     * The session is then asked to halt and its thread interrupted; a consequence that loops in plain Java
     * code cannot be stopped from outside, so its thread (a daemon) and the session are left to it and
     * disposed when, if ever, it returns. After a time limit this evaluator must not be used again.
     */
    Decision decideWithin(Agreement agreement, List<?> facts, LocalDate asOf, TraceLevel level, Duration limit) {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "dsa-rules-decision");
                t.setDaemon(true); // a runaway rule must not keep the JVM alive
                return t;
            });
        }
        halted = false;
        Future<Decision> f = worker.submit(() -> ExecutableModel.withDroolsContext(() -> decide(agreement, facts, asOf, level)));
        try {
            return f.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            String rule = recorder.running();
            abandon(f);
            throw new RuleTimeoutException("the rules did not finish deciding this agreement within the time limit ("
                    + limit.toMillis() + " ms)" + (rule == null ? "" : ": rule \"" + rule + "\" (" + where.apply(rule)
                    + ") was still running") + "; a rule that loops or waits never ends: check its code");
        } catch (InterruptedException e) {
            abandon(f);
            Thread.currentThread().interrupt();
            throw new DsaRulesException("interrupted while deciding the agreement", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new DsaRulesException("the agreement could not be decided: " + e.getCause().getClass().getSimpleName()
                    + (e.getCause().getMessage() == null ? "" : ": " + e.getCause().getMessage()), e.getCause());
        }
    }

    /** The rule whose consequence is running, as messages name it, or "a rule" when none is known. */
    String runningRule() {
        String rule = recorder.running();
        return rule == null ? "a rule" : "rule \"" + rule + "\" (" + where.apply(rule) + ")";
    }

    private void abandon(Future<Decision> f) {
        abandoned = true;
        halted = true;
        session.halt();
        f.cancel(true);
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

    private Decision toDecision(String dsaId, Status status, List<Firing> firings, TraceLevel level) {
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
                // A request is signed, not signed or waited on, never kept or stopped: its own steps when the rule has them.
                decisive.rule().nextSteps(status));
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
        if (worker == null) {
            session.dispose();
            return;
        }
        if (abandoned) {
            // the session may still be firing on the worker: dispose it there, once (if ever) the rule returns
            worker.execute(session::dispose);
        } else {
            session.dispose();
        }
        worker.shutdown();
    }
}
