package org.dsarules.facts;

/** The agreement's duty classification. */
public record Duty(DutyStatus value, String explanation) implements Finding {

    /** "No duty (known)" of decision-policy.md: kind NONE or an expired duty. */
    public boolean isNoneKnown() {
        return value == DutyStatus.NONE_KNOWN;
    }
}
