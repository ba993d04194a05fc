package org.dsarules.facts;

import java.util.Objects;
import org.dsarules.model.CommonLawBasis;

/**
 * The effective common-law basis: the stated one, or {@code NONE_STATED} where it lapsed or is
 * contradicted. With a null value while {@code commonLawBasis} is not known. Several may be inserted for one
 * agreement when several reasons make it {@code NONE_STATED}; they agree on the value.
 */
public record ConfidentialityBasis(CommonLawBasis value, String explanation) implements Finding {

    // equals, hashCode and toString are written out, with the meaning a record's generated ones have:
    // the generated ones are bootstrapped through java.lang.runtime.ObjectMethods, whose method-handle
    // caches keep this class, and so an application's class loader, reachable after it is dropped on
    // JDK 17 (JDK-8078641, fixed in 18). Drools compares and hashes the facts it is given.
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof ConfidentialityBasis that
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
        return "ConfidentialityBasis[value=" + value + ", explanation=" + explanation + "]";
    }
}
