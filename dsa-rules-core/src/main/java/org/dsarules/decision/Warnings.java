package org.dsarules.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.model.Agreement;
import org.dsarules.model.IcbAssessment;
import org.dsarules.model.IcbStatus;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.Party;
import org.dsarules.model.Placeholders;

/**
 * Finds the entries of an agreement that contradict each other. The rules never read these
 * warnings: a decision is the same with or without them (an unreceived conclusion is already not
 * read, see {@link IcbAssessment#receivedConclusion()}).
 */
public final class Warnings {
    public static final String CONCLUSION_WITHOUT_RECEIVED = "CONCLUSION_WITHOUT_RECEIVED";
    public static final String RECEIVED_BEFORE_REQUESTED = "RECEIVED_BEFORE_REQUESTED";
    public static final String DATE_AFTER_AS_OF = "DATE_AFTER_AS_OF";
    /**
     * {@code legalRequirement.reference} or a party's {@code instructedBy} holds only a placeholder word
     * ({@link Placeholders}), which the rules read as not known (record-format.md v1.2): said, so that
     * nothing is reinterpreted silently.
     */
    public static final String PLACEHOLDER_AS_UNKNOWN = "PLACEHOLDER_AS_UNKNOWN";

    private Warnings() {
    }

    /** The warnings for {@code a} as of {@code asOf}, in field order; empty when nothing contradicts. */
    public static List<Warning> of(Agreement a, LocalDate asOf) {
        List<Warning> out = new ArrayList<>(0);
        // Only dates of things that must already have happened: a review due or a duty expiring after
        // the as-of date is normal, a signature or an ICB letter dated after it is a typing error.
        future(out, "signedOn", a.signedOn(), asOf);
        // The two text fields the rules read (decision-policy.md v1.2): the model keeps the word as typed,
        // so the register written back is the practice's own, and every entry point (JSON, spreadsheet,
        // an agreement built in Java) gets the same warning from here.
        List<Party> parties = a.partyList();
        for (int i = 0; i < parties.size(); i++) {
            placeholder(out, "parties[" + i + "].instructedBy", parties.get(i).instructedBy());
        }
        LegalRequirement duty = a.legalRequirement();
        if (duty != null) {
            placeholder(out, "legalRequirement.reference", duty.reference());
        }
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

    private static void placeholder(List<Warning> out, String field, String value) {
        if (Placeholders.isPlaceholder(value)) {
            out.add(new Warning(PLACEHOLDER_AS_UNKNOWN, field, field + " \"" + value.strip()
                    + "\" is a placeholder word, not a value: it was read as not known"));
        }
    }

    private static void future(List<Warning> out, String field, LocalDate date, LocalDate asOf) {
        if (date != null && date.isAfter(asOf)) {
            out.add(new Warning(DATE_AFTER_AS_OF, field,
                    field + " " + date + " is after the as-of date " + asOf + ": it has not happened yet"));
        }
    }
}
