package org.dsarules.workspace.web;

import java.util.List;
import org.dsarules.workspace.SystemRound;

/** What the LMC's round pages' templates are given: values only, every one escaped by the template engine. */
public final class SystemViews {
    private SystemViews() {
    }

    /**
     * The system questionnaire page: the practices it covers, how many questions it has now, what the last upload
     * did (null when none this request) or why it was refused, and every conflict kept, by practice.
     */
    public record SystemPage(Views.Page page, List<String> practices, int questions, SystemRound.SystemAnswers report,
            String error, String today, List<SystemRound.Conflict> conflicts) {
        public long open() {
            return conflicts.stream().filter(c -> !c.resolved()).count();
        }
    }

    /** One practice's conflicts, for it to resolve. */
    public record ConflictsPage(Views.Page page, List<SystemRound.Conflict> conflicts) {
    }

    /** The LMC's letter to the ICB for every practice it covers. */
    public record LetterPage(Views.Page page, List<String> practices, String text) {
    }

    /** What each practice has sent and what is overdue. */
    public record ProgressPage(Views.Page page, String asOf, int replyDays, List<SystemRound.Progress> practices) {
    }

    /** A piece of advice in words. */
    public static String words(org.dsarules.model.LmcAdvice a) {
        return switch (a) {
            case KEEP -> "Keep";
            case WITHDRAW -> "Withdraw";
            case NONE -> "No advice";
        };
    }
}
