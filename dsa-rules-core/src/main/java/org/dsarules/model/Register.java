package org.dsarules.model;

import java.util.List;

/**
 * A practice's register of agreements, already validated. {@code practice} is null for a register
 * read from a bare JSON array.
 */
public record Register(Practice practice, List<Agreement> agreements) {
    public Register {
        agreements = List.copyOf(agreements);
    }
}
