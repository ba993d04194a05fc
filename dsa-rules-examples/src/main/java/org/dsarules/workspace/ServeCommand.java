package org.dsarules.workspace;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.dsarules.DsaRules;
import org.dsarules.register.RegisterFiles;
import org.dsarules.workspace.web.WorkspaceServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dsa-audit serve --data DIR [--port N] [--import FILE]}: the practice's workspace in a browser. */
@Command(name = "serve",
        description = {"Start the practice's workspace: a web application on 127.0.0.1 only, its state in one database file "
                + "(DIR/workspace.db). Prints one line, the address with a token made for this run: open it in a browser "
                + "(it opens a session); the API takes the token as a bearer. Stop it with Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The workspace's directory (created when absent).")
    Path data;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "The port on 127.0.0.1 (0: any free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--import", paramLabel = "FILE",
            description = "Import this register (CSV, .xlsx or JSON) as a new version before starting, as the import page would.")
    Path preload;

    @Override
    public Integer call() throws Exception {
        try {
            return serve();
        } catch (WorkspaceException | org.dsarules.workspace.store.StoreException e) {
            spec.commandLine().getErr().println("dsa-audit: " + e.getMessage());
            return 2;
        }
    }

    private int serve() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port is 0 to 65535");
        }
        DsaRules rules = DsaRules.defaults();
        Workspace workspace = Workspace.open(data, rules);
        if (preload != null) {
            if (!Files.isRegularFile(preload)) {
                throw new WorkspaceException("cannot read " + preload + ": no such file");
            }
            Registers.ImportReport r = workspace.importRegister(Files.readAllBytes(preload), RegisterFiles.Format.of(preload),
                    preload.getFileName().toString(), null, Actor.LOCAL, "imported by dsa-audit serve --import");
            err.println("dsa-audit: imported " + r.read() + " of " + r.records() + " record(s) of " + preload
                    + " as version " + r.version() + " of " + r.odsCode());
        }
        WorkspaceServer server = WorkspaceServer.start(workspace, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            workspace.close();
            rules.close();
            stopped.countDown();
        }, "dsa-workspace-stop"));
        out.println(server.address());
        out.flush();
        stopped.await();
        return 0;
    }
}
