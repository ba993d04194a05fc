package org.dsarules.workspace;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.dsarules.workspace.accounts.Account;
import org.dsarules.workspace.accounts.Accounts;
import org.dsarules.workspace.accounts.Role;
import org.dsarules.workspace.store.Database;
import org.dsarules.workspace.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dsa-audit users add|list|disable --data DIR}: the workspace's accounts, from the command line of
 * the machine that holds the workspace (whoever may write its directory may manage its accounts). A
 * password is never an argument (arguments are seen by other users' process lists and kept in shell
 * histories): it is read from the console without echo, or from standard input with --password-stdin.
 */
@Command(name = "users", description = {"Manage the workspace's accounts (the LMC's workspace): add, list, disable, enable."},
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class, UsersCommand.Enable.class})
public final class UsersCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to do: add, list, disable or enable");
    }

    /** Who the command line records as the maker of a change: the operating system's user. */
    static Actor cliActor() {
        String user = System.getProperty("user.name", "unknown");
        return new Actor("cli:" + user, "the command line (" + user + ")");
    }

    abstract static class Base implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "DIR", description = "The workspace's directory.")
        Path data;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = Database.open(data)) {
                return run(new Accounts(db, Clock.systemUTC()), spec.commandLine().getOut());
            } catch (WorkspaceException | StoreException e) {
                spec.commandLine().getErr().println("dsa-audit: " + e.getMessage());
                return 2;
            }
        }

        abstract int run(Accounts accounts, PrintWriter out);
    }

    @Command(name = "add", description = {"Make an account. The password is read from the console without echo (twice), "
            + "or as one line of standard input with --password-stdin; it is stored only as an Argon2id hash."})
    static final class Add extends Base {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The account's name (letters, digits, dots, dashes).")
        String name;

        @Option(names = "--role", required = true, paramLabel = "lmc-officer|practice-manager",
                description = "An LMC officer sees and changes every practice; a practice manager only their own.")
        String role;

        @Option(names = "--practice", paramLabel = "ODS", description = "A practice manager's practice (its ODS code).")
        String practice;

        @Option(names = "--password-stdin", description = "Read the password as the first line of standard input (for scripts).")
        boolean passwordStdin;

        @Override
        int run(Accounts accounts, PrintWriter out) {
            Role r = Role.of(role);
            if (r == null) {
                throw new WorkspaceException("--role is lmc-officer or practice-manager, not \"" + role + "\"");
            }
            char[] password = readPassword(passwordStdin, name);
            try {
                Account a = accounts.add(name, r, practice, password, cliActor());
                out.println("dsa-audit: account " + a.name() + " made: " + a.role().words + (a.odsCode() == null ? "" : " of " + a.odsCode()));
            } finally {
                Arrays.fill(password, '\0');
            }
            return 0;
        }
    }

    @Command(name = "list", description = {"List the accounts: name, role, practice, enabled or disabled, last sign-in."})
    static final class ListUsers extends Base {
        @Override
        int run(Accounts accounts, PrintWriter out) {
            out.println("name\trole\tpractice\tstate\tlast sign-in");
            for (Account a : accounts.list()) {
                out.println(a.name() + "\t" + a.role().option + "\t" + (a.odsCode() == null ? "-" : a.odsCode()) + "\t"
                        + (a.disabled() ? "disabled" : "enabled") + "\t" + (a.lastSignIn() == null ? "never" : a.lastSignIn()));
            }
            return 0;
        }
    }

    @Command(name = "disable", description = {"Disable an account: it cannot sign in, and its open sessions end at their next request."})
    static final class Disable extends Base {
        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Override
        int run(Accounts accounts, PrintWriter out) {
            accounts.disable(name, cliActor(), "disabled by dsa-audit users disable");
            out.println("dsa-audit: account " + Accounts.name(name) + " disabled");
            return 0;
        }
    }

    @Command(name = "enable", description = {"Enable a disabled account again."})
    static final class Enable extends Base {
        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Override
        int run(Accounts accounts, PrintWriter out) {
            accounts.enable(name, cliActor(), "enabled by dsa-audit users enable");
            out.println("dsa-audit: account " + Accounts.name(name) + " enabled");
            return 0;
        }
    }

    /** A password from standard input (its first line) or the console without echo (typed twice). */
    static char[] readPassword(boolean fromStdin, String forName) {
        if (fromStdin) {
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line = in.readLine();
                if (line == null || line.isEmpty()) {
                    throw new WorkspaceException("--password-stdin: standard input has no password line");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new WorkspaceException("--password-stdin: cannot read standard input: " + e.getMessage());
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new WorkspaceException("no console to read the password from without echo: use --password-stdin");
        }
        char[] first = console.readPassword("Password for %s: ", forName);
        char[] second = console.readPassword("The same password again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            throw new WorkspaceException("the two passwords differ: nothing was changed");
        }
        Arrays.fill(second, '\0');
        return first;
    }
}
