package org.dsarules.workspace;

/** A practice the actor may not see: answered as if it did not exist (404), and nothing is stored. */
public final class HiddenPracticeException extends WorkspaceException {
    public HiddenPracticeException(String odsCode) {
        super("There is no practice " + odsCode + " in this workspace that this account may change.");
    }
}
