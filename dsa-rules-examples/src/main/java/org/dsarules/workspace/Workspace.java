package org.dsarules.workspace;

import java.io.OutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.decision.TraceLevel;
import org.dsarules.engine.CollectingSink;
import org.dsarules.decision.RecordError;
import org.dsarules.model.Agreement;
import org.dsarules.model.HistoryEntry;
import org.dsarules.model.Practice;
import org.dsarules.model.Register;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterFiles;
import org.dsarules.workspace.Registers.Audited;
import org.dsarules.workspace.Registers.Change;
import org.dsarules.workspace.Registers.Conflict;
import org.dsarules.workspace.Registers.EditResult;
import org.dsarules.workspace.Registers.ImportReport;
import org.dsarules.workspace.Registers.ImportRow;
import org.dsarules.workspace.Registers.Invalid;
import org.dsarules.workspace.Registers.OutcomeChange;
import org.dsarules.workspace.Registers.PracticeInfo;
import org.dsarules.workspace.Registers.Row;
import org.dsarules.workspace.Registers.Saved;
import org.dsarules.workspace.Registers.Unchanged;
import org.dsarules.workspace.Registers.VersionInfo;
import org.dsarules.workspace.store.Database;

/**
 * The practice's workspace: its registers, their versions and every change, kept in one database and
 * decided with the library's public API. The pages and the JSON API are thin layers over this class;
 * so is the command line's {@code export}.
 *
 * <p>Thread-safe: the database serialises writes, and decided versions are cached by version and date
 * (a version never changes once written, so a cached decision never goes stale).
 */
public final class Workspace implements AutoCloseable {
    /** An ODS code as the workspace keys practices: letters and digits, upper case. */
    static final Pattern ODS = Pattern.compile("[A-Z0-9]{3,10}");

    private final Database db;
    private final DsaRules rules;
    private final Clock clock;
    private final Map<String, Audited> cache = new ConcurrentHashMap<>();
    private final org.dsarules.workspace.accounts.Accounts accounts;

    private Workspace(Database db, DsaRules rules, Clock clock) {
        this.db = db;
        this.rules = rules;
        this.clock = clock;
        this.accounts = new org.dsarules.workspace.accounts.Accounts(db, clock);
    }

    /** Opens the workspace kept in {@code dir} (created when absent), deciding with {@code rules}. */
    public static Workspace open(Path dir, DsaRules rules) {
        return open(dir, rules, Clock.systemUTC());
    }

    /** As {@link #open(Path, DsaRules)}, timing changes, sign-ins and lock-outs by {@code clock} (tests move it). */
    public static Workspace open(Path dir, DsaRules rules, Clock clock) {
        return new Workspace(Database.open(dir), Objects.requireNonNull(rules, "rules"), Objects.requireNonNull(clock, "clock"));
    }

    /** The workspace's accounts and sign-ins, kept in the same database. */
    public org.dsarules.workspace.accounts.Accounts accounts() {
        return accounts;
    }

    /** The clock the workspace times everything by. */
    public Clock clock() {
        return clock;
    }

    public Database database() {
        return db;
    }

    public DsaRules rules() {
        return rules;
    }

    /** Today in England, the default date of every decision. */
    public LocalDate today() {
        return rules.today();
    }

    /** A practice's ODS code as the workspace keys it, or an error saying what an ODS code is. */
    public static String odsCode(String given) {
        String c = given == null ? "" : given.strip().toUpperCase(Locale.ROOT);
        if (!ODS.matcher(c).matches()) {
            throw new WorkspaceException("\"" + (given == null ? "" : given.strip()) + "\" is not an ODS code: "
                    + "3 to 10 letters and digits, as A81001");
        }
        return c;
    }

    // ---------------------------------------------------------------- practices and versions

