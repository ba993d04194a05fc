package org.dsarules.model;

import java.time.LocalDate;

/**
 * The ICB's assessment of an agreement, asked for by the practice's letter.
 *
 * @param status     where the request stands
 * @param conclusion what the ICB concluded; counts only when {@code status} is {@link IcbStatus#RECEIVED}
 */
public record IcbAssessment(IcbStatus status, IcbConclusion conclusion, LocalDate requestedOn, LocalDate receivedOn) {

    /** The ICB's conclusion if its assessment was received, else null: an unreceived conclusion is never read. */
    public IcbConclusion receivedConclusion() {
        return status == IcbStatus.RECEIVED ? conclusion : null;
    }
}
