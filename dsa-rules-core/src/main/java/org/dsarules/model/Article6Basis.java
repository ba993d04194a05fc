package org.dsarules.model;

/** A UK GDPR Art 6(1) lawful basis, by its letter. Values as in {@code record-format.md}. */
public enum Article6Basis {
    A, B, C, D, E, F
}
