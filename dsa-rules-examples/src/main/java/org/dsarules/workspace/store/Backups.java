package org.dsarules.workspace.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sqlite.SQLiteConnection;

/**
 * Backups of a workspace's database while it runs, and restoring one while it does not.
 *
 * <p>A backup uses SQLite's online backup API (through sqlite-jdbc) on a connection of its own, copying
 * every page in one step: the copy is the database as of one moment, whatever the running workspace writes
 * meanwhile (in WAL mode readers and the writer do not block each other). The copy is then checked with
 * {@code PRAGMA integrity_check}.
 *
 * <p>A running workspace holds an operating-system lock on {@code DIR/workspace.lock} for as long as it
 * runs (the lock dies with the process, even killed); {@link #restore} refuses while that lock is held,
 * and keeps the database it replaces beside it.
 */
public final class Backups {
    public static final String LOCK_FILE = "workspace.lock";

    private Backups() {
    }

    /** Held by a running workspace; released by {@link #close()} or by the process ending. */
    public static final class RunningLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private RunningLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new StoreException("cannot release " + LOCK_FILE + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Marks the workspace in {@code dir} as running.
     *
     * @throws StoreException when another process (or this one) already runs it
     */
    public static RunningLock markRunning(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel ch = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new StoreException("the workspace in " + dir + " is already running (" + LOCK_FILE + " is locked)");
            }
            return new RunningLock(ch, lock);
        } catch (IOException e) {
            throw new StoreException("cannot lock " + dir.resolve(LOCK_FILE) + ": " + e.getMessage(), e);
        }
    }

    /** Whether a workspace is running on {@code dir} (its lock file is locked). */
    public static boolean isRunning(Path dir) {
        Path f = dir.resolve(LOCK_FILE);
        if (!Files.exists(f)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                return true;
            }
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            throw new StoreException("cannot check " + f + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies the database of the workspace in {@code dir} to {@code out} (which must not exist), consistently
     * even while the workspace runs, and checks the copy.
     *
     * @return the copy's row counts per table
     */
    public static Map<String, Long> backup(Path dir, Path out) {
        Path db = dir.resolve(Database.FILE);
        if (!Files.isRegularFile(db)) {
            throw new StoreException("there is no workspace in " + dir + " (no " + Database.FILE + ")");
        }
        if (Files.exists(out)) {
            throw new StoreException(out + " exists: give a new file, so that no backup is overwritten");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=10000");
            }
            // All pages in one step (-1): one read transaction, so the copy is one moment's database and is
            // never restarted by the running workspace's writes.
            int rc = ((SQLiteConnection) c).getDatabase().backup("main", out.toAbsolutePath().toString(), null, 100, 100, -1);
            if (rc != 0) {
                throw new StoreException("the backup of " + db + " failed (SQLite code " + rc + ")");
            }
        } catch (SQLException e) {
            throw new StoreException("cannot back up " + db + ": " + e.getMessage(), e);
        }
        return check(out);
    }

    /**
     * Replaces the database of the workspace in {@code dir} with the backup {@code from}, after checking the
     * backup; the database replaced is kept beside it as {@code workspace.db.before-restore-TIMESTAMP}.
     *
     * @return the path the replaced database was kept at, or null when there was none
     * @throws StoreException when the workspace is running, or the backup is not a whole workspace database
     */
    public static Path restore(Path dir, Path from, Clock clock) {
        if (!Files.isRegularFile(from)) {
            throw new StoreException("cannot read " + from + ": no such file");
        }
        check(from);
        try (RunningLock ignored = markRunning(dir)) {
            Path db = dir.resolve(Database.FILE);
            Path kept = null;
            if (Files.isRegularFile(db)) {
                kept = dir.resolve(Database.FILE + ".before-restore-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(java.time.ZoneOffset.UTC).format(clock.instant()));
                backup(dir, kept);
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
                int rc = ((SQLiteConnection) c).getDatabase().restore("main", from.toAbsolutePath().toString(), null, 100, 100, -1);
                if (rc != 0) {
                    throw new StoreException("restoring " + from + " failed (SQLite code " + rc + ")");
                }
            } catch (SQLException e) {
                throw new StoreException("cannot restore " + from + ": " + e.getMessage(), e);
            }
            check(db);
            return kept;
        } catch (StoreException e) {
            if (e.getMessage().contains("already running")) {
                throw new StoreException("the workspace in " + dir + " is running: stop it before restoring (a backup needs no stop)", e);
            }
            throw e;
        }
    }

    /**
     * Checks that {@code file} is a whole workspace database ({@code PRAGMA integrity_check} is ok and it has
     * the workspace's tables), and counts its rows per table.
     */
    public static Map<String, Long> check(Path file) {
        org.sqlite.SQLiteConfig readOnly = new org.sqlite.SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), readOnly.toProperties());
                Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                String result = r.next() ? r.getString(1) : "no answer";
                if (!"ok".equals(result)) {
                    throw new StoreException(file + " is damaged: " + result);
                }
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            java.util.List<String> tables = new java.util.ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            if (!tables.contains("register_version") || !tables.contains("flyway_schema_history")) {
                throw new StoreException(file + " is not a workspace database");
            }
            for (String t : tables) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
                    r.next();
                    counts.put(t, r.getLong(1));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new StoreException("cannot read " + file + " as a workspace database: " + e.getMessage(), e);
        }
    }
}
