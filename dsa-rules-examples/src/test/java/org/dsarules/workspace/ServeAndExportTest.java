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
import java.util.List;
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

    /** The outcome of each agreement of a decision document (record-format.md), by agreement id. */
    static java.util.Map<String, String> outcomes(String decisionDocument) throws Exception {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        for (var d : RegisterText.JSON.readTree(decisionDocument).get("decisions")) {
            m.put(d.get("dsaId").asText(), d.get("outcome").asText());
        }
        return m;
    }

    static String audit(Path register, String asOf, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("audit", register.toString(), "--format", "json",
                "--as-of", asOf));
        args.addAll(java.util.List.of(options));
        int status = DsaAudit.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        assertEquals(0, status, err.toString());
        return out.toString();
    }

    /**
     * {@code serve --no-catalogue} decides as {@code audit --no-catalogue} does, on a register whose decisions depend
     * on the catalogue (GDPPR named, its legal duty left not known for the catalogue to fill): the workspace and the
     * command line never disagree about one register.
     */
    @Test
    void serveWithoutTheCatalogueDecidesAsAuditWithoutIt(@TempDir Path dir) throws Exception {
        Path register = dir.resolve("register.json");
        Files.writeString(register, """
                {"practice": {"odsCode": "Z99042", "name": "Millbrook Surgery (fictional)"},
                 "agreements": [
                  {"id": "DSA-1", "programme": "GDPPR", "status": "EXISTING"},
                  {"id": "DSA-2", "title": "Westvale population health platform", "status": "EXISTING"}
                ]}
                """);
        String asOf = "2026-12-01";
        java.util.Map<String, String> withCatalogue = outcomes(audit(register, asOf));
        java.util.Map<String, String> without = outcomes(audit(register, asOf, "--no-catalogue"));
        assertTrue(!withCatalogue.equals(without), "the register's decisions depend on the catalogue: " + without);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DsaAudit.class.getName(), "serve",
                "--data", dir.resolve("data").toString(), "--port", "0", "--import", register.toString(), "--no-catalogue")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.contains("token="), "serve --no-catalogue started: " + line);
            String base = line.substring(0, line.indexOf("/?"));
            HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/api/practices/Z99042/decisions?asOf=" + asOf))
                    .header("Authorization", "Bearer " + line.substring(line.indexOf("token=") + 6)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, api.statusCode(), api.body());
            assertEquals(without, outcomes(api.body()), "the workspace decides as audit --no-catalogue");
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
    }

    /** serve takes the deciding commands' catalogue and alias options, says them in its help and refuses them as they do. */
    @Test
    void serveTakesTheCatalogueOptionsAsEveryDecidingCommand(@TempDir Path dir) throws Exception {
        StringWriter help = new StringWriter();
        assertEquals(0, DsaAudit.run(new PrintWriter(help, true), new PrintWriter(new StringWriter(), true), "serve", "--help"));
        for (String option : new String[] {"--catalogue", "--no-catalogue", "--aliases"}) {
            assertTrue(help.toString().contains(option), option + " in: " + help);
        }
        Path local = dir.resolve("local.json");
        Files.writeString(local, "[]");
        StringWriter err = new StringWriter();
        assertEquals(2, DsaAudit.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "serve", "--data",
                dir.resolve("data").toString(), "--port", "0", "--no-catalogue", "--catalogue", local.toString()));
        assertTrue(err.toString().contains("--catalogue and --no-catalogue"), err.toString());
        err = new StringWriter();
        assertEquals(2, DsaAudit.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "serve", "--data",
                dir.resolve("data").toString(), "--port", "0", "--aliases", dir.resolve("missing.csv").toString()));
        assertTrue(err.toString().contains("missing.csv"), err.toString());
        assertTrue(!Files.exists(dir.resolve("data")), "nothing opened before the options were found wrong");
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

    /** Export writes its --out as every command does: one line for a missing folder or a full device, an old file kept whole. */
    @Test
    void exportWritesLikeEveryOtherCommand(@TempDir Path dir) throws Exception {
        try (DsaRules rules = DsaRules.defaults(); Workspace ws = Workspace.open(dir.resolve("data"), rules)) {
            ws.importRegister(Files.readAllBytes(SAMPLE), RegisterFiles.Format.JSON, "millbrook-register.json", null,
                    Actor.LOCAL, null);
        }
        String data = dir.resolve("data").toString();
        // a folder that does not exist: it used to end in an internal error (NoSuchFileException)
        StringWriter err = new StringWriter();
        assertEquals(2, DsaAudit.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "export", "--data", data,
                "--practice", "Z99042", "--out", dir.resolve("no-such-folder/out.json").toString()));
        assertTrue(err.toString().contains("does not exist") && !err.toString().contains("Exception")
                && err.toString().strip().lines().count() == 1, err.toString());
        // an unknown practice leaves an existing --out as it was, and no temporary file beside it
        Path kept = dir.resolve("kept.json");
        Files.writeString(kept, "the practice's own file");
        err = new StringWriter();
        assertEquals(2, DsaAudit.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "export", "--data", data,
                "--practice", "Q00000", "--out", kept.toString()));
        assertEquals("the practice's own file", Files.readString(kept));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("data", "kept.json"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        // a full device stays a device: the old code moved a temporary file over /dev/full
        Path full = Path.of("/dev/full");
        if (Files.exists(full)) {
            err = new StringWriter();
            assertEquals(2, DsaAudit.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "export", "--data", data,
                    "--practice", "Z99042", "--out", full.toString()));
            assertTrue(err.toString().contains("/dev/full") && !err.toString().contains("Exception"), err.toString());
            assertTrue(!Files.isRegularFile(full), "/dev/full is still a device");
        }
    }
}
