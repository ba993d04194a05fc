package org.dsarules.facts;

import java.util.Objects;

/**
 * Something a rule records only so that the trace shows it: a fact of the agreement that matters to
 * an auditor even when no row uses it (the LMC's advice that a later row overrode, say).
 */
public record Note(String topic, String explanation) implements Finding {

    // equals, hashCode and toString are written out, with the meaning a record's generated ones have:
    // the generated ones are bootstrapped through java.lang.runtime.ObjectMethods, whose method-handle
    // caches keep this class, and so an application's class loader, reachable after it is dropped on
    // JDK 17 (JDK-8078641, fixed in 18). Drools compares and hashes the facts it is given.
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof Note that
                && Objects.equals(topic, that.topic)
                && Objects.equals(explanation, that.explanation);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(topic);
        h = 31 * h + Objects.hashCode(explanation);
        return h;
    }

    @Override
    public String toString() {
        return "Note[topic=" + topic + ", explanation=" + explanation + "]";
    }
}
