package org.dsarules.workspace;

/** What the user asked cannot be done, in one sentence that says why (shown as it is, on a page or in the API). */
public class WorkspaceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
