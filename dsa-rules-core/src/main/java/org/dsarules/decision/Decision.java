package org.dsarules.decision;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The decision for one agreement, with everything needed to explain it.
 *
 * @param dsaId           the agreement's id
 * @param outcome         the outcome
 * @param decisiveRule    the id of the rule whose proposal became the outcome
 * @param summary         one plain-English sentence
 * @param redFlags        every red flag found, sorted, whether or not it decided
 * @param missing         every unknown, by field name, sorted
 * @param trace           the rules that fired, in firing order (may be shortened, see {@link TraceLevel})
 * @param questionsForIcb one question per missing field, and for ASK_ICB_FOR_INFORMATION the row's own
 * @param nextSteps       the practical actions that follow, from the decisive rule's {@code @nextSteps} metadata
 * @param title           the agreement's title, or null (carried for documents; never read by the rules)
 * @param warnings        entries of the agreement that contradict each other (see {@link Warnings}), and
 *                        register values that contradict the catalogue ({@code CATALOGUE_CONFLICT}); they
 *                        never change the decision
 * @param catalogue       what the catalogue of known programmes filled in, from which entry and sources
 *                        ({@code record-format.md} v1.2), or null when the agreement resolved to no entry (or
 *                        no catalogue was used)
 */
public record Decision(
        String dsaId,
        Outcome outcome,
        String decisiveRule,
        String summary,
        List<String> redFlags,
        List<String> missing,
        List<TraceStep> trace,
        List<String> questionsForIcb,
        List<String> nextSteps,
        String title,
        List<Warning> warnings,
        CatalogueUse catalogue) {

    public Decision {
        Objects.requireNonNull(dsaId, "dsaId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(decisiveRule, "decisiveRule");
        redFlags = List.copyOf(redFlags);
        missing = List.copyOf(missing);
        trace = List.copyOf(trace);
        questionsForIcb = List.copyOf(questionsForIcb);
        nextSteps = List.copyOf(nextSteps);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A decision without catalogue (the constructor of 1.0 with title and warnings). */
    public Decision(String dsaId, Outcome outcome, String decisiveRule, String summary, List<String> redFlags,
            List<String> missing, List<TraceStep> trace, List<String> questionsForIcb, List<String> nextSteps,
            String title, List<Warning> warnings) {
        this(dsaId, outcome, decisiveRule, summary, redFlags, missing, trace, questionsForIcb, nextSteps, title,
                warnings, null);
    }

    /** A decision without title or warnings (the engine's own; {@link Warnings#annotate} adds them). */
    public Decision(String dsaId, Outcome outcome, String decisiveRule, String summary, List<String> redFlags,
            List<String> missing, List<TraceStep> trace, List<String> questionsForIcb, List<String> nextSteps) {
        this(dsaId, outcome, decisiveRule, summary, redFlags, missing, trace, questionsForIcb, nextSteps, null,
                List.of(), null);
    }

    /** The same decision with {@code title} and {@code warnings}. */
    public Decision withTitleAndWarnings(String title, List<Warning> warnings) {
        return new Decision(dsaId, outcome, decisiveRule, summary, redFlags, missing, trace, questionsForIcb,
                nextSteps, title, warnings, catalogue);
    }

    /** The same decision with {@code catalogue} (null for none). */
    public Decision withCatalogue(CatalogueUse catalogue) {
        return new Decision(dsaId, outcome, decisiveRule, summary, redFlags, missing, trace, questionsForIcb,
                nextSteps, title, warnings, catalogue);
    }

    /**
     * The step whose proposal became the outcome: the one the engine flagged {@link TraceStep#decisive()}. A
     * rule may propose more than once (once per red flag, say): this is the proposal that won.
     *
     * @throws IllegalStateException when the trace was cut to none (or, for a decision built by hand, no step
     *                               is flagged)
     */
    public TraceStep decisiveStep() {
        return decisiveStepIfTraced()
                .orElseThrow(() -> new IllegalStateException("trace of " + dsaId + " lacks its decisive step"));
    }

    /** The decisive step, or empty when the trace was cut to none. */
    public Optional<TraceStep> decisiveStepIfTraced() {
        for (TraceStep s : trace) {
            if (s.decisive()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The same decision with its trace cut to {@code level}. */
    public Decision withTrace(TraceLevel level) {
        return switch (level) {
            case FULL -> this;
            case DECISIVE -> new Decision(dsaId, outcome, decisiveRule, summary, redFlags, missing,
                    List.of(decisiveStep()), questionsForIcb, nextSteps, title, warnings, catalogue);
            case NONE -> new Decision(dsaId, outcome, decisiveRule, summary, redFlags, missing, List.of(),
                    questionsForIcb, nextSteps, title, warnings, catalogue);
        };
    }
}
