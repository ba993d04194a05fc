package org.dsarules.workspace.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;

/**
 * The workspace's one SQLite file ({@code workspace.db} in the data directory), migrated by Flyway
 * ({@code db/migration}) when opened, in WAL mode so that a process killed at any moment leaves the file
 * as it was after its last commit.
 *
 * <p>One connection, used by one thread at a time: a practice's workspace has one writer, and SQLite
 * allows one writer anyway, so serialising here means no request ever sees {@code SQLITE_BUSY}.
 */
public final class Database implements AutoCloseable {
    /** The file's name in the data directory: back the workspace up by copying it (with the workspace stopped). */
    public static final String FILE = "workspace.db";

    /** Work done on the connection; may throw SQLException. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating when absent) the workspace database in {@code dir}, migrated to the newest schema. */
    public static Database open(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE).toAbsolutePath();
            String url = "jdbc:sqlite:" + file;
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                // WAL: a commit is one append to the log, a crash before it leaves the database as it was.
                s.execute("PRAGMA journal_mode=WAL");
                // FULL: a committed import survives a power cut too, not only a killed process.
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=10000");
            }
            Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                    .loggers("slf4j").load().migrate();
            return new Database(file, c);
        } catch (SQLException e) {
            throw new StoreException("cannot open the workspace database in " + dir + ": " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the workspace directory " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Reads (or writes without a transaction of its own). */
    public <T> T read(Work<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("workspace database: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} in one transaction: all of it is committed, or (on any exception, or the process
     * dying part way) none of it.
     */
    public <T> T transaction(Work<T> work) {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("workspace database: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("closing the workspace database: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
