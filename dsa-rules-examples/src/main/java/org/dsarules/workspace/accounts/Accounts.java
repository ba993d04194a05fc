package org.dsarules.workspace.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.dsarules.workspace.Access;
import org.dsarules.workspace.Actor;
import org.dsarules.workspace.Workspace;
import org.dsarules.workspace.WorkspaceException;
import org.dsarules.workspace.store.Database;

/**
 * The workspace's accounts, kept append-only beside its registers (db/migration V2): each account, the
 * events that set its password and disable or enable it, and every sign-in attempt. An account's state
 * and any lock-out are derived from these rows, never written in place.
 *
 * <p>Lock-outs (docs/workspace.md): {@value #FAILURES_TO_LOCK} failed sign-ins for one name since its
 * last success (within a day) lock that name for {@link #LOCK}; {@value #ADDRESS_FAILURES} failures
 * from one address within {@link #LOCK} lock that address for as long. A locked attempt is refused
 * without the password being checked, and recorded.
 */
public final class Accounts {
    public static final int FAILURES_TO_LOCK = 20;
    public static final Duration LOCK = Duration.ofMinutes(15);
    public static final int ADDRESS_FAILURES = 100;
    private static final Duration FAILURE_MEMORY = Duration.ofDays(1);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
    private static final String REFUSED = "That name and password do not open this workspace.";

    /**
     * The lock-out limits: failures of one name before it is locked, failures from one address within the
     * lock's length before that address is locked, and the lock's length.
     */
    public record Limits(int failuresToLock, int addressFailures, Duration lock) {
        public static final Limits DEFAULT = new Limits(FAILURES_TO_LOCK, ADDRESS_FAILURES, LOCK);
    }

    private final Database db;
    private final Clock clock;
    private final Limits limits;

    public Accounts(Database db, Clock clock) {
        this(db, clock, Limits.DEFAULT);
    }

    public Accounts(Database db, Clock clock, Limits limits) {
        this.db = db;
        this.clock = clock;
        this.limits = limits;
    }

