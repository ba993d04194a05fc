package org.dsarules.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.RecordError;
import org.dsarules.model.Agreement;
import org.dsarules.model.Practice;

/** What the workspace holds and answers, as values: the records its pages and API show. */
public final class Registers {
    private Registers() {
    }

    /** A practice of the workspace, as its newest register describes it. */
    public record PracticeInfo(String odsCode, String name, String icb, int version, Instant updated, int agreements) {
    }

    /** One register version: {@code number} counts from 1 per practice. */
    public record VersionInfo(long id, String odsCode, int number, String kind, String source, String comment,
            Instant at, String who, int agreements) {
    }

    /** One agreement of a version: its facts, their revision (for the optimistic check), its decision. */
    public record Row(Agreement agreement, int revision, Decision decision) {
        public String dsaId() {
            return agreement.id();
        }
    }

    /**
     * A register version decided as of a date: every agreement in register order with its decision;
     * {@code errors} holds an agreement the rules could not decide (never expected of stored facts, but
     * shown, never hidden).
     */
    public record Audited(VersionInfo version, Practice practice, LocalDate asOf, List<Row> rows, List<RecordError> errors) {
        public Audited {
            rows = List.copyOf(rows);
            errors = List.copyOf(errors);
        }

        public Row row(String dsaId) {
            return rows.stream().filter(r -> r.dsaId().equals(dsaId)).findFirst().orElse(null);
        }

        public int count(Outcome o) {
            return (int) rows.stream().filter(r -> r.decision() != null && r.decision().outcome() == o).count();
        }
    }

    /** One change to an agreement: {@code field} is a path of the register format, values in cell syntax (null: not known). */
    public record Change(int version, String dsaId, String field, String oldValue, String newValue, String source,
            String comment, Instant at, String who) {
    }

    /** One record of an imported file: read (and how it compares with the register before) or refused, and why. */
    public record ImportRow(int index, String dsaId, boolean read, String change, String field, String message) {
    }

    /** What an import read: the version it made, and every record of the file. */
    public record ImportReport(String odsCode, int version, String fileName, String format, int records, int read,
            int refused, List<ImportRow> rows) {
        public ImportReport {
            rows = List.copyOf(rows);
        }
    }

    /** An agreement whose outcome differs between two versions (null: not in that version). */
    public record OutcomeChange(String dsaId, String title, Outcome before, Outcome after, String rule) {
    }

    /** The result of saving an edit. */
    public sealed interface EditResult permits Saved, Invalid, Conflict, Unchanged {
    }

    /** Saved as a new revision in a new version, with what changed and the new decision. */
    public record Saved(int version, int revision, List<Change> changes, Decision decision) implements EditResult {
    }

    /** Refused by the register reader: the field and its message, as the command line gives them. */
    public record Invalid(String field, String message) implements EditResult {
    }

    /** Someone saved the agreement since the form was opened: what they changed; nothing of this edit is saved. */
    public record Conflict(int currentRevision, List<Change> since) implements EditResult {
    }

    /** Nothing differed from the agreement as stored: nothing is saved. */
    public record Unchanged() implements EditResult {
    }
}
