package org.dsarules.workspace.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;

import java.time.Duration;
import java.time.Instant;
import org.dsarules.workspace.Actor;
import org.dsarules.workspace.WorkspaceException;
import org.dsarules.workspace.store.Database;
import org.dsarules.workspace.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts on a real workspace database: roles, Argon2id hashes, lock-outs by a moved clock, append-only state. */
class AccountsTest {
    static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    static final Actor ADMIN = new Actor("cli:test", "the test");

    @TempDir
    Path dir;
    Database db;
    MovableClock clock;
    Accounts accounts;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
        accounts = new Accounts(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void rolesAndWhoMaySeeWhichPractice() {
        Account lmc = accounts.add("Officer", Role.LMC_OFFICER, null, PASSWORD, ADMIN);
        Account pm = accounts.add("pm-a", Role.PRACTICE_MANAGER, "z99042", PASSWORD, ADMIN);
        assertEquals("officer", lmc.name());
        assertEquals("Z99042", pm.odsCode());
        assertTrue(lmc.mayAccess("A81001") && lmc.mayAccess("Z99042"));
        assertTrue(pm.mayAccess("Z99042"));
        assertFalse(pm.mayAccess("A81001"));
        assertTrue(accounts.access().mayAccess(pm.actor(), "Z99042"));
        assertFalse(accounts.access().mayAccess(pm.actor(), "A81001"));
        assertTrue(accounts.access().mayAccess(Actor.LOCAL, "A81001"));
        assertFalse(accounts.access().mayAccess(new Actor("nobody", "nobody"), "Z99042"));

        assertThrows(WorkspaceException.class, () -> accounts.add("pm-b", Role.PRACTICE_MANAGER, null, PASSWORD, ADMIN));
        assertThrows(WorkspaceException.class, () -> accounts.add("x2", Role.LMC_OFFICER, "Z99042", PASSWORD, ADMIN));
        assertThrows(WorkspaceException.class, () -> accounts.add("pm-a", Role.LMC_OFFICER, null, PASSWORD, ADMIN));
        assertThrows(WorkspaceException.class, () -> accounts.add("local", Role.LMC_OFFICER, null, PASSWORD, ADMIN));
        assertThrows(WorkspaceException.class, () -> accounts.add("short", Role.LMC_OFFICER, null, "too short".toCharArray(), ADMIN));

        accounts.disable("pm-a", ADMIN, "left the practice");
        assertTrue(accounts.find("pm-a").disabled());
        assertFalse(accounts.access().mayAccess(pm.actor(), "Z99042"));
        assertEquals("This account is disabled: ask the LMC officer.",
                ((SignIn.Refused) accounts.signIn("pm-a", PASSWORD, "10.0.0.1")).message());
        accounts.enable("pm-a", ADMIN, null);
        assertInstanceOf(SignIn.Success.class, accounts.signIn("pm-a", PASSWORD, "10.0.0.1"));
        assertEquals(clock.instant(), accounts.find("pm-a").lastSignIn());
    }

    @Test
    void twentyWrongPasswordsLockTheAccountForAWhile() {
        accounts.add("pm-a", Role.PRACTICE_MANAGER, "Z99042", PASSWORD, ADMIN);
        char[] wrong = "not the password at all".toCharArray();
        for (int i = 1; i < Accounts.FAILURES_TO_LOCK; i++) {
            assertInstanceOf(SignIn.Refused.class, accounts.signIn("pm-a", wrong, "10.0.0." + i));
            clock.advance(Duration.ofSeconds(5));
        }
        // Nineteen failures: not yet locked (a success would reset the count; here the 20th failure locks).
        assertInstanceOf(SignIn.Refused.class, accounts.signIn("pm-a", wrong, "10.0.0.20"));
        Instant lockedAt = clock.instant();

        // The right password is refused while the lock lasts, from any address, unread.
        SignIn during = accounts.signIn("pm-a", PASSWORD, "10.0.0.99");
        SignIn.Locked locked = assertInstanceOf(SignIn.Locked.class, during);
        assertEquals(lockedAt.plus(Accounts.LOCK), locked.until());
        clock.advance(Accounts.LOCK.minusSeconds(1));
        assertInstanceOf(SignIn.Locked.class, accounts.signIn("pm-a", PASSWORD, "10.0.0.99"));

        // Once the lock ends, the right password opens the account again.
        clock.advance(Duration.ofSeconds(1));
        assertInstanceOf(SignIn.Success.class, accounts.signIn("pm-a", PASSWORD, "10.0.0.99"));

        // Every attempt was recorded: 20 failures, 2 refused while locked, 1 success.
        assertEquals(23, count("SELECT count(*) FROM sign_in WHERE name = 'pm-a'"));
        assertEquals(20, count("SELECT count(*) FROM sign_in WHERE outcome = 'FAILURE'"));
        assertEquals(2, count("SELECT count(*) FROM sign_in WHERE outcome = 'LOCKED'"));
    }

    @Test
    void oneAddressFailingForManyNamesIsLockedItself() {
        Accounts strict = new Accounts(db, clock, new Accounts.Limits(20, 5, Duration.ofMinutes(15)));
        strict.add("pm-a", Role.PRACTICE_MANAGER, "Z99042", PASSWORD, ADMIN);
        char[] wrong = "not the password at all".toCharArray();
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(SignIn.Refused.class, strict.signIn("guess" + i, wrong, "203.0.113.9"));
        }
        assertInstanceOf(SignIn.Locked.class, strict.signIn("pm-a", PASSWORD, "203.0.113.9"));
        // Another address is not locked, nor is the account.
        assertInstanceOf(SignIn.Success.class, strict.signIn("pm-a", PASSWORD, "198.51.100.7"));
        clock.advance(Duration.ofMinutes(15));
        assertInstanceOf(SignIn.Success.class, strict.signIn("pm-a", PASSWORD, "203.0.113.9"));
    }

