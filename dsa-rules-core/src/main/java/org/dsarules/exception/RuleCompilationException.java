package org.dsarules.exception;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rule files that do not compile, or rules that break the knowledge base's conventions (a rule
 * without {@code @citation}). No knowledge base is built: every problem is listed at once.
 */
public class RuleCompilationException extends DsaRulesException {
    private static final long serialVersionUID = 1L;

    /** One problem: the file as given, its line and column (0 when not known), and the message. */
    public record Problem(String file, int line, int column, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public RuleCompilationException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the rules:\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
