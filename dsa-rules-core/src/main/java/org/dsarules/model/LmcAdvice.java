package org.dsarules.model;

/** What the Local Medical Committee advised; {@code NONE} means it gave no advice. Values as in {@code record-format.md}. */
public enum LmcAdvice {
    KEEP, WITHDRAW, NONE
}
