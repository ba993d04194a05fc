package org.dsarules.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.dsarules.DsaRules;
import org.dsarules.cli.DsaAudit;
import org.dsarules.workspace.web.WorkspaceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password given to {@code users add} and to the sign-in (right and wrong) is in no output of the tool,
 * nothing the process printed (standard output and error, where any log would go), and no byte of the
 * workspace's files.
 */
class PasswordSecrecyTest {
    static final String SECRET = "Plum-Tomato-Quartz-8812";
    static final String WRONG = "Wrong-Guess-Zebra-4471";

    @TempDir
    Path dir;

    @Test
    void thePasswordIsNeitherStoredInClearNorPrinted() throws Exception {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        InputStream realIn = System.in;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        StringWriter cli = new StringWriter();
        Path data = dir.resolve("data");
        try {
            System.setOut(capture);
            System.setErr(capture);
            System.setIn(new ByteArrayInputStream((SECRET + "\n").getBytes(StandardCharsets.UTF_8)));
            assertEquals(0, DsaAudit.run(new PrintWriter(cli, true), new PrintWriter(cli, true), "users", "add", "--data",
                    data.toString(), "--name", "officer", "--role", "lmc-officer", "--password-stdin"), cli.toString());
            assertEquals(0, DsaAudit.run(new PrintWriter(cli, true), new PrintWriter(cli, true), "users", "list", "--data", data.toString()));
            assertTrue(cli.toString().contains("officer\tlmc-officer"), cli.toString());
            try (DsaRules rules = DsaRules.defaults(); Workspace ws = Workspace.open(data, rules);
                    WorkspaceServer server = WorkspaceServer.start(ws, 0)) {
                HttpClient http = HttpClient.newHttpClient();
                for (String password : new String[] {WRONG, SECRET}) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/session"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"officer\",\"password\":\"" + password + "\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(password.equals(SECRET) ? 201 : 401, r.statusCode(), r.body());
                    assertFalse(r.body().contains(password), "the answer does not repeat the password");
                }
            }
            assertEquals(0, DsaAudit.run(new PrintWriter(cli, true), new PrintWriter(cli, true), "users", "disable", "--data",
                    data.toString(), "--name", "officer"));
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
            System.setIn(realIn);
        }
        String everything = cli + printed.toString(StandardCharsets.UTF_8);
        for (String password : new String[] {SECRET, WRONG}) {
            assertFalse(everything.contains(password), "printed: " + everything);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertFalse(bytes.contains(password), f + " holds a password in clear");
                    assertFalse(new String(Files.readAllBytes(f), StandardCharsets.UTF_16LE).contains(password), f + " (UTF-16)");
                }
            }
        }
    }
}
