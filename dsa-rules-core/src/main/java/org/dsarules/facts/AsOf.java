package org.dsarules.facts;

import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The date an evaluation is made as of. The engine inserts it; rules compare dates with it
 * instead of using {@code date-effective}, which reads the system clock.
 */
public record AsOf(LocalDate date) {
    public AsOf {
        Objects.requireNonNull(date, "as-of date");
    }

    /** True when {@code day} is strictly before the as-of date: a duty that ends today still applies today. */
    public boolean hasPassed(LocalDate day) {
        return day != null && day.isBefore(date);
    }

    /** True on and after {@code isoDate} (YYYY-MM-DD): the start day itself is inside. */
    public boolean isOnOrAfter(String isoDate) {
        return !date.isBefore(PARSED.computeIfAbsent(isoDate, LocalDate::parse));
    }

    /** Rules pass the same few literal dates for every agreement: parse each once. */
    private static final ConcurrentHashMap<String, LocalDate> PARSED =
            new ConcurrentHashMap<>();

    @Override
    public String toString() {
        return date.toString();
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
        return o instanceof AsOf that
                && Objects.equals(date, that.date);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(date);
        return h;
    }
}
