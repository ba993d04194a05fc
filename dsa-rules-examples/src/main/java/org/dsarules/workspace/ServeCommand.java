package org.dsarules.workspace;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.dsarules.DsaRules;
import org.dsarules.register.RegisterFiles;
import org.dsarules.workspace.web.WorkspaceServer;
import org.dsarules.cli.AliasOptions;
import org.dsarules.cli.CatalogueOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dsa-audit serve --data DIR [--port N] [--import FILE] [--catalogue FILE | --no-catalogue] [--aliases FILE]}: the
 * practice's workspace in a browser, deciding with the catalogue and grouping programmes with the aliases the command
 * line would be given.
 */
@Command(name = "serve",
        description = {"Start the workspace: a web application, its state in one database file (DIR/workspace.db). On 127.0.0.1 "
                + "(the default) it prints one line, the address with a token made for this run: open it in a browser (it opens "
                + "a session); the API takes the token as a bearer. With --bind ADDRESS it serves the network, only over TLS "
                + "(--tls-keystore) and only to accounts (dsa-audit users add); it prints the sign-in address. Stop it with Ctrl-C.",
                "It decides as 'dsa-audit audit' does with the same --catalogue or --no-catalogue, and the LMC's pages group "
                + "programmes across practices as the several-register commands do with the same --aliases."})
public final class ServeCommand implements Callable<Integer> {
    /** The environment variable that holds the TLS keystore's password (unless --tls-password-stdin). */
    public static final String TLS_PASSWORD_ENV = "DSA_TLS_PASSWORD";

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The workspace's directory (created when absent).")
    Path data;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "The port on 127.0.0.1 (0: any free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on. Anything but 127.0.0.1 needs --tls-keystore and at least one account. "
                    + "Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Serve HTTPS with this PKCS#12 keystore (the server's key and certificate). Its password is read from "
                    + "the environment variable DSA_TLS_PASSWORD, or as the first line of standard input with --tls-password-stdin.")
    Path tlsKeystore;

    @Option(names = "--tls-password-stdin", description = "Read the keystore's password as the first line of standard input.")
    boolean tlsPasswordStdin;

    @Option(names = "--import", paramLabel = "FILE",
            description = "Import this register (CSV, .xlsx or JSON) as a new version before starting, as the import page would.")
    Path preload;

    /** --catalogue FILE, --no-catalogue: the workspace decides with the catalogue every other deciding command is given. */
    @Mixin
    CatalogueOptions catalogue = new CatalogueOptions();

    /** --aliases FILE: the LMC's pages group programmes as the several-register commands do. */
    @Mixin
    AliasOptions aliases = new AliasOptions();

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
        String address = "localhost".equals(bind) ? WorkspaceServer.LOOPBACK : bind;
        if (!WorkspaceServer.LOOPBACK.equals(address) && tlsKeystore == null) {
            // Said before anything is opened or loaded.
            throw new WorkspaceException("--bind " + bind + " needs TLS (--tls-keystore FILE): beyond the loopback, "
                    + "passwords and registers would cross the network in clear");
        }
        char[] tlsPassword = null;
        if (tlsKeystore != null) {
            if (tlsPasswordStdin) {
                tlsPassword = UsersCommand.readPassword(true, "the keystore");
            } else {
                String env = System.getenv(TLS_PASSWORD_ENV);
                if (env == null) {
                    throw new WorkspaceException("--tls-keystore needs its password: set " + TLS_PASSWORD_ENV
                            + " or give --tls-password-stdin");
                }
                tlsPassword = env.toCharArray();
            }
        }
        // The options' files are read (and any mistake in them said) before anything is opened.
        org.dsarules.catalogue.ProgrammeAliases programmeAliases = aliases.aliases();
        DsaRules.Builder builder = catalogue.apply(DsaRules.builder(), org.dsarules.text.Sanitiser.terminal(err));
        // Held until the process ends (even killed): restore refuses while it is held.
        org.dsarules.workspace.store.Backups.RunningLock running = org.dsarules.workspace.store.Backups.markRunning(data);
        DsaRules rules = builder.build();
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
        WorkspaceServer server = WorkspaceServer.start(workspace,
                new WorkspaceServer.Options(address, port, tlsKeystore, tlsPassword, programmeAliases));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            workspace.close();
            rules.close();
            running.close();
            stopped.countDown();
        }, "dsa-workspace-stop"));
        out.println(server.address());
        out.flush();
        stopped.await();
        return 0;
    }
}
