package org.dsarules.facts;

/** Whether a legal or contractual duty compels sharing (decision-policy.md step 1). */
public enum DutyStatus {
    /** {@code legalRequirement} absent, or without {@code kind}. */
    NOT_KNOWN,
    /** Known that none applies: kind {@code NONE}, or the duty expired. */
    NONE_KNOWN,
    /** A duty with a reference, not expired. */
    MANDATORY,
    /** A duty claimed without a reference, not expired. */
    CLAIMED_MANDATORY
}
