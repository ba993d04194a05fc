package org.dsarules.decision;

/**
 * What the practice should do with an agreement. For an existing agreement KEEP means stay in it and
 * WITHDRAW means give notice; for a new request KEEP means it may (or, under a duty, must) sign and
 * WITHDRAW means do not sign.
 */
public enum Outcome {
    KEEP,
    WITHDRAW,
    REFER_TO_BMA,
    ASK_ICB_FOR_INFORMATION
}
