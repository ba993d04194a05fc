package org.dsarules.decision;

import java.util.Objects;

/**
 * A record that could not be decided.
 *
 * @param index   the record's 0-based position in the register's {@code agreements}
 * @param dsaId   its {@code id} where one could be read, else null
 * @param field   the path of the first bad field in document order (e.g. {@code parties[1].role}),
 *                or null when the record as a whole is wrong
 * @param message what was wrong and what is allowed
 */
public record RecordError(int index, String dsaId, String field, String message) {
    public RecordError {
        Objects.requireNonNull(message, "message");
    }
}
