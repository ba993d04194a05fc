package org.dsarules.workspace.accounts;

import java.time.Instant;
import org.dsarules.workspace.Actor;

/**
 * An account as its events leave it.
 *
 * @param odsCode  the practice a practice manager sees; null for an LMC officer
 * @param disabled whether its newest enable/disable event disabled it
 */
public record Account(long id, String name, Role role, String odsCode, boolean disabled, Instant created, String createdBy,
        Instant lastSignIn) {
    /** The actor recorded in every {@code who} column for what this account does: its name. */
    public Actor actor() {
        return new Actor(name, name + " (" + role.words + (odsCode == null ? "" : ", " + odsCode) + ")");
    }

    /** Whether this account may see and change the practice with this ODS code. */
    public boolean mayAccess(String ods) {
        return !disabled && (role == Role.LMC_OFFICER || odsCode.equals(ods));
    }
}