    /** An account's name as kept: lower case, 2 to 40 letters, digits, dots, dashes and underscores. */
    public static String name(String given) {
        String n = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(n).matches() || n.equals(Actor.LOCAL.id())) {
            throw new WorkspaceException("\"" + (given == null ? "" : given.strip()) + "\" is not an account name: "
                    + "2 to 40 letters, digits, dots, dashes or underscores, starting with a letter or digit (and not \"local\")");
        }
        return n;
    }

    /**
     * Makes an account. A practice manager needs the practice's ODS code (the practice need not have a
     * register yet); an LMC officer has none.
     */
    public Account add(String name, Role role, String odsCode, char[] password, Actor who) {
        String n = name(name);
        if (role == null) {
            throw new WorkspaceException("a role is lmc-officer or practice-manager");
        }
        String ods = null;
        if (role == Role.PRACTICE_MANAGER) {
            if (odsCode == null || odsCode.isBlank()) {
                throw new WorkspaceException("a practice manager's account needs the practice's ODS code (--practice ODS)");
            }
            ods = Workspace.odsCode(odsCode);
        } else if (odsCode != null && !odsCode.isBlank()) {
            throw new WorkspaceException("an LMC officer sees every practice: give no practice");
        }
        String weak = Passwords.weakness(password);
        if (weak != null) {
            throw new WorkspaceException(weak);
        }
        String hash = Passwords.hash(password);
        String now = now().toString();
        String practice = ods;
        db.transaction(c -> {
            if (find(c, n) != null) {
                throw new WorkspaceException("there is already an account " + n);
            }
            long id;
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO account (name, role, ods_code, created_at, created_by) VALUES (?,?,?,?,?)")) {
                s.setString(1, n);
                s.setString(2, role.name());
                s.setString(3, practice);
                s.setString(4, now);
                s.setString(5, who.id());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM account WHERE name = ?")) {
                s.setString(1, n);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    id = r.getLong(1);
                }
            }
            event(c, id, "PASSWORD", hash, "account made", now, who);
            return null;
        });
        return find(n);
    }

    /** Disables an account: it can no longer sign in, and its open sessions end at their next request. */
    public Account disable(String name, Actor who, String comment) {
        return setEnabled(name, false, who, comment);
    }

    public Account enable(String name, Actor who, String comment) {
        return setEnabled(name, true, who, comment);
    }

    private Account setEnabled(String name, boolean enabled, Actor who, String comment) {
        String n = name(name);
        String now = now().toString();
        db.transaction(c -> {
            Account a = find(c, n);
            if (a == null) {
                throw new WorkspaceException("there is no account " + n);
            }
            if (a.disabled() == enabled) {
                event(c, a.id(), enabled ? "ENABLED" : "DISABLED", null, comment, now, who);
            }
            return null;
        });
        return find(n);
    }

    /** Gives an account a new password. */
    public void setPassword(String name, char[] password, Actor who) {
        String n = name(name);
        String weak = Passwords.weakness(password);
        if (weak != null) {
            throw new WorkspaceException(weak);
        }
        String hash = Passwords.hash(password);
        String now = now().toString();
        db.transaction(c -> {
            Account a = find(c, n);
            if (a == null) {
                throw new WorkspaceException("there is no account " + n);
            }
            event(c, a.id(), "PASSWORD", hash, "password changed", now, who);
            return null;
        });
    }

    /** Every account, by name. */
    public List<Account> list() {
        return db.read(c -> {
            List<Account> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name FROM account ORDER BY name");
                    ResultSet r = s.executeQuery()) {
                List<String> names = new ArrayList<>();
                while (r.next()) {
                    names.add(r.getString(1));
                }
                for (String n : names) {
                    out.add(find(c, n));
                }
            }
            return out;
        });
    }

    /** Whether the workspace has an account that is not disabled. */
    public boolean anyEnabled() {
        return list().stream().anyMatch(a -> !a.disabled());
    }

    /** The account of this name, or null. */
    public Account find(String name) {
        return db.read(c -> find(c, name == null ? "" : name.strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * Who may see which practice: the token's holder on the loopback ({@link Actor#LOCAL}) every practice;
     * an account as its role says, and nothing once disabled.
     */
    public Access access() {
        return (actor, odsCode) -> {
            if (actor == null) {
                return false;
            }
            if (actor.equals(Actor.LOCAL)) {
                return true;
            }
            Account a = find(actor.id());
            return a != null && a.mayAccess(odsCode);
        };
    }

    /**
     * Checks a name and password given at {@code address}, recording the attempt whatever comes of it. The
     * password is checked only when neither the name nor the address is locked.
     */
    public SignIn signIn(String name, char[] password, String address) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (n.length() > 100) {
            n = n.substring(0, 100);
        }
        String addr = address == null ? "unknown" : address;
        Instant now = now();
        String key = n;
        Instant lockedUntil = db.read(c -> {
            Instant byName = nameLockedUntil(c, key, now, limits);
            Instant byAddress = addressLockedUntil(c, addr, now, limits);
            return byName == null ? byAddress : byAddress == null ? byName : byName.isAfter(byAddress) ? byName : byAddress;
        });
        if (lockedUntil != null) {
            record(null, key, addr, "LOCKED", now);
            return new SignIn.Locked(lockedUntil, "Too many failed sign-ins: this name or this computer may try again after "
                    + java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(lockedUntil.atZone(java.time.ZoneId.of("Europe/London")))
                    + " (UK time).");
        }
        Account a = find(key);
        String hash = a == null ? null : db.read(c -> passwordHash(c, a.id()));
        boolean ok;
        if (hash == null) {
            Passwords.spendOneVerification(password == null ? new char[0] : password);
            ok = false;
        } else {
            ok = Passwords.verify(password == null ? new char[0] : password, hash);
        }
        Long id = a == null ? null : a.id();
        if (!ok) {
            record(id, key, addr, "FAILURE", now);
            return new SignIn.Refused(REFUSED);
        }
        if (a.disabled()) {
            record(id, key, addr, "DISABLED", now);
            return new SignIn.Refused("This account is disabled: ask the LMC officer.");
        }
        record(id, key, addr, "SUCCESS", now);
        return new SignIn.Success(a);
    }

    /** A sign-in attempt as recorded. */
    public record Attempt(String name, String address, String outcome, Instant at) {
    }

    /** The newest sign-in attempts, newest first. */
    public List<Attempt> attempts(int limit) {
        return db.read(c -> {
            List<Attempt> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name, address, outcome, at FROM sign_in ORDER BY id DESC LIMIT ?")) {
                s.setInt(1, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Attempt(r.getString(1), r.getString(2), r.getString(3), Instant.parse(r.getString(4))));
                    }
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- derived state

    private Instant now() {
        return Instant.now(clock);
    }

    /**
     * The end of this name's lock, or null: walking its attempts since its last success (within a day),
     * every {@value #FAILURES_TO_LOCK} failures outside a lock start a lock of {@link #LOCK}.
     */
    private static Instant nameLockedUntil(Connection c, String name, Instant now, Limits limits) throws SQLException {
        Instant lockedUntil = null;
        int failures = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT outcome, at FROM sign_in WHERE name = ? AND at > ? "
                + "AND id > coalesce((SELECT max(id) FROM sign_in WHERE name = ? AND outcome = 'SUCCESS'), 0) ORDER BY id")) {
            s.setString(1, name);
            s.setString(2, now.minus(FAILURE_MEMORY).toString());
            s.setString(3, name);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (!r.getString(1).equals("FAILURE")) {
                        continue;
                    }
                    Instant at = Instant.parse(r.getString(2));
                    if (lockedUntil != null && at.isBefore(lockedUntil)) {
                        continue;
                    }
                    if (++failures >= limits.failuresToLock()) {
                        lockedUntil = at.plus(limits.lock());
                        failures = 0;
                    }
                }
            }
        }
        return lockedUntil != null && now.isBefore(lockedUntil) ? lockedUntil : null;
    }

    /** The end of this address's lock, or null: {@value #ADDRESS_FAILURES} failures within {@link #LOCK}. */
    private static Instant addressLockedUntil(Connection c, String address, Instant now, Limits limits) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT at FROM sign_in WHERE address = ? AND outcome = 'FAILURE' "
                + "AND at > ? ORDER BY id DESC LIMIT 1 OFFSET ?")) {
            s.setString(1, address);
            s.setString(2, now.minus(limits.lock()).toString());
            s.setInt(3, limits.addressFailures() - 1);
            try (ResultSet r = s.executeQuery()) {
                // The limit's newest failure in the window: the address is locked until it leaves the window.
                return r.next() ? Instant.parse(r.getString(1)).plus(limits.lock()) : null;
            }
        }
    }

    private void record(Long accountId, String name, String address, String outcome, Instant at) {
        db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO sign_in (account_id, name, address, outcome, at) VALUES (?,?,?,?,?)")) {
                if (accountId == null) {
                    s.setNull(1, java.sql.Types.INTEGER);
                } else {
                    s.setLong(1, accountId);
                }
                s.setString(2, name);
                s.setString(3, address);
                s.setString(4, outcome);
                s.setString(5, at.toString());
                s.executeUpdate();
            }
            return null;
        });
    }

    private static void event(Connection c, long accountId, String kind, String hash, String comment, String now, Actor who)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO account_event (account_id, kind, password_hash, comment, at, who) VALUES (?,?,?,?,?,?)")) {
            s.setLong(1, accountId);
            s.setString(2, kind);
            s.setString(3, hash);
            s.setString(4, comment);
            s.setString(5, now);
            s.setString(6, who.id());
            s.executeUpdate();
        }
    }

    private static String passwordHash(Connection c, long accountId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT password_hash FROM account_event WHERE account_id = ? AND kind = 'PASSWORD' ORDER BY id DESC LIMIT 1")) {
            s.setLong(1, accountId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static Account find(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT a.id, a.name, a.role, a.ods_code, a.created_at, a.created_by, "
                + "(SELECT e.kind FROM account_event e WHERE e.account_id = a.id AND e.kind IN ('DISABLED', 'ENABLED') "
                + " ORDER BY e.id DESC LIMIT 1), "
                + "(SELECT max(at) FROM sign_in i WHERE i.account_id = a.id AND i.outcome = 'SUCCESS') "
                + "FROM account a WHERE a.name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                String last = r.getString(8);
                return new Account(r.getLong(1), r.getString(2), Role.valueOf(r.getString(3)), r.getString(4),
                        "DISABLED".equals(r.getString(7)), Instant.parse(r.getString(5)), r.getString(6),
                        last == null ? null : Instant.parse(last));
            }
        }
    }
}
