-- The LMC's workspace: accounts, their roles and every sign-in.
--
-- Append-only like every table of V1: an account's state is derived from its events, never updated in
-- place. Its password is its newest PASSWORD event's hash; it is disabled when its newest ENABLED or
-- DISABLED event is DISABLED; a lock-out is derived from the sign_in rows (docs/workspace.md: 20
-- failures since the last success or the last lock lock the account for 15 minutes), so nothing about a
-- lock is ever written or cleared.
--
-- Passwords are stored only as Argon2id hashes in the PHC string format
-- ($argon2id$v=19$m=19456,t=2,p=1$SALT$HASH): the parameters and the salt travel with each hash, so the
-- parameters can be raised later without breaking the accounts made before.

CREATE TABLE account (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    role         TEXT NOT NULL CHECK (role IN ('LMC_OFFICER', 'PRACTICE_MANAGER')),
    -- The one practice a practice manager sees; null for an LMC officer.
    ods_code     TEXT,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    CHECK ((role = 'PRACTICE_MANAGER') = (ods_code IS NOT NULL))
);

-- What happened to an account after it was made: its password set, disabled or enabled again.
CREATE TABLE account_event (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES account(id),
    kind         TEXT NOT NULL CHECK (kind IN ('PASSWORD', 'DISABLED', 'ENABLED')),
    -- The PHC string of an Argon2id hash for PASSWORD; null otherwise.
    password_hash TEXT,
    comment      TEXT,
    at           TEXT NOT NULL,
    who          TEXT NOT NULL,
    CHECK ((kind = 'PASSWORD') = (password_hash IS NOT NULL))
);
CREATE INDEX account_event_by_account ON account_event (account_id, id);

-- Every sign-in attempt: the name given (an account or not), the client's address, and what came of it.
-- SUCCESS, FAILURE (wrong name or password), LOCKED (refused unread: the account or the address is
-- locked), DISABLED (the account is disabled).
CREATE TABLE sign_in (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER REFERENCES account(id),
    name         TEXT NOT NULL,
    address      TEXT NOT NULL,
    outcome      TEXT NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'LOCKED', 'DISABLED')),
    at           TEXT NOT NULL
);
CREATE INDEX sign_in_by_account ON sign_in (account_id, id);
CREATE INDEX sign_in_by_address ON sign_in (address, at);

CREATE TRIGGER account_no_update BEFORE UPDATE ON account BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER account_no_delete BEFORE DELETE ON account BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER account_event_no_update BEFORE UPDATE ON account_event BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER account_event_no_delete BEFORE DELETE ON account_event BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER sign_in_no_update BEFORE UPDATE ON sign_in BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER sign_in_no_delete BEFORE DELETE ON sign_in BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
