package org.dsarules.workspace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.dsarules.DsaRules;
import org.dsarules.cli.DsaAudit;
import org.dsarules.register.RegisterFiles;
import org.dsarules.workspace.Actor;
import org.dsarules.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups taken while imports are being written are whole databases, and restore puts one back (never under a running workspace). */
class BackupTest {
    @TempDir
    Path dir;

    @Test
    void aBackupTakenDuringWritesRestoresToAConsistentDatabase() throws Exception {
        Path data = dir.resolve("data");
        byte[] sample = Files.readAllBytes(Path.of("samples/millbrook-register.json"));
        List<Path> backups = new ArrayList<>();
        try (DsaRules rules = DsaRules.defaults(); Workspace ws = Workspace.open(data, rules)) {
            ws.importRegister(sample, RegisterFiles.Format.JSON, "first.json", null, Actor.LOCAL, null);
            int perVersion = ws.versions("Z99042").get(0).agreements();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger(1);
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    while (writing.get()) {
                        ws.importRegister(sample, RegisterFiles.Format.JSON, "again.json", null, Actor.LOCAL, "import " + written.get());
                        written.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failed.set(t);
                }
            }, "writer");
            writer.start();
            try {
                for (int i = 0; i < 4; i++) {
                    int before = written.get();
                    while (written.get() == before && writer.isAlive()) {
                        Thread.onSpinWait();
                    }
                    Path out = dir.resolve("backup-" + i + ".db");
                    if (i == 0) {
                        // The command line's backup, as a practice or the LMC runs it.
                        StringWriter said = new StringWriter();
                        assertEquals(0, DsaAudit.run(new PrintWriter(said), new PrintWriter(new StringWriter()), "backup", "--data",
                                data.toString(), "--out", out.toString()));
                        assertTrue(said.toString().contains("integrity ok"), said.toString());
                    } else {
                        Backups.backup(data, out);
                    }
                    backups.add(out);
                }
            } finally {
                writing.set(false);
                writer.join();
            }
            assertEquals(null, failed.get(), "the writer was never refused");
            assertTrue(written.get() >= 4, "imports were being written during the backups: " + written.get());
            for (Path b : backups) {
                Map<String, Long> counts = Backups.check(b);
                // Each import is one transaction: a version, its import row and its agreements, all or none.
                assertEquals(counts.get("register_version"), counts.get("import"), b + ": " + counts);
                assertEquals(counts.get("register_version") * perVersion, counts.get("register_version_agreement"), b + ": " + counts);
                assertTrue(counts.get("register_version") >= 1);
            }
            assertThrows(StoreException.class, () -> Backups.backup(data, backups.get(0)), "a backup is never overwritten");
        }

        // Restore the last backup into another directory and open it as a workspace.
        Path last = backups.get(backups.size() - 1);
        long versions = Backups.check(last).get("register_version");
        Path other = dir.resolve("restored");
        try (Backups.RunningLock running = Backups.markRunning(other)) {
            StoreException e = assertThrows(StoreException.class, () -> Backups.restore(other, last, Clock.systemUTC()));
            assertTrue(e.getMessage().contains("is running"), e.getMessage());
            assertTrue(Backups.isRunning(other));
        }
        assertFalse(Backups.isRunning(other));
        StringWriter said = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, DsaAudit.run(new PrintWriter(said), new PrintWriter(err), "restore", "--data", other.toString(),
                "--from", last.toString()), err.toString());
        try (DsaRules rules = DsaRules.defaults(); Workspace ws = Workspace.open(other, rules)) {
            assertEquals(versions, ws.currentVersion("Z99042"));
            assertFalse(ws.current("Z99042", ws.today()).rows().isEmpty());
        }
        assertEquals("ok", integrity(other.resolve(Database.FILE)));

        // Restoring over a workspace keeps the database it replaces.
        Path kept = Backups.restore(other, backups.get(0), Clock.systemUTC());
        assertTrue(Files.isRegularFile(kept), "the replaced database is kept");
        assertEquals(versions, Backups.check(kept).get("register_version"));
    }

    static String integrity(Path file) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var r = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            r.next();
            return r.getString(1);
        }
    }
}
