package org.dsarules.decision;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the catalogue of known programmes did for one decision ({@code record-format.md} v1.2, "Known
 * programmes"): the entry the agreement resolved to, the day its facts were checked, the register fields
 * it filled and the addresses of the facts that filled them. The decision document writes it as the
 * decision's {@code catalogue} member ({@code entry}, {@code checked}, {@code filled}, {@code sources}).
 *
 * @param entry          the catalogue entry's id
 * @param name           the entry's name to show ("GPES Data for Pandemic Planning and Research"), for documents
 * @param checked        the day the filled facts were checked (the oldest of them), or the entry's day when
 *                       nothing was filled
 * @param sourcesByField for each filled field path, in the order of the register format, the addresses of the
 *                       fact that filled it; empty when the register already held every fact of the entry
 * @param conflicts      the register values that contradict the entry (kept, and warned about as
 *                       {@code CATALOGUE_CONFLICT}), in the order of the format
 */
public record CatalogueUse(String entry, String name, LocalDate checked, Map<String, List<String>> sourcesByField,
        List<Conflict> conflicts) {

    public CatalogueUse {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(checked, "checked");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        sourcesByField.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        sourcesByField = Collections.unmodifiableMap(copy);
        conflicts = List.copyOf(conflicts);
    }

    /**
     * A register value that contradicts the catalogue: the register's value decided.
     *
     * @param field          the field path
     * @param registerValue  the register's value, as text
     * @param catalogueValue the catalogue's value, as text
     * @param sources        the addresses that state the catalogue's value
     */
    public record Conflict(String field, String registerValue, String catalogueValue, List<String> sources) {
        public Conflict {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(registerValue, "registerValue");
            Objects.requireNonNull(catalogueValue, "catalogueValue");
            sources = List.copyOf(sources);
        }
    }

    /** The paths of the fields the catalogue filled, in the order of the format. */
    public List<String> filled() {
        return List.copyOf(sourcesByField.keySet());
    }

    /** The addresses of the facts that filled a field, each once, in field order. */
    public List<String> sources() {
        Set<String> out = new LinkedHashSet<>();
        sourcesByField.values().forEach(out::addAll);
        return List.copyOf(out);
    }

    /** The conflict about {@code field}, or null. */
    public Conflict conflict(String field) {
        for (Conflict c : conflicts) {
            if (c.field().equals(field)) {
                return c;
            }
        }
        return null;
    }
}
