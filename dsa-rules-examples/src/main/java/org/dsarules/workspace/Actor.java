package org.dsarules.workspace;

import java.util.Objects;

/**
 * Who acts: recorded with every change. The practice's workspace has one actor, {@link #LOCAL}, the
 * holder of the one-time token on the loopback; the LMC's workspace gives each account its own.
 *
 * @param id   stable, stored in the database's {@code who} columns
 * @param name as pages show it
 */
public record Actor(String id, String name) {
    /** The holder of the token printed by {@code dsa-audit serve}. */
    public static final Actor LOCAL = new Actor("local", "this computer's workspace user");

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
