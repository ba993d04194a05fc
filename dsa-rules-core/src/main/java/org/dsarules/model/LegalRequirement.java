package org.dsarules.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A legal or contractual duty that compels the practice to share.
 *
 * @param kind      the kind of duty; {@link RequirementKind#NONE} when it is known that none applies;
 *                  null when not stated (then the duty is not known)
 * @param reference the instrument (direction, notice, clause); blank counts as absent, and so
 *                  (decision-policy.md v1.2) does a placeholder word ({@link Placeholders}): it is
 *                  kept as typed, and {@link #hasReference()} says whether one is known
 * @param expiresOn the last day on which the duty applies; null when it does not expire or is not known
 */
public record LegalRequirement(RequirementKind kind, String reference, LocalDate expiresOn) {
    public LegalRequirement {
        reference = Text.blankToNull(reference);
    }

    /**
     * Whether the instrument is known: a {@code reference} that is present and not only a placeholder
     * word such as {@code TBC} (decision-policy.md v1.2: "reference TBC" is a claim without evidence).
     */
    public boolean hasReference() {
        return reference != null && !Placeholders.isPlaceholder(reference);
    }

    /**
     * Whether the duty's kind is a law rather than a contract: {@code STATUTORY_DIRECTION},
     * {@code COPI_NOTICE}, {@code COURT_ORDER} or {@code OTHER_STATUTE} (decision-policy.md v1.2,
     * {@code MANDATORY_BY_LAW} is a {@code MANDATORY} duty of such a kind).
     */
    public boolean isKindALaw() {
        return kind == RequirementKind.STATUTORY_DIRECTION || kind == RequirementKind.COPI_NOTICE
                || kind == RequirementKind.COURT_ORDER || kind == RequirementKind.OTHER_STATUTE;
    }

    /** It is known that no duty compels sharing. */
    public static LegalRequirement none() {
        return new LegalRequirement(RequirementKind.NONE, null, null);
    }

    /** A duty of {@code kind} under {@code reference} (a direction, notice or clause), with no known expiry. */
    public static LegalRequirement of(RequirementKind kind, String reference) {
        return new LegalRequirement(kind, reference, null);
    }

    /** This duty, applying up to and including {@code lastDay} (null: does not expire, or not known). */
    public LegalRequirement withExpiresOn(LocalDate lastDay) {
        return new LegalRequirement(kind, reference, lastDay);
    }

    // equals, hashCode and toString are written out, with the meaning a record's generated ones have:
    // the generated ones are bootstrapped through java.lang.runtime.ObjectMethods, whose method-handle
    // caches keep this class, and so an application's class loader, reachable after it is dropped on
    // JDK 17 (JDK-8078641, fixed in 18). Drools compares and hashes the facts it is given.
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof LegalRequirement that
                && Objects.equals(kind, that.kind)
                && Objects.equals(reference, that.reference)
                && Objects.equals(expiresOn, that.expiresOn);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(kind);
        h = 31 * h + Objects.hashCode(reference);
        h = 31 * h + Objects.hashCode(expiresOn);
        return h;
    }

    @Override
    public String toString() {
        return "LegalRequirement[kind=" + kind
                + ", reference=" + reference
                + ", expiresOn=" + expiresOn + "]";
    }
}
