package org.dsarules.model;

/** What the ICB concluded; read only when its assessment was received. Values as in {@code record-format.md}. */
public enum IcbConclusion {
    NECESSARY_AND_LAWFUL, NOT_NECESSARY, LAWFULNESS_DOUBTFUL, INCOMPLETE, DECLINED
}
