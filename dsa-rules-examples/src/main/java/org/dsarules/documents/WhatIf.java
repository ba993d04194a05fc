package org.dsarules.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.model.Agreement;

/**
 * What the rules would decide if the ICB answered a missing fact one way or another: found by deciding
 * the agreement again with each answer the catalogue ({@link PossibleAnswers}) allows for each missing field, so
 * it is exact (computed by the rules, never guessed). Two uses:
 * <ul>
 * <li>{@link #settlements()}: the answers that would change an ASK_ICB_FOR_INFORMATION outcome, such as
 * "if no law or contract requires this sharing: Withdraw";</li>
 * <li>{@link #conditionals()}: the questions the rules would ask only after a given answer, such as
 * "if the data is identifiable or pseudonymised: which Article 9 condition...", so that a letter can ask
 * them at once and the ICB is asked once. The decision's own {@code missing} list stays as the policy
 * defines it.</li>
 * </ul>
 *
 * @param settlements  for each missing field, the answers (grouped by the outcome they give) that change the outcome
 * @param conditionals for each missing field, the answers (grouped by the questions they add) that add questions
 */
public record WhatIf(List<Settlement> settlements, List<Conditional> conditionals) {

    public static final WhatIf NONE = new WhatIf(List.of(), List.of());

    /** Answering {@code field} so that {@code condition} holds would decide {@code outcome}. */
    public record Settlement(String field, String condition, Outcome outcome, String summary, String rule) {
        /** "If no law or contract requires this sharing: Withdraw". */
        public String sentence() {
            return "If " + condition + ": " + Plain.outcome(outcome);
        }
    }

    /** Answering {@code field} so that {@code condition} holds would add these questions (for these fields). */
    public record Conditional(String field, String condition, List<String> fields, List<String> questions) {
    }

    public WhatIf {
        settlements = List.copyOf(settlements);
        conditionals = List.copyOf(conditionals);
    }

    /**
     * Decides {@code agreement} again with each allowed answer to each of {@code decision}'s missing fields.
     * Settlements are computed for an ASK_ICB_FOR_INFORMATION decision only; conditional questions for any.
     *
     * @param decide decides one agreement as of the audit's date with the audit's rules
     */
    public static WhatIf of(Decision decision, Agreement agreement, Function<Agreement, Decision> decide) {
        return of(decision, agreement, decide, decision.outcome() == Outcome.ASK_ICB_FOR_INFORMATION);
    }

    /**
     * As {@link #of(Decision, Agreement, Function)}, with the answers that lead to another outcome listed
     * whatever the decision's own outcome ({@code dsa-audit explain} says why not another outcome with them).
     */
    public static WhatIf of(Decision decision, Agreement agreement, Function<Agreement, Decision> decide, boolean settlements) {
        return of(decision, agreement, decide, settlements, true);
    }

    /**
     * What would settle an ASK_ICB_FOR_INFORMATION decision, without the conditional questions: for a
     * document that shows settlements only (the text audit), so that no other decision is decided again.
     */
    public static WhatIf settlementsOnly(Decision decision, Agreement agreement, Function<Agreement, Decision> decide) {
        return of(decision, agreement, decide, decision.outcome() == Outcome.ASK_ICB_FOR_INFORMATION, false);
    }

    private static WhatIf of(Decision decision, Agreement agreement, Function<Agreement, Decision> decide,
            boolean settlements, boolean withConditionals) {
        if (agreement == null || decision.missing().isEmpty() || !settlements && !withConditionals) {
            return NONE;
        }
        List<Settlement> all = new ArrayList<>();
        List<Conditional> conditionals = new ArrayList<>();
        Set<String> asked = new LinkedHashSet<>(decision.missing());
        for (String field : decision.missing()) {
            Map<Outcome, List<String>> byOutcome = new LinkedHashMap<>();
            Map<Outcome, Decision> reached = new LinkedHashMap<>();
            Map<List<String>, List<String>> byAdded = new LinkedHashMap<>();
            Map<List<String>, List<String>> addedQuestions = new LinkedHashMap<>();
            for (PossibleAnswers.Answer answer : PossibleAnswers.forMissing(field, agreement)) {
                Decision d = decide.apply(answer.agreement());
                if (d.outcome() != decision.outcome()) {
                    byOutcome.computeIfAbsent(d.outcome(), o -> new ArrayList<>()).add(answer.condition());
                    reached.putIfAbsent(d.outcome(), d);
                }
                List<String> added = new ArrayList<>();
                List<String> questions = new ArrayList<>();
                for (int i = 0; i < d.missing().size() && i < d.questionsForIcb().size(); i++) {
                    if (!asked.contains(d.missing().get(i))) {
                        added.add(d.missing().get(i));
                        questions.add(d.questionsForIcb().get(i));
                    }
                }
                if (!added.isEmpty()) {
                    byAdded.computeIfAbsent(added, k -> new ArrayList<>()).add(answer.condition());
                    addedQuestions.putIfAbsent(added, questions);
                }
            }
            if (settlements) {
                byOutcome.forEach((o, conditions) -> all.add(new Settlement(field, PossibleAnswers.either(field, conditions), o,
                        reached.get(o).summary(), reached.get(o).decisiveRule())));
            }
            if (withConditionals) {
                byAdded.forEach((fields, conditions) -> conditionals.add(
                        new Conditional(field, PossibleAnswers.either(field, conditions), fields, addedQuestions.get(fields))));
            }
        }
        return new WhatIf(all, conditionals);
    }
}
