package org.dsarules.facts;

import java.util.Objects;

/** The agreement's purpose class. Exactly one per agreement in the default knowledge base. */
public record Purposes(PurposeClass value, String explanation) implements Finding {

    /** A "secondary" agreement: {@code SECONDARY_ONLY} or {@code MIXED}. */
    public boolean isSecondary() {
        return value == PurposeClass.SECONDARY_ONLY || value == PurposeClass.MIXED;
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
        return o instanceof Purposes that
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
        return "Purposes[value=" + value + ", explanation=" + explanation + "]";
    }
}
