-- The LMC's round across practices: a conflict met when a system questionnaire's answer, asked once for a
-- programme, was not applied to one practice because its register already holds a different value
-- (record-format.md v1.2). The practice keeps its value; the conflict is kept here for that practice to
-- resolve. Whether it is resolved is derived, never written: resolved once a register version after
-- `version` records a change to the same agreement's field (the practice chose a value through the edit path).
CREATE TABLE answer_conflict (
    id          INTEGER PRIMARY KEY,
    practice_id INTEGER NOT NULL REFERENCES practice(id),
    -- The practice's register version current once the answers were applied.
    version     INTEGER NOT NULL,
    dsa_id      TEXT NOT NULL,
    programme   TEXT,
    field       TEXT NOT NULL,
    -- Both values in the register's cell syntax; null for not known.
    held        TEXT,
    answered    TEXT,
    file_name   TEXT NOT NULL,
    file_row    INTEGER NOT NULL,
    received_on TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX answer_conflict_by_practice ON answer_conflict (practice_id, dsa_id);

CREATE TRIGGER answer_conflict_no_update BEFORE UPDATE ON answer_conflict BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
CREATE TRIGGER answer_conflict_no_delete BEFORE DELETE ON answer_conflict BEGIN SELECT RAISE(ABORT, 'the workspace history is append-only'); END;
