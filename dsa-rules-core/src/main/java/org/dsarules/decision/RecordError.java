package org.dsarules.decision;

import java.util.Objects;

/**
 * A record that could not be decided.
 *
 * @param index   the record's 0-based position in the register's {@code agreements}
 * @param dsaId   its {@code id} where one could be read, else null
 * @param field   the path of the first bad field in document order (e.g. {@code parties[1].role}),
 *                or null when the record as a whole is wrong
 * @param code    what kind of problem the first one is: stable, for programs and tests to match
 * @param message what was wrong and what is allowed
 */
public record RecordError(int index, String dsaId, String field, ErrorCode code, String message) {
    public RecordError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
