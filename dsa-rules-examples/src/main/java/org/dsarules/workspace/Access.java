package org.dsarules.workspace;

/**
 * Which practices an actor may see and change. Every page and API route asks it, and a practice the
 * actor may not see answers 404 as if it did not exist. The practice's workspace lets its one actor see
 * every practice in it; accounts and roles (an LMC officer, a practice manager) implement this anew.
 */
@FunctionalInterface
public interface Access {
    /** Whether {@code actor} may see and change the practice with this ODS code. */
    boolean mayAccess(Actor actor, String odsCode);

    /** Every actor sees every practice of the workspace: the loopback workspace with its one token. */
    Access EVERYTHING = (actor, odsCode) -> true;
}