    @Test
    void aWrongNameAndAWrongPasswordGetTheSameAnswer() {
        accounts.add("pm-a", Role.PRACTICE_MANAGER, "Z99042", PASSWORD, ADMIN);
        String noSuchName = ((SignIn.Refused) accounts.signIn("nobody", PASSWORD, "10.0.0.1")).message();
        String wrongPassword = ((SignIn.Refused) accounts.signIn("pm-a", "wrong password here".toCharArray(), "10.0.0.1")).message();
        assertEquals(noSuchName, wrongPassword);
    }

    @Test
    void thePasswordIsStoredOnlyAsAnArgon2idHash() throws Exception {
        accounts.add("pm-a", Role.PRACTICE_MANAGER, "Z99042", PASSWORD, ADMIN);
        accounts.signIn("pm-a", PASSWORD, "10.0.0.1");
        accounts.signIn("pm-a", "correct horse battery stapler".toCharArray(), "10.0.0.1");
        String hash = db.read(c -> {
            try (ResultSet r = c.createStatement().executeQuery("SELECT password_hash FROM account_event WHERE kind = 'PASSWORD'")) {
                r.next();
                return r.getString(1);
            }
        });
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(Passwords.verify(PASSWORD, hash));
        assertFalse(Passwords.verify("correct horse battery stapler".toCharArray(), hash));
        db.close();
        String secret = new String(PASSWORD);
        for (String f : new String[] {Database.FILE, Database.FILE + "-wal"}) {
            Path p = dir.resolve(f);
            if (Files.exists(p)) {
                String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(secret), f + " holds the password in clear");
                assertFalse(bytes.contains("battery"), f + " holds part of a password in clear");
            }
        }
        db = Database.open(dir);
    }

    @Test
    void accountStateIsAppendOnly() {
        accounts.add("pm-a", Role.PRACTICE_MANAGER, "Z99042", PASSWORD, ADMIN);
        accounts.signIn("pm-a", "a wrong password".toCharArray(), "10.0.0.1");
        for (String sql : new String[] {"UPDATE account SET role = 'LMC_OFFICER'", "DELETE FROM account_event",
                "UPDATE sign_in SET outcome = 'SUCCESS'", "DELETE FROM sign_in"}) {
            StoreException e = assertThrows(StoreException.class, () -> db.read(c -> c.createStatement().executeUpdate(sql)));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
        assertEquals(Role.PRACTICE_MANAGER, accounts.find("pm-a").role());
        assertNull(accounts.find("nobody"));
    }

    private long count(String sql) {
        return db.read(c -> {
            try (ResultSet r = c.createStatement().executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        });
    }

}
