package org.dsarules.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.model.Agreement;
import org.dsarules.model.IcbAssessment;
import org.dsarules.model.IcbStatus;

/**
 * Finds the entries of an agreement that contradict each other. The rules never read these
 * warnings: a decision is the same with or without them (an unreceived conclusion is already not
 * read, see {@link IcbAssessment#receivedConclusion()}).
 */
public final class Warnings {
    public static final String CONCLUSION_WITHOUT_RECEIVED = "CONCLUSION_WITHOUT_RECEIVED";
    public static final String RECEIVED_BEFORE_REQUESTED = "RECEIVED_BEFORE_REQUESTED";
    public static final String DATE_AFTER_AS_OF = "DATE_AFTER_AS_OF";

    private Warnings() {
    }

    /** The warnings for {@code a} as of {@code asOf}, in field order; empty when nothing contradicts. */
    public static List<Warning> of(Agreement a, LocalDate asOf) {
        List<Warning> out = new ArrayList<>(0);
        // Only dates of things that must already have happened: a review due or a duty expiring after
        // the as-of date is normal, a signature or an ICB letter dated after it is a typing error.
        future(out, "signedOn", a.signedOn(), asOf);
        IcbAssessment icb = a.icbAssessment();
        if (icb != null) {
            if (icb.conclusion() != null && icb.status() != IcbStatus.RECEIVED) {
                out.add(new Warning(CONCLUSION_WITHOUT_RECEIVED, "icbAssessment.conclusion",
                        "icbAssessment.conclusion is " + icb.conclusion() + " but icbAssessment.status is "
                                + (icb.status() == null ? "not given" : icb.status())
                                + ", not RECEIVED: the conclusion is not read until the status says RECEIVED"));
            }
            if (icb.requestedOn() != null && icb.receivedOn() != null && icb.receivedOn().isBefore(icb.requestedOn())) {
                out.add(new Warning(RECEIVED_BEFORE_REQUESTED, "icbAssessment.receivedOn",
                        "icbAssessment.receivedOn " + icb.receivedOn() + " is before icbAssessment.requestedOn "
                                + icb.requestedOn() + ": the reply cannot come before the request"));
            }
            future(out, "icbAssessment.requestedOn", icb.requestedOn(), asOf);
            future(out, "icbAssessment.receivedOn", icb.receivedOn(), asOf);
        }
        return out;
    }

    /** The decision with the agreement's title and its warnings as of {@code asOf}. */
    public static Decision annotate(Decision d, Agreement a, LocalDate asOf) {
        return d.withTitleAndWarnings(a.title(), of(a, asOf));
    }

    private static void future(List<Warning> out, String field, LocalDate date, LocalDate asOf) {
        if (date != null && date.isAfter(asOf)) {
            out.add(new Warning(DATE_AFTER_AS_OF, field,
                    field + " " + date + " is after the as-of date " + asOf + ": it has not happened yet"));
        }
    }
}
