package org.dsarules.facts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A dated policy (the May 2026 collective action, a later escalation) and whether it is in force
 * on the as-of date. A rule inserts one per policy either way, so that campaign rules test a fact
 * that is always there ({@code Campaign(policy == "GPC-2026-05", inForce)}) rather than the absence
 * of one, which would depend on the order in which rules fire.
 *
 * @param policy  the policy's stable name, e.g. {@code GPC-2026-05}
 * @param since   its first day in force
 * @param inForce whether the as-of date is on or after {@code since}
 */
public record Campaign(String policy, LocalDate since, boolean inForce, String explanation) implements Finding {

    // equals, hashCode and toString are written out, with the meaning a record's generated ones have:
    // the generated ones are bootstrapped through java.lang.runtime.ObjectMethods, whose method-handle
    // caches keep this class, and so an application's class loader, reachable after it is dropped on
    // JDK 17 (JDK-8078641, fixed in 18). Drools compares and hashes the facts it is given.
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof Campaign that
                && Objects.equals(policy, that.policy)
                && Objects.equals(since, that.since)
                && inForce == that.inForce
                && Objects.equals(explanation, that.explanation);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(policy);
        h = 31 * h + Objects.hashCode(since);
        h = 31 * h + Boolean.hashCode(inForce);
        h = 31 * h + Objects.hashCode(explanation);
        return h;
    }

    @Override
    public String toString() {
        return "Campaign[policy=" + policy
                + ", since=" + since
                + ", inForce=" + inForce
                + ", explanation=" + explanation + "]";
    }
}
