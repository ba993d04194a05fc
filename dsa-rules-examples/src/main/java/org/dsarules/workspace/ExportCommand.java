package org.dsarules.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dsarules.DsaRules;
import org.dsarules.cli.SafeOutput;
import org.dsarules.register.RegisterFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dsa-audit export --data DIR --practice ODS --out FILE}: a practice's register out of the workspace, as the command line reads it. */
@Command(name = "export",
        description = {"Write a practice's register from the workspace (DIR/workspace.db) as CSV, .xlsx or JSON (by the --out "
                + "name's extension, or --format): the same file every other command reads, with each change in its history."})
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The workspace's directory.")
    Path data;

    @Option(names = "--practice", required = true, paramLabel = "ODS", description = "The practice's ODS code.")
    String practice;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced only once complete).")
    Path out;

    @Option(names = "--format", paramLabel = "csv|json|xlsx", description = "Default: the --out name's extension (JSON otherwise).")
    RegisterFiles.Format format;

    @Option(names = "--version-number", paramLabel = "N", defaultValue = "0",
            description = "The register version (default: the newest).")
    int version;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try {
            return export();
        } catch (WorkspaceException | org.dsarules.workspace.store.StoreException e) {
            spec.commandLine().getErr().println("dsa-audit: " + e.getMessage());
            return 2;
        }
    }

    private int export() throws Exception {
        if (!Files.isRegularFile(data.resolve(org.dsarules.workspace.store.Database.FILE))) {
            throw new WorkspaceException(data + " holds no workspace (no " + org.dsarules.workspace.store.Database.FILE + ")");
        }
        try (DsaRules rules = DsaRules.defaults(); Workspace ws = Workspace.open(data, rules)) {
            // Written as every command writes its --out (whole or not at all; a full disk, a missing folder or a device
            // is one line naming the file), never through a temporary file of its own.
            RegisterFiles.Format form = format != null ? format : RegisterFiles.Format.of(out);
            String ods = Workspace.odsCode(practice);
            SafeOutput.write(out, o -> ws.export(ods, version, form, o));
        }
        return 0;
    }
}
