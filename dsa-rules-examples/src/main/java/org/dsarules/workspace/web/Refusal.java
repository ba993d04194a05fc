package org.dsarules.workspace.web;

/** A request refused with a status and one sentence (401 without a session, 403 without the CSRF token, 404...). */
final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    Refusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
