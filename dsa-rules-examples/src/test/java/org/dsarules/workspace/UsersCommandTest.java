package org.dsarules.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.dsarules.cli.DsaAudit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's users and serve options, refused with one line naming what is wrong. */
class UsersCommandTest {
    @TempDir
    Path dir;

    int run(StringWriter out, StringWriter err, String stdin, String... args) {
        InputStream realIn = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            return DsaAudit.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        } finally {
            System.setIn(realIn);
        }
    }

    @Test
    void badAccountsAreRefusedWithOneLine() {
        String data = dir.resolve("data").toString();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(2, run(out, err, "a long enough passphrase\n", "users", "add", "--data", data, "--name", "sam",
                "--role", "practice-manager", "--password-stdin"));
        assertTrue(err.toString().contains("needs the practice's ODS code"), err.toString());
        assertEquals(2, run(out, err, "a long enough passphrase\n", "users", "add", "--data", data, "--name", "sam",
                "--role", "boss", "--password-stdin"));
        assertTrue(err.toString().contains("--role is lmc-officer or practice-manager"), err.toString());
        assertEquals(2, run(out, err, "short\n", "users", "add", "--data", data, "--name", "sam",
                "--role", "lmc-officer", "--password-stdin"));
        assertTrue(err.toString().contains("at least 12 characters"), err.toString());
        assertEquals(2, run(out, err, "", "users", "disable", "--data", data, "--name", "nobody"));
        assertTrue(err.toString().contains("there is no account nobody"), err.toString());
        assertEquals(0, run(out, err, "a long enough passphrase\n", "users", "add", "--data", data, "--name", "sam",
                "--role", "practice-manager", "--practice", "a81001", "--password-stdin"), err.toString());
        assertTrue(out.toString().contains("account sam made: practice manager of A81001"), out.toString());
        assertTrue(!out.toString().contains("passphrase") && !err.toString().contains("passphrase"));
    }

    @Test
    void servingBeyondTheLoopbackWithoutTlsIsRefusedAtOnce() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(2, run(out, err, "", "serve", "--data", dir.resolve("data").toString(), "--bind", "0.0.0.0", "--port", "0"));
        assertTrue(err.toString().contains("--bind 0.0.0.0 needs TLS"), err.toString());
        assertEquals("", out.toString(), "no address printed");
    }
}
