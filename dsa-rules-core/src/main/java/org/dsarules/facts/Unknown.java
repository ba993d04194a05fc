package org.dsarules.facts;

import java.util.Objects;

/**
 * Something the policy needs that the agreement does not say. Inserted by a rule, so that the
 * trace shows why a field is missing and {@code missing} comes from the same place.
 *
 * @param field    the field's name as record-format.md lists it, e.g. {@code dpiaProvided}
 * @param question the plain-English question for the ICB
 */
public record Unknown(String field, String question, String explanation) implements Finding {

    // equals, hashCode and toString are written out, with the meaning a record's generated ones have:
    // the generated ones are bootstrapped through java.lang.runtime.ObjectMethods, whose method-handle
    // caches keep this class, and so an application's class loader, reachable after it is dropped on
    // JDK 17 (JDK-8078641, fixed in 18). Drools compares and hashes the facts it is given.
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof Unknown that
                && Objects.equals(field, that.field)
                && Objects.equals(question, that.question)
                && Objects.equals(explanation, that.explanation);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(field);
        h = 31 * h + Objects.hashCode(question);
        h = 31 * h + Objects.hashCode(explanation);
        return h;
    }

    @Override
    public String toString() {
        return "Unknown[field=" + field + ", question=" + question + ", explanation=" + explanation + "]";
    }
}
