package org.dsarules.model;

import java.util.List;
import java.util.Objects;

/**
 * A practice's register of agreements, already validated. {@code practice} is null for a register
 * read from a bare JSON array.
 */
public record Register(Practice practice, List<Agreement> agreements) {
    public Register {
        agreements = List.copyOf(agreements);
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
        return o instanceof Register that
                && Objects.equals(practice, that.practice)
                && Objects.equals(agreements, that.agreements);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(practice);
        h = 31 * h + Objects.hashCode(agreements);
        return h;
    }

    @Override
    public String toString() {
        return "Register[practice=" + practice + ", agreements=" + agreements + "]";
    }
}
