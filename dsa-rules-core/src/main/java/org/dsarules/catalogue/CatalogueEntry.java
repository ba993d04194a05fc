package org.dsarules.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One known programme: its names, its public facts with their sources, the date they were checked, and
 * a note saying what was left unknown and why.
 *
 * @param id      a stable id, lower case words joined by {@code -} ({@code gdppr}, {@code gp-connect})
 * @param names   the programme's names, the first the one to show; every name (and the id) resolves to
 *                this entry through {@link ProgrammeKey}s
 * @param checked the day the entry was checked (a fact may carry a later day of its own)
 * @param note    plain English: what the programme is, and which facts were left unknown and why
 * @param facts   the facts, in the order of the register format, at most one per field
 * @param origin  the file or class path resource the entry was read from, for messages
 */
public record CatalogueEntry(String id, List<String> names, LocalDate checked, String note,
        List<CatalogueFact> facts, String origin) {

    public CatalogueEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(checked, "checked");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(origin, "origin");
        names = List.copyOf(names);
        List<CatalogueFact> sorted = new ArrayList<>(facts);
        sorted.sort((a, b) -> Integer.compare(CatalogueFact.FIELDS.indexOf(a.field()),
                CatalogueFact.FIELDS.indexOf(b.field())));
        facts = List.copyOf(sorted);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("entry " + id + " has no name");
        }
    }

    /** The name to show: the first of {@link #names()}. */
    public String name() {
        return names.get(0);
    }

    /** The entry's key: the key of its id, to which all its names resolve. */
    public ProgrammeKey key() {
        return ProgrammeKey.of(id);
    }

    /** The fact for {@code field}, if the entry has one. */
    public Optional<CatalogueFact> fact(String field) {
        return facts.stream().filter(f -> f.field().equals(field)).findFirst();
    }

    /** Every source address of the entry's facts, each once, in the order of the facts. */
    public List<String> sources() {
        Set<String> out = new LinkedHashSet<>();
        facts.forEach(f -> out.addAll(f.sources()));
        return List.copyOf(out);
    }
}
