package org.dsarules.facts;

/**
 * A fact that a rule inserts. Its explanation, in plain English, becomes the explanation of the
 * rule's step in the trace, so the words an auditor reads are written in the DRL beside the
 * condition that produced them.
 */
public interface Finding {
    /** What the rule found, in one plain-English sentence. */
    String explanation();
}
