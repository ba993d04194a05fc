package org.dsarules.workspace;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.dsarules.workspace.store.Backups;
import org.dsarules.workspace.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dsa-audit restore --data DIR --from FILE}: a backup back in place, never under a running workspace. */
@Command(name = "restore", description = {"Replace the workspace's database (DIR/workspace.db) with a backup made by dsa-audit backup. "
        + "Refused while the workspace runs (DIR/workspace.lock is held) or when the backup is damaged; the database replaced "
        + "is kept beside it as workspace.db.before-restore-TIMESTAMP."})
public final class RestoreCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The workspace's directory.")
    Path data;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup file.")
    Path from;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            Path kept = Backups.restore(data, from, Clock.systemUTC());
            spec.commandLine().getOut().println("dsa-audit: restored " + from + " into " + data
                    + (kept == null ? "" : "; the database it replaced is kept as " + kept));
            return 0;
        } catch (StoreException e) {
            spec.commandLine().getErr().println("dsa-audit: " + e.getMessage());
            return 2;
        }
    }
}
