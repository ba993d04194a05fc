package org.dsarules.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A register field that the register left not known and the catalogue of known programmes filled
 * ({@code record-format.md} v1.2): inserted by the engine beside the agreement, one per filled field, so
 * that a rule ({@code fact-from-catalogue} in the default rules) puts in the trace which facts came from
 * the catalogue and from where. The agreement the rules match already holds the filled value.
 *
 * @param field     the field path ({@code legalRequirement.kind}, {@code parties[0].role})
 * @param value     the catalogue's value for the field, as text
 * @param entry     the catalogue entry's id
 * @param programme the entry's name to show
 * @param checked   the day the fact's sources were checked
 * @param sources   the addresses of the pages that state it
 */
public record FromCatalogue(String field, String value, String entry, String programme, LocalDate checked,
        List<String> sources) {
    public FromCatalogue {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(checked, "checked");
        sources = List.copyOf(sources);
    }

    // equals, hashCode and toString are written out, with a record's meaning, as for every fact the engine
    // inserts: the generated ones would keep this class loader reachable on JDK 17 (JDK-8078641).
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof FromCatalogue that
                && field.equals(that.field)
                && value.equals(that.value)
                && entry.equals(that.entry)
                && programme.equals(that.programme)
                && checked.equals(that.checked)
                && sources.equals(that.sources);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + field.hashCode();
        h = 31 * h + value.hashCode();
        h = 31 * h + entry.hashCode();
        h = 31 * h + programme.hashCode();
        h = 31 * h + checked.hashCode();
        h = 31 * h + sources.hashCode();
        return h;
    }

    @Override
    public String toString() {
        return "FromCatalogue[field=" + field + ", value=" + value + ", entry=" + entry + ", programme=" + programme
                + ", checked=" + checked + ", sources=" + sources + "]";
    }

    /** The sources as one line: the addresses separated by spaces. */
    public String sourceText() {
        return String.join(" ", sources);
    }
}
