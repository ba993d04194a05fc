package org.dsarules.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.dsarules.decision.Warning;

/**
 * A register value that contradicts a catalogue fact ({@code record-format.md} v1.2): the register's
 * value is kept, and this is reported beside the decision as a {@code CATALOGUE_CONFLICT} warning.
 *
 * @param entry          the catalogue entry's id
 * @param field          the field path ({@code legalRequirement.kind}, {@code parties[1].role})
 * @param registerValue  the register's value, as text
 * @param catalogueValue the catalogue's value, as text
 * @param sources        the addresses that state the catalogue's value
 * @param checked        the day they were checked
 */
public record CatalogueConflict(String entry, String field, String registerValue, String catalogueValue,
        List<String> sources, LocalDate checked) {

    /** The warning code of {@code record-format.md} v1.2. */
    public static final String CODE = "CATALOGUE_CONFLICT";

    public CatalogueConflict {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(registerValue, "registerValue");
        Objects.requireNonNull(catalogueValue, "catalogueValue");
        Objects.requireNonNull(checked, "checked");
        sources = List.copyOf(sources);
    }

    /** One plain sentence with both values and the source. */
    public String message() {
        return field + " is " + registerValue + " in the register but " + catalogueValue
                + " in the catalogue of known programmes (entry " + entry + ", checked " + checked + ", "
                + (sources.size() == 1 ? "source " : "sources ") + String.join(" ", sources)
                + "): the register's value is kept; check which is right";
    }

    /** This conflict as a decision warning. */
    public Warning toWarning() {
        return new Warning(CODE, field, message());
    }
}
