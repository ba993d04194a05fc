package org.dsarules.facts;

/** The agreement's purpose class. Exactly one per agreement in the default knowledge base. */
public record Purposes(PurposeClass value, String explanation) implements Finding {

    /** A "secondary" agreement: {@code SECONDARY_ONLY} or {@code MIXED}. */
    public boolean isSecondary() {
        return value == PurposeClass.SECONDARY_ONLY || value == PurposeClass.MIXED;
    }
}
