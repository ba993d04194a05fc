package org.dsarules.decision;

/** How much of the trace a decision carries. */
public enum TraceLevel {
    /** Every rule that fired, in order. */
    FULL,
    /** Only the decisive rule's step. */
    DECISIVE,
    /** No trace. */
    NONE
}
