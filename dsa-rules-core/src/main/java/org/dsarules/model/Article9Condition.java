package org.dsarules.model;

/** A UK GDPR Art 9(2) special-category condition, by its letter. Values as in {@code record-format.md}. */
public enum Article9Condition {
    A, B, C, D, E, F, G, H, I, J
}
