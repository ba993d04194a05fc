package org.dsarules.workspace.store;

/** The workspace database failed (a full disk, a file that is not a workspace): one sentence, the cause kept. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
