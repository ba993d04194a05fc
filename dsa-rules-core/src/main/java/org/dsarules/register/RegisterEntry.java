package org.dsarules.register;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsarules.decision.Warning;

import java.util.Objects;
import org.dsarules.decision.RecordError;
import org.dsarules.model.Agreement;

/**
 * One record of a register as read: a valid {@link Agreement}, or the {@link RecordError} that says
 * why the record cannot be decided. Every record of the input gives exactly one entry, in input order.
 */
public sealed interface RegisterEntry permits RegisterEntry.Valid, RegisterEntry.Invalid {

    /** The record's 0-based position in the register's {@code agreements}. */
    int index();

    /**
     * A record that passed validation.
     *
     * @param index      its 0-based position in the register
     * @param agreement  the agreement it describes
     * @param warnings   what reading it reinterpreted, for its decision (a placeholder word in a spreadsheet
     *                   cell read as not known, record-format.md v1.2): the engine adds them to the decision's
     *                   warnings, before the agreement's own; empty for most records
     * @param ownColumns the practice's own cells of a spreadsheet row (columns headed {@code #}), by column
     *                   name in header order; empty when none
     */
    record Valid(int index, Agreement agreement, List<Warning> warnings, Map<String, String> ownColumns)
            implements RegisterEntry {
        public Valid {
            Objects.requireNonNull(agreement, "agreement");
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
            ownColumns = ownColumns == null || ownColumns.isEmpty() ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(ownColumns));
        }

        /** A record read with nothing to say about its reading. */
        public Valid(int index, Agreement agreement) {
            this(index, agreement, List.of(), Map.of());
        }
    }

    /**
     * A record in error: it is not decided, the others still are.
     *
     * @param error what is wrong with it; its {@code index} is the record's position
     */
    record Invalid(RecordError error) implements RegisterEntry {
        public Invalid {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public int index() {
            return error.index();
        }
    }
}
