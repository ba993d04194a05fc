package org.dsarules.facts;

/** What a red flag rests on: the law, or the campaign's own criteria (which count only while it is in force). */
public enum Basis {
    LAW,
    CAMPAIGN
}
