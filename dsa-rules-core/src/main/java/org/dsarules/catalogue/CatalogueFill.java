package org.dsarules.catalogue;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.ArrayList;
import org.dsarules.decision.CatalogueUse;
import org.dsarules.decision.Warning;
import org.dsarules.facts.FromCatalogue;
import org.dsarules.model.Agreement;

/**
 * What the catalogue did to one agreement: the agreement with the fields the register left not known
 * filled from the entry's facts, which fields were filled and from which sources, and the register
 * values that contradict the entry (kept, and reported). The register itself is never changed.
 *
 * <p>This is what the decision's {@code catalogue} member of {@code record-format.md} v1.2 carries:
 * {@code entry} is {@link #entryId()}, {@code checked} is {@link #checked()}, {@code filled} is
 * {@link #filled()} and {@code sources} is {@link #sources()}.
 *
 * @param agreement      the agreement to decide: the register's, with the filled fields
 * @param entry          the catalogue entry the agreement resolved to
 * @param checked        the day the filled facts were checked (the oldest of them), or the entry's day
 *                       when nothing was filled
 * @param sourcesByField for each filled field path, in the order of the register format, the addresses
 *                       of the fact that filled it
 * @param conflicts      the register values that contradict the entry, in the order of the format
 */
public record CatalogueFill(Agreement agreement, CatalogueEntry entry, LocalDate checked,
        Map<String, List<String>> sourcesByField, List<CatalogueConflict> conflicts) {

    public CatalogueFill {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(checked, "checked");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        sourcesByField.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        sourcesByField = Collections.unmodifiableMap(copy);
        conflicts = List.copyOf(conflicts);
    }

    /** The catalogue entry's id. */
    public String entryId() {
        return entry.id();
    }

    /** The paths of the fields filled from the catalogue ({@code legalRequirement.kind}, {@code parties[0].role}). */
    public List<String> filled() {
        return List.copyOf(sourcesByField.keySet());
    }

    /** The addresses of the facts that filled a field, each once, in field order; empty when nothing was filled. */
    public List<String> sources() {
        Set<String> out = new LinkedHashSet<>();
        sourcesByField.values().forEach(out::addAll);
        return List.copyOf(out);
    }

    /** Whether any field was filled. */
    public boolean changed() {
        return !sourcesByField.isEmpty();
    }

    /** The conflicts as {@code CATALOGUE_CONFLICT} decision warnings. */
    public List<Warning> warnings() {
        return conflicts.stream().map(CatalogueConflict::toWarning).toList();
    }

    /** What the decision carries: the entry, the day checked, the filled fields, their sources and the conflicts. */
    public CatalogueUse use() {
        return new CatalogueUse(entry.id(), entry.name(), checked, sourcesByField, conflicts.stream()
                .map(c -> new CatalogueUse.Conflict(c.field(), c.registerValue(),
                        c.catalogueValue(), c.sources()))
                .toList());
    }

    /**
     * One fact per filled field for the rules to match (so that the trace says where each came from), in
     * field order. A filled path inside a fact's field ({@code parties[0].role} from {@code parties}) takes
     * that fact's value and day.
     */
    public List<FromCatalogue> facts() {
        List<FromCatalogue> out = new ArrayList<>(sourcesByField.size());
        sourcesByField.forEach((path, sources) -> {
            CatalogueFact f = factOf(path);
            out.add(new FromCatalogue(path, f == null ? "" : f.valueText(), entry.id(), entry.name(),
                    f == null ? entry.checked() : f.checked(), sources));
        });
        return out;
    }

    private CatalogueFact factOf(String path) {
        for (CatalogueFact f : entry.facts()) {
            String field = f.field();
            if (path.equals(field) || path.startsWith(field + "[") || path.startsWith(field + ".")) {
                return f;
            }
        }
        return null;
    }
}
