package org.dsarules.model;

/** Whether the agreement is a request not yet signed or one the practice has signed. Values as in {@code record-format.md}. */
public enum Status {
    NEW_REQUEST, EXISTING
}
