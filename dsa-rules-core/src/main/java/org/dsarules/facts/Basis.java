package org.dsarules.facts;

/**
 * What a red flag rests on (decision-policy.md step 2). The outcome rows that read red flags match
 * {@link #LAW} and {@link #CAMPAIGN} by name, so a basis they do not name counts in no row.
 */
public enum Basis {
    /** The law: counts in every row that reads red flags. */
    LAW,
    /** The campaign's own criteria: counts only while the campaign is in force. */
    CAMPAIGN,
    /**
     * v1.2: an LMC's local marker, raised only by a local rule (an overlay), never by the default rules.
     * It is listed in the decision's {@code redFlags} and its rule may add a question for the ICB (an
     * {@link IcbQuestion}), but it counts as a red flag in no outcome row: it informs without withdrawing.
     */
    ADVISORY
}
