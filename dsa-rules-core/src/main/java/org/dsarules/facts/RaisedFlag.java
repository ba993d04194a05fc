package org.dsarules.facts;

import java.util.Objects;

/**
 * A red flag found in the agreement. Several rules may raise the same id for different reasons;
 * the decision lists each id once.
 *
 * <p>Named {@code RaisedFlag}, not {@code RedFlag}: Drools resolves the rule metadata key
 * {@code @redFlag} as a type named {@code RedFlag}, and a fact class of that name can then not be
 * used in a pattern.
 *
 * @param id    the red flag's id, e.g. {@code RF-COMMERCIAL}
 * @param basis whether it rests on the law or the campaign
 */
public record RaisedFlag(String id, Basis basis, String explanation) implements Finding {

    // equals, hashCode and toString are written out, with the meaning a record's generated ones have:
    // the generated ones are bootstrapped through java.lang.runtime.ObjectMethods, whose method-handle
    // caches keep this class, and so an application's class loader, reachable after it is dropped on
    // JDK 17 (JDK-8078641, fixed in 18). Drools compares and hashes the facts it is given.
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof RaisedFlag that
                && Objects.equals(id, that.id)
                && Objects.equals(basis, that.basis)
                && Objects.equals(explanation, that.explanation);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(id);
        h = 31 * h + Objects.hashCode(basis);
        h = 31 * h + Objects.hashCode(explanation);
        return h;
    }

    @Override
    public String toString() {
        return "RaisedFlag[id=" + id + ", basis=" + basis + ", explanation=" + explanation + "]";
    }
}
