package org.dsarules.register;

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
     * @param index     its 0-based position in the register
     * @param agreement the agreement it describes
     */
    record Valid(int index, Agreement agreement) implements RegisterEntry {
        public Valid {
            Objects.requireNonNull(agreement, "agreement");
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
