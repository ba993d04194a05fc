-- The practice's workspace (dsa-audit serve): one SQLite file per workspace directory.
--
-- Nothing is overwritten: every table below is append-only (the triggers at the end refuse UPDATE and
-- DELETE), so the history is the record. The current state is always derived: a practice's current
-- register is its newest register version; an agreement's current facts are its newest revision in it;
-- a letter's sent date is its newest sent mark.
--
-- "who" columns hold the actor's id as the workspace names it ('local' for the one-time token's session
-- on the loopback); the accounts of the LMC workspace will add an account table and keep these columns.

CREATE TABLE practice (
    id          INTEGER PRIMARY KEY,
    ods_code    TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
);

-- One agreement's facts at one time, as the register format's JSON object (record-format.md), exactly
-- as the library's register writer wrote it; revision counts from 1 per practice and agreement id.
CREATE TABLE agreement_revision (
    id          INTEGER PRIMARY KEY,
    practice_id INTEGER NOT NULL REFERENCES practice(id),
    dsa_id      TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    json        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    UNIQUE (practice_id, dsa_id, revision)
);

-- A register as it stood: made by an import (the file as read) or an edit (the version before with
-- one agreement's new revision). number counts from 1 per practice.
CREATE TABLE register_version (
    id            INTEGER PRIMARY KEY,
    practice_id   INTEGER NOT NULL REFERENCES practice(id),
    number        INTEGER NOT NULL,
    practice_json TEXT,
    kind          TEXT NOT NULL CHECK (kind IN ('IMPORT', 'EDIT')),
    source        TEXT NOT NULL,
    comment       TEXT,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    UNIQUE (practice_id, number)
);

CREATE TABLE register_version_agreement (
    version_id  INTEGER NOT NULL REFERENCES register_version(id),
    position    INTEGER NOT NULL,
    revision_id INTEGER NOT NULL REFERENCES agreement_revision(id),
    PRIMARY KEY (version_id, position)
);

-- An import's row-by-row report: every record of the file, read or refused with the reader's message.
CREATE TABLE import (
    id          INTEGER PRIMARY KEY,
    practice_id INTEGER NOT NULL REFERENCES practice(id),
    version_id  INTEGER NOT NULL REFERENCES register_version(id),
    file_name   TEXT NOT NULL,
    format      TEXT NOT NULL,
    records     INTEGER NOT NULL,
    read_ok     INTEGER NOT NULL,
    refused     INTEGER NOT NULL,
    report_json TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
);

-- Every change to an agreement: field is a path of the register format (legalRequirement.kind,
-- parties[1].role), or 'agreement' for an agreement added to or gone from the register; values are in
-- the register's cell syntax, null for not known.
CREATE TABLE change (
    id          INTEGER PRIMARY KEY,
    practice_id INTEGER NOT NULL REFERENCES practice(id),
    version_id  INTEGER NOT NULL REFERENCES register_version(id),
    dsa_id      TEXT NOT NULL,
    revision_id INTEGER REFERENCES agreement_revision(id),
    field       TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    source      TEXT NOT NULL,
    comment     TEXT,
    at          TEXT NOT NULL,
    who         TEXT NOT NULL
);
CREATE INDEX change_by_agreement ON change (practice_id, dsa_id);

-- The campaign's documents and what happened to them (used by the documents pages).
CREATE TABLE letter (
    id           INTEGER PRIMARY KEY,
    practice_id  INTEGER NOT NULL REFERENCES practice(id),
    version_id   INTEGER NOT NULL REFERENCES register_version(id),
    kind         TEXT NOT NULL,
    recipient    TEXT,
    content_type TEXT NOT NULL,
    body         BLOB NOT NULL,
    as_of        TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL
);
CREATE TABLE letter_agreement (
    letter_id INTEGER NOT NULL REFERENCES letter(id),
    dsa_id    TEXT NOT NULL,
    PRIMARY KEY (letter_id, dsa_id)
);
-- A letter marked as sent on a date; a later mark corrects an earlier one (the newest counts).
CREATE TABLE letter_sent (
    id          INTEGER PRIMARY KEY,
    letter_id   INTEGER NOT NULL REFERENCES letter(id),
    sent_on     TEXT NOT NULL,
    comment     TEXT,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE TABLE notice (
    id           INTEGER PRIMARY KEY,
    practice_id  INTEGER NOT NULL REFERENCES practice(id),
    dsa_id       TEXT NOT NULL,
    recipient    TEXT NOT NULL,
    given_on     TEXT NOT NULL,
    effective_on TEXT,
    letter_id    INTEGER REFERENCES letter(id),
    comment      TEXT,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL
);
CREATE TABLE referral (
    id          INTEGER PRIMARY KEY,
    practice_id INTEGER NOT NULL REFERENCES practice(id),
    dsa_id      TEXT NOT NULL,
    referred_on TEXT NOT NULL,
    letter_id   INTEGER REFERENCES letter(id),
    reply       TEXT,
    comment     TEXT,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
-- One answered row of an ICB questionnaire, applied (version_id) or refused (refused, the reason).
CREATE TABLE icb_answer (
    id          INTEGER PRIMARY KEY,
    practice_id INTEGER NOT NULL REFERENCES practice(id),
    dsa_id      TEXT,
    programme   TEXT,
    field       TEXT NOT NULL,
    answer      TEXT,
    comment     TEXT,
    received_on TEXT,
    version_id  INTEGER REFERENCES register_version(id),
    refused     TEXT,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
-- The LMC's advice, for one agreement or for a programme across practices (practice_id null).
CREATE TABLE lmc_advice (
    id          INTEGER PRIMARY KEY,
    practice_id INTEGER REFERENCES practice(id),
    dsa_id      TEXT,
    programme   TEXT,
    advice      TEXT NOT NULL CHECK (advice IN ('KEEP', 'WITHDRAW', 'NONE')),
    given_on    TEXT NOT NULL,
    comment     TEXT,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);

-- Append-only: history is the record.
CREATE TRIGGER practice_no_update BEFORE UPDATE ON practice BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER practice_no_delete BEFORE DELETE ON practice BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER agreement_revision_no_update BEFORE UPDATE ON agreement_revision BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER agreement_revision_no_delete BEFORE DELETE ON agreement_revision BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER register_version_no_update BEFORE UPDATE ON register_version BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER register_version_no_delete BEFORE DELETE ON register_version BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER register_version_agreement_no_update BEFORE UPDATE ON register_version_agreement BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER register_version_agreement_no_delete BEFORE DELETE ON register_version_agreement BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER import_no_update BEFORE UPDATE ON import BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER import_no_delete BEFORE DELETE ON import BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER change_no_update BEFORE UPDATE ON change BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER change_no_delete BEFORE DELETE ON change BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER letter_no_update BEFORE UPDATE ON letter BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER letter_no_delete BEFORE DELETE ON letter BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER letter_sent_no_update BEFORE UPDATE ON letter_sent BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER letter_sent_no_delete BEFORE DELETE ON letter_sent BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER notice_no_update BEFORE UPDATE ON notice BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER notice_no_delete BEFORE DELETE ON notice BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER referral_no_update BEFORE UPDATE ON referral BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER referral_no_delete BEFORE DELETE ON referral BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER icb_answer_no_update BEFORE UPDATE ON icb_answer BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER icb_answer_no_delete BEFORE DELETE ON icb_answer BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER lmc_advice_no_update BEFORE UPDATE ON lmc_advice BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER lmc_advice_no_delete BEFORE DELETE ON lmc_advice BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
