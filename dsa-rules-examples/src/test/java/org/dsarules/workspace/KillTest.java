package org.dsarules.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.dsarules.DsaRules;
import org.dsarules.register.RegisterFiles;
import org.dsarules.workspace.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 while importing: a child JVM imports the sample register again and again (each time with
 * different titles, so every import writes); it is killed mid-stream, and the database then opens,
 * passes SQLite's integrity check, and every version it holds is whole (as many agreements as its
 * import read): an import is all there or not at all.
 */
class KillTest {

    /** The child: imports until killed, printing a line after each commit. */
    public static void main(String[] args) throws Exception {
        byte[] sample = Files.readAllBytes(Path.of(args[1]));
        String text = new String(sample, StandardCharsets.UTF_8);
        try (DsaRules rules = DsaRules.defaults(); Workspace ws = Workspace.open(Path.of(args[0]), rules)) {
            for (int i = 0; ; i++) {
                byte[] changed = text.replace("\"title\": \"", "\"title\": \"" + i + " ").getBytes(StandardCharsets.UTF_8);
                ws.importRegister(changed, RegisterFiles.Format.JSON, "sample.json", null, Actor.LOCAL, "round " + i);
                System.out.println("imported " + i);
                System.out.flush();
            }
        }
    }

    @Test
    void theDatabaseSurvivesKillMinus9MidImport(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KillTest.class.getName(),
                dir.toString(), Path.of("samples/millbrook-register.json").toAbsolutePath().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int seen = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            // A few imports committed, then killed while the next is being written.
            while (seen < 3 && (line = out.readLine()) != null) {
                if (line.startsWith("imported")) {
                    seen++;
                }
            }
            Thread.sleep(15);
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        }
        assertEquals(3, seen, "the child committed three imports before it was killed");
        try (Database db = Database.open(dir)) {
            String check = db.read(c -> {
                try (ResultSet r = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                    r.next();
                    return r.getString(1);
                }
            });
            assertEquals("ok", check);
            int incomplete = db.read(c -> {
                try (ResultSet r = c.createStatement().executeQuery(
                        "SELECT count(*) FROM import i WHERE i.read_ok <> "
                                + "(SELECT count(*) FROM register_version_agreement a WHERE a.version_id = i.version_id)")) {
                    r.next();
                    return r.getInt(1);
                }
            });
            assertEquals(0, incomplete, "every stored version is whole");
            int versions = db.read(c -> {
                try (ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM register_version")) {
                    r.next();
                    return r.getInt(1);
                }
            });
            int imports = db.read(c -> {
                try (ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM import")) {
                    r.next();
                    return r.getInt(1);
                }
            });
            assertTrue(versions >= 3, "the committed imports are there: " + versions);
            assertEquals(versions, imports, "no version without its import report");
        }
    }
}
