package org.dsarules.model;

import java.time.LocalDate;
import java.util.Objects;

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

    // equals, hashCode and toString are written out, with the meaning a record's generated ones have:
    // the generated ones are bootstrapped through java.lang.runtime.ObjectMethods, whose method-handle
    // caches keep this class, and so an application's class loader, reachable after it is dropped on
    // JDK 17 (JDK-8078641, fixed in 18). Drools compares and hashes the facts it is given.
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof IcbAssessment that
                && Objects.equals(status, that.status)
                && Objects.equals(conclusion, that.conclusion)
                && Objects.equals(requestedOn, that.requestedOn)
                && Objects.equals(receivedOn, that.receivedOn);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(status);
        h = 31 * h + Objects.hashCode(conclusion);
        h = 31 * h + Objects.hashCode(requestedOn);
        h = 31 * h + Objects.hashCode(receivedOn);
        return h;
    }

    @Override
    public String toString() {
        return "IcbAssessment[status=" + status
                + ", conclusion=" + conclusion
                + ", requestedOn=" + requestedOn
                + ", receivedOn=" + receivedOn + "]";
    }
}
