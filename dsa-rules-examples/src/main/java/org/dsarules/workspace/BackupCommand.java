package org.dsarules.workspace;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dsarules.workspace.store.Backups;
import org.dsarules.workspace.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dsa-audit backup --data DIR --out FILE}: a consistent copy of the workspace's database, even while it runs. */
@Command(name = "backup", description = {"Copy the workspace's database (DIR/workspace.db) to FILE with SQLite's online backup: "
        + "safe while the workspace runs; the copy is checked (PRAGMA integrity_check) and its rows counted."})
public final class BackupCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The workspace's directory.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup file to make (must not exist).")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            Map<String, Long> counts = Backups.backup(data, out);
            spec.commandLine().getOut().println("dsa-audit: backed up " + data + " to " + out + " (integrity ok; "
                    + counts.getOrDefault("register_version", 0L) + " register version(s), "
                    + counts.getOrDefault("change", 0L) + " change(s), " + counts.getOrDefault("account", 0L) + " account(s))");
            return 0;
        } catch (StoreException e) {
            spec.commandLine().getErr().println("dsa-audit: " + e.getMessage());
            return 2;
        }
    }
}
