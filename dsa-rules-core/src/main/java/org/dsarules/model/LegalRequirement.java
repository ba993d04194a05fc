package org.dsarules.model;

import java.time.LocalDate;

/**
 * A legal or contractual duty that compels the practice to share.
 *
 * @param kind      the kind of duty; {@link RequirementKind#NONE} when it is known that none applies;
 *                  null when not stated (then the duty is not known)
 * @param reference the instrument (direction, notice, clause); blank counts as absent
 * @param expiresOn the last day on which the duty applies; null when it does not expire or is not known
 */
public record LegalRequirement(RequirementKind kind, String reference, LocalDate expiresOn) {
    public LegalRequirement {
        reference = Text.blankToNull(reference);
    }

    /** It is known that no duty compels sharing. */
    public static LegalRequirement none() {
        return new LegalRequirement(RequirementKind.NONE, null, null);
    }
}