    /** Every practice with a register, by ODS code. */
    public List<PracticeInfo> practices() {
        return db.read(c -> {
            List<PracticeInfo> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT p.ods_code, v.practice_json, v.number, v.created_at, "
                            + "(SELECT count(*) FROM register_version_agreement a WHERE a.version_id = v.id) "
                            + "FROM practice p JOIN register_version v ON v.practice_id = p.id "
                            + "WHERE v.number = (SELECT max(number) FROM register_version w WHERE w.practice_id = p.id) "
                            + "ORDER BY p.ods_code")) {
                while (r.next()) {
                    Practice p = practice(r.getString(2));
                    out.add(new PracticeInfo(r.getString(1), p == null ? null : p.name(), p == null ? null : p.icb(),
                            r.getInt(3), Instant.parse(r.getString(4)), r.getInt(5)));
                }
            }
            return out;
        });
    }

    /** One import as kept: which version it made, of which file, how many records were read, when and by whom. */
    public record ImportInfo(String odsCode, int version, String fileName, String format, int records, int read, int refused,
            Instant at, String who) {
    }

    /** Every import of these practices, newest first: what each practice has imported and when. */
    public List<ImportInfo> imports(java.util.Collection<String> odsCodes) {
        Set<String> wanted = new TreeSet<>(odsCodes);
        return db.read(c -> {
            List<ImportInfo> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT p.ods_code, v.number, i.file_name, i.format, i.records, i.read_ok, i.refused, i.created_at, i.created_by "
                            + "FROM import i JOIN practice p ON p.id = i.practice_id JOIN register_version v ON v.id = i.version_id "
                            + "ORDER BY i.id DESC")) {
                while (r.next()) {
                    if (wanted.contains(r.getString(1))) {
                        out.add(new ImportInfo(r.getString(1), r.getInt(2), r.getString(3), r.getString(4), r.getInt(5),
                                r.getInt(6), r.getInt(7), Instant.parse(r.getString(8)), r.getString(9)));
                    }
                }
            }
            return out;
        });
    }

    /** Every version of a practice's register, newest first; empty for a practice the workspace does not have. */
    public List<VersionInfo> versions(String odsCode) {
        return db.read(c -> versions(c, odsCode, null));
    }

    private static List<VersionInfo> versions(Connection c, String odsCode, Integer only) throws SQLException {
        List<VersionInfo> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT v.id, v.number, v.kind, v.source, v.comment, v.created_at, v.created_by, "
                        + "(SELECT count(*) FROM register_version_agreement a WHERE a.version_id = v.id) "
                        + "FROM register_version v JOIN practice p ON p.id = v.practice_id WHERE p.ods_code = ? "
                        + (only == null ? "" : "AND v.number = ? ") + "ORDER BY v.number DESC")) {
            s.setString(1, odsCode);
            if (only != null) {
                s.setInt(2, only);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new VersionInfo(r.getLong(1), odsCode, r.getInt(2), r.getString(3), r.getString(4),
                            r.getString(5), Instant.parse(r.getString(6)), r.getString(7), r.getInt(8)));
                }
            }
        }
        return out;
    }

    /** The newest version number of a practice's register, or 0 when the workspace has no such practice. */
    public int currentVersion(String odsCode) {
        // One indexed max, not the list of every version with its counts: asked on every page and edit.
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT coalesce(max(v.number), 0) FROM register_version v "
                    + "JOIN practice p ON p.id = v.practice_id WHERE p.ods_code = ?")) {
                s.setString(1, odsCode);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    /** A version's register: the practice block and the agreements in order, as the library reads them back. */
    public Register register(String odsCode, int version) {
        Stored s = stored(odsCode, version);
        RegisterText.Read read = RegisterText.read(RegisterText.assemble(s.practiceJson, s.json), RegisterFiles.Format.JSON, "register.json");
        List<Agreement> agreements = new ArrayList<>();
        for (RegisterEntry e : read.entries()) {
            if (e instanceof RegisterEntry.Valid v) {
                agreements.add(v.agreement());
            }
        }
        // The practice's own columns (record-format.md v1.2) go with the version: every register written from it carries them.
        return new Register(read.practice(), agreements, ownColumns(s.ownColumnsJson));
    }

    /** Writes a version's register (0: the newest) in {@code format}: the same file {@code dsa-audit} reads. */
    public void export(String odsCode, int version, RegisterFiles.Format format, OutputStream out) {
        int n = version == 0 ? currentVersion(odsCode) : version;
        if (n == 0) {
            throw new WorkspaceException("the workspace has no practice " + odsCode);
        }
        try {
            RegisterFiles.writer(format).write(register(odsCode, n), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A version as stored: its info, the practice block's JSON, each agreement's JSON and revision. */
    private record Stored(VersionInfo info, String practiceJson, List<String> json, List<Integer> revisions, List<String> ids,
            String ownColumnsJson) {
    }

    private Stored stored(String odsCode, int version) {
        return db.read(c -> {
            List<VersionInfo> v = versions(c, odsCode, version);
            if (v.isEmpty()) {
                throw new WorkspaceException("the workspace has no version " + version + " of " + odsCode + "'s register");
            }
            String practiceJson;
            String ownColumnsJson;
            try (PreparedStatement s = c.prepareStatement("SELECT practice_json, own_columns_json FROM register_version WHERE id = ?")) {
                s.setLong(1, v.get(0).id());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    practiceJson = r.getString(1);
                    ownColumnsJson = r.getString(2);
                }
            }
            List<String> json = new ArrayList<>();
            List<Integer> revisions = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT r.json, r.revision, r.dsa_id FROM register_version_agreement a JOIN agreement_revision r "
                            + "ON r.id = a.revision_id WHERE a.version_id = ? ORDER BY a.position")) {
                s.setLong(1, v.get(0).id());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        json.add(r.getString(1));
                        revisions.add(r.getInt(2));
                        ids.add(r.getString(3));
                    }
                }
            }
            return new Stored(v.get(0), practiceJson, json, revisions, ids, ownColumnsJson);
        });
    }

    // ---------------------------------------------------------------- deciding

    /** The newest version of a practice's register decided as of {@code asOf}, or null without that practice. */
    public Audited current(String odsCode, LocalDate asOf) {
        int n = currentVersion(odsCode);
        return n == 0 ? null : audited(odsCode, n, asOf);
    }

    /** A version decided as of {@code asOf} (cached: a version never changes). */
    public Audited audited(String odsCode, int version, LocalDate asOf) {
        String key = odsCode + "/" + version + "/" + asOf;
        Audited hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        Stored s = stored(odsCode, version);
        // The engine hands each agreement with its decision (AuditSink): no by-id join to rebuild the pairing.
        CollectingSink sink = new CollectingSink();
        RegisterText.withSource(RegisterText.assemble(s.practiceJson, s.json), RegisterFiles.Format.JSON,
                "register.json", source -> rules.audit(source, asOf, TraceLevel.FULL, sink));
        AuditResult result = sink.result();
        Map<String, Agreement> byId = new HashMap<>();
        Map<String, Decision> decisions = new HashMap<>();
        sink.decided().forEach(d -> {
            byId.put(d.agreement().id(), d.agreement());
            decisions.put(d.decision().dsaId(), d.decision());
        });
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < s.ids.size(); i++) {
            Agreement a = byId.get(s.ids.get(i));
            if (a != null) {
                rows.add(new Row(a, s.revisions.get(i), decisions.get(a.id())));
            }
        }
        Audited audited = new Audited(s.info, result.practice(), asOf, rows, result.errors());
        remember(key, audited);
        return audited;
    }

    private void remember(String key, Audited audited) {
        // A few versions and dates of a few practices are looked at in a session: a small cache is enough.
        if (cache.size() > 64) {
            cache.clear();
        }
        cache.put(key, audited);
    }

    /** The decision document of record-format.md for a practice's newest register, or null without that practice. */
    public AuditResult decisions(String odsCode, LocalDate asOf) {
        int n = currentVersion(odsCode);
        if (n == 0) {
            return null;
        }
        Stored s = stored(odsCode, n);
        return RegisterText.withSource(RegisterText.assemble(s.practiceJson, s.json), RegisterFiles.Format.JSON,
                "register.json", source -> rules.audit(source, asOf));
    }

    /** The agreements whose outcome differs between two versions (as of one date), in the newer version's order. */
    public List<OutcomeChange> diff(String odsCode, int from, int to, LocalDate asOf) {
        Audited a = audited(odsCode, from, asOf);
        Audited b = audited(odsCode, to, asOf);
        List<OutcomeChange> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Row r : b.rows()) {
            seen.add(r.dsaId());
            Row old = a.row(r.dsaId());
            var before = old == null || old.decision() == null ? null : old.decision().outcome();
            var after = r.decision() == null ? null : r.decision().outcome();
            if (before != after) {
                out.add(new OutcomeChange(r.dsaId(), r.agreement().title(), before, after,
                        r.decision() == null ? null : r.decision().decisiveRule()));
            }
        }
        for (Row r : a.rows()) {
            if (!seen.contains(r.dsaId())) {
                out.add(new OutcomeChange(r.dsaId(), r.agreement().title(),
                        r.decision() == null ? null : r.decision().outcome(), null, null));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- importing

    /**
     * Imports a register file as the practice's new version, in one transaction: every record of the
     * file is reported, read or refused with the reader's message; the valid ones are the new register.
     * The practice is the file's practice block's, or {@code odsCodeOrNull} when the file has none (both
     * given must agree).
     *
     * @throws WorkspaceException when the file is not a register as a whole, names no practice, or has no
     *                            record that could be read (nothing is stored then)
     */
    public ImportReport importRegister(byte[] content, RegisterFiles.Format format, String fileName, String odsCodeOrNull,
            Actor actor, String comment) {
        return importRegister(content, format, fileName, odsCodeOrNull, actor, comment, Access.EVERYTHING);
    }

    /**
     * As {@link #importRegister(byte[], RegisterFiles.Format, String, String, Actor, String)}, refusing before
     * anything is written a register of a practice {@code access} does not let {@code actor} see.
     *
     * @throws HiddenPracticeException when the register is of such a practice (nothing is stored)
     */
    public ImportReport importRegister(byte[] content, RegisterFiles.Format format, String fileName, String odsCodeOrNull,
            Actor actor, String comment, Access access) {
        return importRegister(content, format, fileName, odsCodeOrNull, actor, comment, access, null);
    }

    /**
     * As {@link #importRegister(byte[], RegisterFiles.Format, String, String, Actor, String, Access)}, for a
     * register the workspace writes itself from its newest version (a letter marked sent, answers applied): its
     * JSON cannot hold the practice's own columns, so they are given here, the version before's, and kept with the
     * new version. Null: the file's own columns as read (a file the user imports).
     */
    /**
     * A register the workspace made from a practice's newest version (a letter marked sent, answers applied) kept as
     * the practice's new version, as an import of it is, with its own columns ({@link Register#ownColumns()}).
     */
    ImportReport importVersion(Register register, String source, String odsCode, Actor actor, String comment) {
        return importRegister(RegisterText.write(register, RegisterFiles.Format.JSON), RegisterFiles.Format.JSON, source,
                odsCode, actor, comment, Access.EVERYTHING, register.ownColumns());
    }

    ImportReport importRegister(byte[] content, RegisterFiles.Format format, String fileName, String odsCodeOrNull,
            Actor actor, String comment, Access access, Map<String, Map<String, String>> ownColumnsOrNull) {
        RegisterText.Read read = RegisterText.read(content, format, fileName);
        String fromFile = read.practice() == null || read.practice().odsCode() == null || read.practice().odsCode().isBlank()
                ? null : odsCode(read.practice().odsCode());
        String given = odsCodeOrNull == null || odsCodeOrNull.isBlank() ? null : odsCode(odsCodeOrNull);
        if (fromFile != null && given != null && !fromFile.equals(given)) {
            throw new WorkspaceException(fileName + " is the register of " + fromFile + ", not of " + given);
        }
        String ods = fromFile != null ? fromFile : given;
        if (ods == null) {
            throw new WorkspaceException(fileName + " names no practice (no practice.odsCode): give the practice's ODS code");
        }
        if (!access.mayAccess(actor, ods)) {
            throw new HiddenPracticeException(ods);
        }
        List<Agreement> valid = new ArrayList<>();
        Map<String, Map<String, String>> own = new LinkedHashMap<>();
        for (RegisterEntry e : read.entries()) {
            if (e instanceof RegisterEntry.Valid v) {
                valid.add(v.agreement());
                if (ownColumnsOrNull == null && !v.ownColumns().isEmpty()) {
                    own.put(v.agreement().id(), v.ownColumns());
                }
            }
        }
        if (ownColumnsOrNull != null) {
            // Only the agreements of the new version: an agreement gone takes its own cells with it.
            Set<String> ids = new HashSet<>();
            valid.forEach(a -> ids.add(a.id()));
            ownColumnsOrNull.forEach((id, cells) -> {
                if (ids.contains(id) && !cells.isEmpty()) {
                    own.put(id, cells);
                }
            });
        }
        String ownColumnsJson = ownColumnsJson(own);
        if (valid.isEmpty() && !read.entries().isEmpty()) {
            throw new WorkspaceException("no record of " + fileName + " could be read, so nothing was imported: "
                    + firstError(read.entries()));
        }
        Practice practice = read.practice() != null ? read.practice() : new Practice(ods, null, null);
        String practiceJson = RegisterText.practiceJson(practice);
        List<String> json = RegisterText.agreementJson(valid);
        String now = Instant.now(clock).toString();
        String source = "import: " + fileName;
        return db.transaction(c -> {
            long practiceId = practiceId(c, ods, now, actor);
            Map<String, Current> before = currentRevisions(c, practiceId);
            int number = nextVersion(c, practiceId);
            long versionId = insertVersion(c, practiceId, number, practiceJson, ownColumnsJson, "IMPORT", source, comment, now, actor);
            List<ImportRow> rows = new ArrayList<>();
            int position = 0;
            Set<String> present = new TreeSet<>();
            int validIndex = 0;
            for (RegisterEntry e : read.entries()) {
                if (e instanceof RegisterEntry.Invalid inv) {
                    RecordError err = inv.error();
                    rows.add(new ImportRow(err.index(), err.dsaId(), false, null, err.field(), err.message()));
                    continue;
                }
                Agreement a = ((RegisterEntry.Valid) e).agreement();
                String j = json.get(validIndex++);
                present.add(a.id());
                Current cur = before.get(a.id());
                String change;
                long revisionId;
                if (cur != null && cur.json.equals(j)) {
                    revisionId = cur.revisionId;
                    change = "unchanged";
                } else {
                    int revision = (cur == null ? lastRevision(c, practiceId, a.id()) : cur.revision) + 1;
                    revisionId = insertRevision(c, practiceId, a.id(), revision, j, now, actor);
                    if (cur == null) {
                        change = "added";
                        insertChange(c, practiceId, versionId, a.id(), revisionId, "agreement", null, "added", source, comment, now, actor);
                    } else {
                        change = "changed";
                        for (Change ch : fieldChanges(cur.json, j, a.id(), number, source, comment, now, actor)) {
                            insertChange(c, practiceId, versionId, a.id(), revisionId, ch.field(), ch.oldValue(), ch.newValue(),
                                    source, comment, now, actor);
                        }
                    }
                }
                insertPosition(c, versionId, position++, revisionId);
                rows.add(new ImportRow(e.index(), a.id(), true, change, null, null));
            }
            for (String gone : before.keySet()) {
                if (!present.contains(gone)) {
                    insertChange(c, practiceId, versionId, gone, null, "agreement", "present", null, source, comment, now, actor);
                }
            }
            int refused = (int) rows.stream().filter(r -> !r.read()).count();
            ImportReport report = new ImportReport(ods, number, fileName, format.name(), rows.size(), rows.size() - refused, refused, rows);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO import (practice_id, version_id, file_name, format, "
                    + "records, read_ok, refused, report_json, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                s.setLong(1, practiceId);
                s.setLong(2, versionId);
                s.setString(3, fileName);
                s.setString(4, format.name());
                s.setInt(5, report.records());
                s.setInt(6, report.read());
                s.setInt(7, report.refused());
                s.setString(8, RegisterText.JSON.writeValueAsString(report.rows()));
                s.setString(9, now);
                s.setString(10, actor.id());
                s.executeUpdate();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            return report;
        });
    }

    private static String firstError(List<RegisterEntry> entries) {
        for (RegisterEntry e : entries) {
            if (e instanceof RegisterEntry.Invalid inv) {
                RecordError r = inv.error();
                return "record " + r.index() + (r.field() == null ? "" : ", " + r.field()) + ": " + r.message();
            }
        }
        return "";
    }

    // ---------------------------------------------------------------- editing

    /** The cells of an agreement of the newest version (see {@link RegisterText#cells}), or null. */
    public Map<String, String> cells(String odsCode, String dsaId) {
        Stored s = stored(odsCode, currentVersion(odsCode));
        int i = s.ids.indexOf(dsaId);
        return i < 0 ? null : RegisterText.cells(s.json.get(i));
    }

    /**
     * Saves new values for an agreement of the newest version: {@code edited} maps every path the form
     * showed to its value (blank: not known; a path absent from the map keeps its value). The record is
     * read by the library's CSV register reader, so a bad value gets the command line's message; a valid
     * one is a new revision in a new version, with a history entry and a change row per field that
     * differs, and is decided again at once. Refused, with what changed, when the agreement's revision
     * is no longer {@code baseRevision}.
     */
    public EditResult edit(String odsCode, String dsaId, int baseRevision, Map<String, String> edited, Actor actor,
            String comment, LocalDate asOf) {
        int number = currentVersion(odsCode);
        if (number == 0) {
            throw new WorkspaceException("the workspace has no practice " + odsCode);
        }
        Stored s = stored(odsCode, number);
        int i = s.ids.indexOf(dsaId);
        if (i < 0) {
            throw new WorkspaceException(odsCode + "'s register has no agreement " + dsaId);
        }
        if (s.revisions.get(i) != baseRevision) {
            return new Conflict(s.revisions.get(i), changesSince(odsCode, dsaId, baseRevision));
        }
        Map<String, String> cells = new LinkedHashMap<>(RegisterText.cells(s.json.get(i)));
        cells.put("id", dsaId);
        edited.forEach((path, value) -> {
            if (!path.equals("id")) {
                if (value == null || value.isBlank()) {
                    cells.remove(path);
                } else {
                    cells.put(path, value.strip());
                }
            }
        });
        RegisterText.Read read = RegisterText.read(RegisterText.csvRecord(cells), RegisterFiles.Format.CSV, dsaId + ".csv");
        RegisterEntry entry = read.entries().get(0);
        if (entry instanceof RegisterEntry.Invalid inv) {
            return new Invalid(inv.error().field(), inv.error().message());
        }
        Agreement read1 = ((RegisterEntry.Valid) entry).agreement();
        String candidate = RegisterText.agreementJson(List.of(read1)).get(0);
        String now = Instant.now(clock).toString();
        String source = "workspace: " + actor.name();
        List<Change> changes = fieldChanges(s.json.get(i), candidate, dsaId, number + 1, source, comment, now, actor);
        if (changes.isEmpty()) {
            return new Unchanged();
        }
        // The agreement's own history carries each change too, so an exported register keeps it.
        List<HistoryEntry> history = new ArrayList<>(read1.history() == null ? List.of() : read1.history());
        LocalDate today = LocalDate.now(clock.withZone(DsaRules.ZONE));
        for (Change ch : changes) {
            history.add(new HistoryEntry(today, ch.field(), ch.oldValue(), ch.newValue(), source));
        }
        Agreement saved = read1.toBuilder().history(history).build();
        String json = RegisterText.agreementJson(List.of(saved)).get(0);
        Decision decision = rules.decide(saved, asOf);
        EditResult result = db.transaction(c -> {
            long practiceId = practiceId(c, odsCode, now, actor);
            Map<String, Current> current = currentRevisions(c, practiceId);
            Current cur = current.get(dsaId);
            int latest = nextVersion(c, practiceId) - 1;
            // Checked again inside the transaction: another save may have come between the read above and here.
            if (latest != number || cur == null || cur.revision != baseRevision) {
                return null;
            }
            long revisionId = insertRevision(c, practiceId, dsaId, baseRevision + 1, json, now, actor);
            long versionId = insertVersion(c, practiceId, number + 1, s.practiceJson, s.ownColumnsJson, "EDIT", source + " (" + dsaId + ")",
                    comment, now, actor);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO register_version_agreement (version_id, position, revision_id) "
                            + "SELECT ?, position, CASE WHEN position = ? THEN ? ELSE revision_id END "
                            + "FROM register_version_agreement WHERE version_id = ?")) {
                ps.setLong(1, versionId);
                ps.setInt(2, i);
                ps.setLong(3, revisionId);
                ps.setLong(4, s.info.id());
                ps.executeUpdate();
            }
            for (Change ch : changes) {
                insertChange(c, practiceId, versionId, dsaId, revisionId, ch.field(), ch.oldValue(), ch.newValue(), source, comment, now, actor);
            }
            return new Saved(number + 1, baseRevision + 1, changes, decision);
        });
        if (result == null) {
            int rev = currentRevision(odsCode, dsaId);
            return new Conflict(rev, changesSince(odsCode, dsaId, baseRevision));
        }
        // The new version is the old one with one decision replaced: cache it so the next page is at once.
        Audited old = cache.get(odsCode + "/" + number + "/" + asOf);
        if (old != null) {
            List<Row> rows = new ArrayList<>(old.rows());
            for (int k = 0; k < rows.size(); k++) {
                if (rows.get(k).dsaId().equals(dsaId)) {
                    rows.set(k, new Row(saved, baseRevision + 1, decision));
                }
            }
            VersionInfo v = db.read(c -> versions(c, odsCode, number + 1)).get(0);
            remember(odsCode + "/" + v.number() + "/" + asOf, new Audited(v, old.practice(), asOf, rows, old.errors()));
        }
        return result;
    }

    private int currentRevision(String odsCode, String dsaId) {
        Stored s = stored(odsCode, currentVersion(odsCode));
        int i = s.ids.indexOf(dsaId);
        return i < 0 ? 0 : s.revisions.get(i);
    }

    /** Every change to one agreement, oldest first. */
    public List<Change> history(String odsCode, String dsaId) {
        return changes(odsCode, dsaId, 0);
    }

    private List<Change> changesSince(String odsCode, String dsaId, int revision) {
        return changes(odsCode, dsaId, revision);
    }

    private List<Change> changes(String odsCode, String dsaId, int afterRevision) {
        return db.read(c -> {
            List<Change> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT v.number, ch.dsa_id, ch.field, ch.old_value, ch.new_value, ch.source, ch.comment, ch.at, ch.who "
                            + "FROM change ch JOIN practice p ON p.id = ch.practice_id JOIN register_version v ON v.id = ch.version_id "
                            + "LEFT JOIN agreement_revision r ON r.id = ch.revision_id "
                            + "WHERE p.ods_code = ? AND ch.dsa_id = ? AND (? = 0 OR r.revision > ?) ORDER BY ch.id")) {
                s.setString(1, odsCode);
                s.setString(2, dsaId);
                s.setInt(3, afterRevision);
                s.setInt(4, afterRevision);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Change(r.getInt(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                r.getString(6), r.getString(7), Instant.parse(r.getString(8)), r.getString(9)));
                    }
                }
            }
            return out;
        });
    }

    /** The fields that differ between two agreement JSONs (history aside: it records changes, it is not one). */
    static List<Change> fieldChanges(String before, String after, String dsaId, int version, String source, String comment,
            String now, Actor actor) {
        Map<String, String> a = RegisterText.cells(before);
        Map<String, String> b = RegisterText.cells(after);
        Set<String> paths = new LinkedHashSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<Change> out = new ArrayList<>();
        for (String p : paths) {
            if (p.startsWith("history[")) {
                continue;
            }
            String x = a.get(p);
            String y = b.get(p);
            if (!Objects.equals(x, y)) {
                out.add(new Change(version, dsaId, p, x, y, source, comment, Instant.parse(now), actor.id()));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- SQL

    private record Current(long revisionId, int revision, String json) {
    }

    private static long practiceId(Connection c, String ods, String now, Actor actor) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM practice WHERE ods_code = ?")) {
            s.setString(1, ods);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return r.getLong(1);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO practice (ods_code, created_at, created_by) VALUES (?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, ods);
            s.setString(2, now);
            s.setString(3, actor.id());
            s.executeUpdate();
            return key(s);
        }
    }

    private static long key(PreparedStatement s) throws SQLException {
        try (ResultSet k = s.getGeneratedKeys()) {
            k.next();
            return k.getLong(1);
        }
    }

    /** The newest version's agreements by id. */
    private static Map<String, Current> currentRevisions(Connection c, long practiceId) throws SQLException {
        Map<String, Current> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT r.dsa_id, r.id, r.revision, r.json FROM register_version_agreement a "
                        + "JOIN agreement_revision r ON r.id = a.revision_id "
                        + "WHERE a.version_id = (SELECT id FROM register_version WHERE practice_id = ? ORDER BY number DESC LIMIT 1) "
                        + "ORDER BY a.position")) {
            s.setLong(1, practiceId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), new Current(r.getLong(2), r.getInt(3), r.getString(4)));
                }
            }
        }
        return out;
    }

    /** The highest revision an agreement has had (0: none), so that one gone and imported again continues its count. */
    private static int lastRevision(Connection c, long practiceId, String dsaId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT coalesce(max(revision), 0) FROM agreement_revision WHERE practice_id = ? AND dsa_id = ?")) {
            s.setLong(1, practiceId);
            s.setString(2, dsaId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static int nextVersion(Connection c, long practiceId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT coalesce(max(number), 0) + 1 FROM register_version WHERE practice_id = ?")) {
            s.setLong(1, practiceId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static long insertVersion(Connection c, long practiceId, int number, String practiceJson, String ownColumnsJson,
            String kind, String source, String comment, String now, Actor actor) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO register_version (practice_id, number, practice_json, kind, "
                + "source, comment, created_at, created_by, own_columns_json) VALUES (?,?,?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, practiceId);
            s.setInt(2, number);
            s.setString(3, practiceJson);
            s.setString(4, kind);
            s.setString(5, source);
            s.setString(6, blankToNull(comment));
            s.setString(7, now);
            s.setString(8, actor.id());
            s.setString(9, ownColumnsJson);
            s.executeUpdate();
            return key(s);
        }
    }

    private static long insertRevision(Connection c, long practiceId, String dsaId, int revision, String json, String now,
            Actor actor) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO agreement_revision (practice_id, dsa_id, revision, json, "
                + "created_at, created_by) VALUES (?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, practiceId);
            s.setString(2, dsaId);
            s.setInt(3, revision);
            s.setString(4, json);
            s.setString(5, now);
            s.setString(6, actor.id());
            s.executeUpdate();
            return key(s);
        }
    }

    private static void insertPosition(Connection c, long versionId, int position, long revisionId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO register_version_agreement (version_id, position, revision_id) VALUES (?,?,?)")) {
            s.setLong(1, versionId);
            s.setInt(2, position);
            s.setLong(3, revisionId);
            s.executeUpdate();
        }
    }

    private static void insertChange(Connection c, long practiceId, long versionId, String dsaId, Long revisionId, String field,
            String oldValue, String newValue, String source, String comment, String now, Actor actor) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO change (practice_id, version_id, dsa_id, revision_id, field, "
                + "old_value, new_value, source, comment, at, who) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            s.setLong(1, practiceId);
            s.setLong(2, versionId);
            s.setString(3, dsaId);
            if (revisionId == null) {
                s.setNull(4, java.sql.Types.INTEGER);
            } else {
                s.setLong(4, revisionId);
            }
            s.setString(5, field);
            s.setString(6, oldValue);
            s.setString(7, newValue);
            s.setString(8, source);
            s.setString(9, blankToNull(comment));
            s.setString(10, now);
            s.setString(11, actor.id());
            s.executeUpdate();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The practice's own columns as stored with a version: a JSON object by agreement id, null when there are none. */
    static String ownColumnsJson(Map<String, Map<String, String>> own) {
        if (own == null || own.isEmpty()) {
            return null;
        }
        try {
            return RegisterText.JSON.writeValueAsString(own);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The own columns stored with a version, in the order written; empty for null (every version made before V4). */
    static Map<String, Map<String, String>> ownColumns(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            // LinkedHashMaps: the header's order of the columns is kept, as the spreadsheet writers need it.
            return new LinkedHashMap<>(RegisterText.JSON.readValue(json,
                    new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, LinkedHashMap<String, String>>>() {
                    }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Practice practice(String json) {
        if (json == null) {
            return null;
        }
        try {
            var n = RegisterText.JSON.readTree(json);
            return new Practice(text(n, "odsCode"), text(n, "name"), text(n, "icb"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode n, String field) {
        var v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    @Override
    public void close() {
        db.close();
    }
}
