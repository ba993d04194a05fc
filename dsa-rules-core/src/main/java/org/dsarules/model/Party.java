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
 *                           instructions it acts on; blank counts as absent, and so (decision-policy.md
 *                           v1.2) does a placeholder word ({@link Placeholders}): it is kept as typed,
 *                           and {@link #isInstructedByKnown()} says whether it is known
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

    /**
     * Whether {@code instructedBy} is known: present and not only a placeholder word such as
     * {@code Unknown} or {@code TBC} (decision-policy.md v1.2: "instructed by Unknown" is not known,
     * never someone other than the practice).
     */
    public boolean isInstructedByKnown() {
        return instructedBy != null && !Placeholders.isPlaceholder(instructedBy);
    }

    /**
     * A record operator (decision-policy.md v1.2): a party of kind {@code NHS_ENGLAND} or {@code ICB}
     * with role {@code CONTROLLER} or {@code JOINT_CONTROLLER}. In a direct-care agreement, the NHS body
     * that runs a national or shared care record for the care team (NHS England for the Summary Care
     * Record or GP Connect; an ICB as a joint controller of a shared care record).
     */
    public boolean isRecordOperator() {
        return (kind == PartyKind.NHS_ENGLAND || kind == PartyKind.ICB)
                && (role == PartyRole.CONTROLLER || role == PartyRole.JOINT_CONTROLLER);
    }

    /** Whether this party's name is {@code other}, ignoring case and surrounding white space. */
    public boolean isNamed(String other) {
        return Text.sameName(name, other);
    }

    /** Whether {@code instructedBy} names the practice itself. */
    public boolean isInstructedByPractice() {
        return Text.sameName(instructedBy, PRACTICE);
    }

    /**
     * A party of {@code kind} with {@code role}; who instructs it and whether it provides direct care are
     * not known (set them with {@link #withInstructedBy(String)} and {@link #withDirectCareProvider(boolean)}).
     *
     * @throws NullPointerException when {@code name} is null
     * @throws IllegalArgumentException when {@code name} is blank
     */
    public static Party of(String name, PartyKind kind, PartyRole role) {
        return new Party(name, kind, role, null, null);
    }

    /** A processor acting on the instructions of {@code instructedBy} ({@link #PRACTICE} or a party's name). */
    public static Party processor(String name, PartyKind kind, String instructedBy) {
        return new Party(name, kind, PartyRole.PROCESSOR, instructedBy, null);
    }

    /** This party, instructed by {@code by} ({@link #PRACTICE} or a party's name; null for not known). */
    public Party withInstructedBy(String by) {
        return new Party(name, kind, role, by, directCareProvider);
    }

    /** This party, known to provide (or not to provide) direct care to the practice's patients. */
    public Party withDirectCareProvider(boolean provides) {
        return new Party(name, kind, role, instructedBy, provides);
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
        return o instanceof Party that
                && Objects.equals(name, that.name)
                && Objects.equals(kind, that.kind)
                && Objects.equals(role, that.role)
                && Objects.equals(instructedBy, that.instructedBy)
                && Objects.equals(directCareProvider, that.directCareProvider);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(name);
        h = 31 * h + Objects.hashCode(kind);
        h = 31 * h + Objects.hashCode(role);
        h = 31 * h + Objects.hashCode(instructedBy);
        h = 31 * h + Objects.hashCode(directCareProvider);
        return h;
    }

    @Override
    public String toString() {
        return "Party[name=" + name
                + ", kind=" + kind
                + ", role=" + role
                + ", instructedBy=" + instructedBy
                + ", directCareProvider=" + directCareProvider + "]";
    }
}
