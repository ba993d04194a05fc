package org.dsarules.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.dsarules.model.Party;

/**
 * One public, fixed fact of a catalogue entry: a register field, its value, the addresses of the
 * published pages that state it, and the date they were checked.
 *
 * @param field   the register field, as a path of {@code record-format.md}: {@code purposes},
 *                {@code parties}, {@code practiceRole}, {@code legalRequirement.kind},
 *                {@code legalRequirement.reference}, {@code legalRequirement.expiresOn},
 *                {@code article6Bases}, {@code article9Conditions}, {@code commonLawBasis},
 *                {@code commonLawBasisExpires}, {@code identifiability},
 *                {@code nationalDataOptOutApplied}, {@code type1OptOutApplied} or {@code commercialAccess}
 * @param value   the value, typed as the {@link org.dsarules.model.Agreement} holds it: an enum, a
 *                {@code List} of enums or of {@link Party}, a {@code String}, a {@link LocalDate} or a
 *                {@code Boolean}; never null or empty
 * @param sources at least one {@code http(s)} address of a page that states the fact
 * @param checked the day the sources were checked for it
 */
public record CatalogueFact(String field, Object value, List<String> sources, LocalDate checked) {

    /** The fields a fact may fill, in the order of the register format. */
    public static final List<String> FIELDS = List.of(
            "practiceRole", "parties", "purposes", "legalRequirement.kind", "legalRequirement.reference",
            "legalRequirement.expiresOn", "article6Bases", "article9Conditions", "commonLawBasis",
            "commonLawBasisExpires", "identifiability", "nationalDataOptOutApplied", "type1OptOutApplied",
            "commercialAccess");

    public CatalogueFact {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(checked, "checked");
        sources = List.copyOf(sources);
        if (!FIELDS.contains(field)) {
            throw new IllegalArgumentException("not a field a catalogue fact may fill: " + field);
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("fact " + field + " has no source");
        }
        if (value instanceof List<?> l) {
            value = List.copyOf(l);
        }
    }

    /** The value as one line of text for people: list values joined with {@code ;} as a register cell holds them. */
    public String valueText() {
        return text(value);
    }

    static String text(Object v) {
        if (v == null) {
            return "not known";
        }
        if (v instanceof List<?> l) {
            return l.stream().map(CatalogueFact::text).collect(Collectors.joining("; "));
        }
        if (v instanceof Party p) {
            StringBuilder b = new StringBuilder(p.name());
            if (p.kind() != null || p.role() != null) {
                b.append(" (");
                b.append(p.kind() == null ? "kind not known" : p.kind().name());
                b.append(", ").append(p.role() == null ? "role not known" : p.role().name());
                b.append(')');
            }
            return b.toString();
        }
        return v instanceof Enum<?> e ? e.name() : v.toString();
    }
}
