package org.dsarules.model;

/** Where the practice's request for the ICB's assessment stands. Values as in {@code record-format.md}. */
public enum IcbStatus {
    NOT_REQUESTED, REQUESTED, RECEIVED
}
