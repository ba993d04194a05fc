package org.dsarules.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dsarules.DsaRules;
import org.dsarules.cli.DsaAudit;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterFiles;
import org.dsarules.register.RegisterSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two commands: serve prints one line that opens the workspace; export writes what the command line reads. */
class ServeAndExportTest {
    static final Path SAMPLE = Path.of("samples/millbrook-register.json").toAbsolutePath();

    @Test
    void servePrintsOneAddressWithATokenOnTheLoopback(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DsaAudit.class.getName(), "serve",
                "--data", dir.resolve("data").toString(), "--port", "0", "--import", SAMPLE.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.matches("http://127\\.0\\.0\\.1:\\d+/\\?token=[A-Za-z0-9_-]{43}"), String.valueOf(line));
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(line)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(303, r.statusCode());
            String base = line.substring(0, line.indexOf("/?"));
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(base + "/api/practices"))
                    .header("Authorization", "Bearer " + line.substring(line.indexOf("token=") + 6)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(api.body().contains("\"Z99042\""), "--import preloaded the sample: " + api.body());
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(Files.exists(dir.resolve("data").resolve("workspace.db")));
    }

    @Test
    void exportWritesTheRegisterTheCommandLineReads(@TempDir Path dir) throws Exception {
        int records;
        try (DsaRules rules = DsaRules.defaults(); Workspace ws = Workspace.open(dir.resolve("data"), rules)) {
            records = ws.importRegister(Files.readAllBytes(SAMPLE), RegisterFiles.Format.JSON, "millbrook-register.json", null,
                    Actor.LOCAL, null).read();
        }
        for (String name : new String[] {"out.csv", "out.xlsx", "out.json"}) {
            Path out = dir.resolve(name);
            StringWriter err = new StringWriter();
            int status = DsaAudit.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "export", "--data",
                    dir.resolve("data").toString(), "--practice", "z99042", "--out", out.toString());
            assertEquals(0, status, err.toString());
            int n = 0;
            try (RegisterSource s = RegisterFiles.open(out)) {
                while (s.hasNext()) {
                    assertTrue(s.next() instanceof RegisterEntry.Valid, name);
                    n++;
                }
                assertEquals("Z99042", s.practice().odsCode());
            }
            assertEquals(records, n, name);
        }
        StringWriter err = new StringWriter();
        assertEquals(2, DsaAudit.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "export", "--data",
                dir.resolve("nothing").toString(), "--practice", "Z99042", "--out", dir.resolve("x.csv").toString()));
        assertTrue(err.toString().startsWith("dsa-audit: ") && err.toString().contains("no workspace"), err.toString());
    }
}
