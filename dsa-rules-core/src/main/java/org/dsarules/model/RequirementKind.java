package org.dsarules.model;

/** The kind of legal or contractual duty that compels sharing; {@code NONE} when it is known that none does. Values as in {@code record-format.md}. */
public enum RequirementKind {
    NONE, STATUTORY_DIRECTION, COPI_NOTICE, GP_CONTRACT, COURT_ORDER, OTHER_STATUTE
}
