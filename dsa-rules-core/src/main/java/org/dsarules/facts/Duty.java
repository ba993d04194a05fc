package org.dsarules.facts;

import java.util.Objects;

/** The agreement's duty classification. */
public record Duty(DutyStatus value, String explanation) implements Finding {

    /** "No duty (known)" of decision-policy.md: kind NONE or an expired duty. */
    public boolean isNoneKnown() {
        return value == DutyStatus.NONE_KNOWN;
    }

    // equals, hashCode and toString are written out, with the meaning a record's generated ones have:
    // the generated ones are bootstrapped through java.lang.runtime.ObjectMethods, whose method-handle
    // caches keep this class, and so an application's class loader, reachable after it is dropped on
    // JDK 17 (JDK-8078641, fixed in 18). Drools compares and hashes the facts it is given.
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof Duty that
                && Objects.equals(value, that.value)
                && Objects.equals(explanation, that.explanation);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(value);
        h = 31 * h + Objects.hashCode(explanation);
        return h;
    }

    @Override
    public String toString() {
        return "Duty[value=" + value + ", explanation=" + explanation + "]";
    }
}
