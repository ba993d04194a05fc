package org.dsarules.decision;

import java.util.Objects;
import org.dsarules.model.Agreement;

/**
 * A decision with the agreement it was made for, as an audit hands them on: documents show the
 * agreement (title, parties, notes) beside its decision without looking it up again by id.
 *
 * @param agreement the agreement as read from the register
 * @param decision  its decision
 */
public record Decided(Agreement agreement, Decision decision) {
    public Decided {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(decision, "decision");
    }
}
