package org.dsarules.model;

import java.util.Objects;

/**
 * An organisation named in an agreement, other than the practice itself. Every field but
 * {@code name} may be null, meaning not known.
 *
 * @param name               required, non-blank
 * @param kind               what kind of organisation it is
 * @param role               the GDPR role the agreement gives it
 * @param instructedBy       for a processor: {@code PRACTICE} or the name of the party whose
 *                           instructions it acts on; blank counts as absent
 * @param directCareProvider whether it provides direct care to the practice's patients
 */
public record Party(String name, PartyKind kind, PartyRole role, String instructedBy, Boolean directCareProvider) {

    /** The word {@code instructedBy} uses for the practice itself. */
    public static final String PRACTICE = "PRACTICE";

    public Party {
        Objects.requireNonNull(name, "party name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("party name is blank");
        }
        instructedBy = Text.blankToNull(instructedBy);
    }

    /** A controller, joint controller or recipient: a party the data is shared with. */
    public boolean isSharingParty() {
        return role == PartyRole.CONTROLLER || role == PartyRole.JOINT_CONTROLLER || role == PartyRole.RECIPIENT;
    }

    /** A processor or sub-processor: acts on someone's instructions. */
    public boolean isProcessor() {
        return role == PartyRole.PROCESSOR || role == PartyRole.SUB_PROCESSOR;
    }

    /** Whether this party's name is {@code other}, ignoring case and surrounding white space. */
    public boolean isNamed(String other) {
        return Text.sameName(name, other);
    }

    /** Whether {@code instructedBy} names the practice itself. */
    public boolean isInstructedByPractice() {
        return Text.sameName(instructedBy, PRACTICE);
    }
}
