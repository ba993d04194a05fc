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

    /** The practice has not asked the ICB for its assessment. */
    public static IcbAssessment notRequested() {
        return new IcbAssessment(IcbStatus.NOT_REQUESTED, null, null, null);
    }

    /** The practice asked on {@code requestedOn} (null: date not known) and has no reply yet. */
    public static IcbAssessment requested(LocalDate requestedOn) {
        return new IcbAssessment(IcbStatus.REQUESTED, null, requestedOn, null);
    }

    /** The ICB replied with {@code conclusion}; either date may be null when not known. */
    public static IcbAssessment received(IcbConclusion conclusion, LocalDate requestedOn, LocalDate receivedOn) {
        return new IcbAssessment(IcbStatus.RECEIVED, conclusion, requestedOn, receivedOn);
    }
}
