package org.dsarules.facts;

/** The purpose classes of decision-policy.md step 1. */
public enum PurposeClass {
    DIRECT_CARE_ONLY,
    SECONDARY_ONLY,
    MIXED,
    UNKNOWN
}
