package org.dsarules.workspace.accounts;

import java.time.Instant;

/** What came of a sign-in: the account, or a refusal whose message never says which of name or password was wrong. */
public sealed interface SignIn {
    record Success(Account account) implements SignIn {
    }

    record Refused(String message) implements SignIn {
    }

    /** Too many failures for this name or from this address: nothing is checked until {@code until}. */
    record Locked(Instant until, String message) implements SignIn {
    }
}
