package org.dsarules.exception;

import java.util.List;

/**
 * Rules to disable that the knowledge base does not have: a mistake in the options, not in the rule
 * files. Each name comes with the nearest rule name, when one is near enough to be a typo.
 */
public class UnknownRuleException extends DsaRulesException {
    private static final long serialVersionUID = 1L;

    /** One name that no rule has, and the nearest one that a rule has (or null). */
    public record Unknown(String name, String nearest) {
        @Override
        public String toString() {
            return "no rule is named \"" + name + "\"" + (nearest == null ? "" : " (did you mean \"" + nearest + "\"?)");
        }
    }

    private final transient List<Unknown> unknown;

    public UnknownRuleException(List<Unknown> unknown) {
        super(String.join("; ", unknown.stream().map(Unknown::toString).toList()));
        this.unknown = List.copyOf(unknown);
    }

    public List<Unknown> unknown() {
        return unknown;
    }
}
