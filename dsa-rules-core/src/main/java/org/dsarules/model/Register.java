package org.dsarules.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;

/**
 * A practice's register of agreements, already validated. {@code practice} is null for a register
 * read from a bare JSON array.
 *
 * @param practice    the practice block, or null
 * @param agreements  the agreements, in register order
 * @param ownColumns  the practice's own columns of a spreadsheet register (headed {@code #}, record-format.md
 *                    v1.2), by agreement id then column name (in header order), the cells as typed: never read
 *                    by the rules, carried unchanged into every spreadsheet register written from this one.
 *                    Empty for a register without such columns (and for every JSON register).
 */
public record Register(Practice practice, List<Agreement> agreements, Map<String, Map<String, String>> ownColumns) {
    public Register {
        agreements = List.copyOf(agreements);
        Map<String, Map<String, String>> own = new LinkedHashMap<>();
        if (ownColumns != null) {
            // copied keeping the order, which is the header's: Map.copyOf would lose it
            ownColumns.forEach((id, cells) -> own.put(id, Collections.unmodifiableMap(new LinkedHashMap<>(cells))));
        }
        ownColumns = Collections.unmodifiableMap(own);
    }

    /** A register without the practice's own columns. */
    public Register(Practice practice, List<Agreement> agreements) {
        this(practice, agreements, Map.of());
    }

    /** The practice's own columns' names, in the order they were first met ({@code # PM comments}); empty when none. */
    public List<String> ownColumnNames() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        ownColumns.values().forEach(cells -> names.addAll(cells.keySet()));
        return List.copyOf(names);
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
                && Objects.equals(agreements, that.agreements)
                && Objects.equals(ownColumns, that.ownColumns);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(practice);
        h = 31 * h + Objects.hashCode(agreements);
        h = 31 * h + Objects.hashCode(ownColumns);
        return h;
    }

    @Override
    public String toString() {
        return "Register[practice=" + practice + ", agreements=" + agreements + ", ownColumns=" + ownColumns + "]";
    }
}
