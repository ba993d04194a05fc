package org.dsarules.model;

/** The form of the data that leaves the practice. Values as in {@code record-format.md}. */
public enum Identifiability {
    IDENTIFIABLE, PSEUDONYMISED, ANONYMISED_AGGREGATE
}
