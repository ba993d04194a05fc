package org.dsarules.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsarules.DsaRules;
import org.dsarules.register.RegisterFiles;
import org.dsarules.workspace.web.WorkspaceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace over real HTTP (java.net.http): who gets in, what every response carries, import and the API. */
class WorkspaceHttpTest {
    static final Path SAMPLE = Path.of("samples/millbrook-register.json");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static DsaRules rules;
    static Workspace workspace;
    static WorkspaceServer server;
    static String base;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        rules = DsaRules.defaults();
        workspace = Workspace.open(dir, rules);
        server = WorkspaceServer.start(workspace, 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
        workspace.close();
        rules.close();
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).GET();
    }

    static HttpRequest.Builder api(String path) {
        return get(path).header("Authorization", "Bearer " + server.token());
    }

    static HttpResponse<String> importSample() throws Exception {
        return send(api("/api/registers").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(SAMPLE)));
    }

    /** A browser session: the cookie the token's address sets, and the page's CSRF token. */
    record Session(String cookie, String csrf) {
    }

    static Session session() throws Exception {
        HttpResponse<String> r = send(get("/?token=" + server.token()));
        assertEquals(303, r.statusCode());
        assertEquals("/", r.headers().firstValue("Location").orElseThrow(), "the token leaves the address bar");
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<String> page = send(get("/import").header("Cookie", cookie));
        assertEquals(200, page.statusCode());
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find(), "the import form carries a CSRF token");
        return new Session(cookie, m.group(1));
    }

    @Test
    void nothingOfAnyPracticeWithoutTheToken() throws Exception {
        importSample();
        for (String path : List.of("/", "/import", "/practices/Z99042/register", "/practices/Z99042/agreements/MB-01",
                "/practices/Z99042/export?format=csv", "/practices/Z99042/diff", "/nowhere")) {
            HttpResponse<String> r = send(get(path));
            assertEquals(401, r.statusCode(), path);
            assertFalse(r.body().contains("MB-01"), path);
        }
        assertEquals(401, send(get("/?token=wrong")).statusCode());
        assertEquals(401, send(get("/").header("Cookie", "dsa_session=forged")).statusCode());
        for (String path : List.of("/api/practices", "/api/practices/Z99042/decisions")) {
            HttpResponse<String> r = send(get(path));
            assertEquals(401, r.statusCode(), path);
            assertEquals("Bearer", r.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(401, send(get(path).header("Authorization", "Bearer nope")).statusCode(), path);
        }
        assertEquals(401, send(HttpRequest.newBuilder(URI.create(base + "/api/registers")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(SAMPLE))).statusCode());
    }

    @Test
    void everyResponseCarriesThePolicyNosniffAndNoFraming() throws Exception {
        Session s = session();
        for (HttpResponse<String> r : List.of(send(get("/")), send(get("/").header("Cookie", s.cookie())),
                send(get("/static/workspace.css")), send(api("/api/practices")), send(get("/nowhere").header("Cookie", s.cookie())))) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"),
                    r.uri() + ": " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), r.uri().toString());
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), r.uri().toString());
        }
        assertFalse(send(get("/").header("Cookie", s.cookie())).body().contains("<script>"), "no inline script");
        // Another host name pointed at the loopback (DNS rebinding) is not served, even with the session's cookie
        // (java.net.http will not send another Host: a raw request does).
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: rebound.example:" + server.port() + "\r\nCookie: "
                    + s.cookie() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 421"), answer.lines().findFirst().orElse(""));
            assertFalse(answer.contains("Z99042"), "nothing of a practice to another host");
        }
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        importSample();
        Session s = session();
        String form = "revision=1&parties=1&title=Changed";
        HttpResponse<String> r = send(get("/practices/Z99042/agreements/MB-01/edit").header("Cookie", s.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(403, r.statusCode());
        r = send(get("/practices/Z99042/agreements/MB-01/edit").header("Cookie", s.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + s.csrf() + "x")));
        assertEquals(403, r.statusCode());
        assertEquals(403, send(get("/import").header("Cookie", s.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("a=b"))).statusCode());
    }

    @Test
    void theApiImportsAndAnswersTheDecisionDocument() throws Exception {
        HttpResponse<String> r = importSample();
        assertEquals(201, r.statusCode(), r.body());
        JsonNode report = JSON.readTree(r.body());
        assertEquals("Z99042", report.get("odsCode").asText());
        int records = report.get("records").asInt();
        assertEquals(records, report.get("rows").size(), "every record of the file is reported");
        assertEquals(records, report.get("read").asInt() + report.get("refused").asInt());

        JsonNode practices = JSON.readTree(send(api("/api/practices")).body());
        assertTrue(practices.findValues("odsCode").stream().anyMatch(n -> n.asText().equals("Z99042")), practices.toString());

        HttpResponse<String> d = send(api("/api/practices/Z99042/decisions?asOf=2026-06-15"));
        assertEquals(200, d.statusCode());
        JsonNode doc = JSON.readTree(d.body());
        assertEquals("2026-06-15", doc.get("knowledgeBase").get("asOf").asText());
        // The same decisions as the library's own audit of the file gives.
        var expected = rules.audit(SAMPLE, java.time.LocalDate.parse("2026-06-15"));
        assertEquals(expected.decisions().size(), doc.get("decisions").size());
        for (int i = 0; i < expected.decisions().size(); i++) {
            assertEquals(expected.decisions().get(i).dsaId(), doc.get("decisions").get(i).get("dsaId").asText());
            assertEquals(expected.decisions().get(i).outcome().name(), doc.get("decisions").get(i).get("outcome").asText());
            assertEquals(expected.decisions().get(i).decisiveRule(), doc.get("decisions").get(i).get("decisiveRule").asText());
        }
        assertEquals(400, send(api("/api/practices/Z99042/decisions?asOf=15/06/2026")).statusCode());
        assertEquals(404, send(api("/api/practices/Z99999/decisions")).statusCode());
        assertEquals(415, send(api("/api/registers").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x"))).statusCode());
        HttpResponse<String> broken = send(api("/api/registers").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"agreements\": [")));
        assertEquals(400, broken.statusCode());
        assertFalse(broken.body().contains(System.getProperty("java.io.tmpdir")), "no temporary path in the message: " + broken.body());
    }

    @Test
    void aCsvRegisterWithABadRowReportsEveryRowAndKeepsTheGoodOnes() throws Exception {
        String csv = "practice.odsCode,id,title,status,commercialAccess\n"
                + "B82002,X-1,One,EXISTING,yes\n"
                + "B82002,X-2,Two,SIGNED,no\n"
                + "B82002,X-3,Three,NEW_REQUEST,\n";
        HttpResponse<String> r = send(api("/api/registers?fileName=b.csv").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode report = JSON.readTree(r.body());
        assertEquals(3, report.get("records").asInt());
        assertEquals(1, report.get("refused").asInt());
        JsonNode bad = report.get("rows").get(1);
        assertFalse(bad.get("read").asBoolean());
        assertEquals("status", bad.get("field").asText());
        assertTrue(bad.get("message").asText().contains("EXISTING"), "the reader's message names the allowed values: " + bad);
        JsonNode doc = JSON.readTree(send(api("/api/practices/B82002/decisions")).body());
        assertEquals(2, doc.get("decisions").size());
    }

    @Test
    void anEditIsValidatedDecidedAgainAndTheSecondOfTwoSavesIsRefused() throws Exception {
        importSample();
        Session s = session();
        Registers.Audited before = workspace.current("Z99042", workspace.today());
        Registers.Row row = before.rows().get(0);
        // A bad date: refused with the reader's message, nothing saved.
        HttpResponse<String> bad = post(s, "/practices/Z99042/agreements/" + row.dsaId() + "/edit",
                "revision=" + row.revision() + "&parties=0&signedOn=31/02/2026&title=x");
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("signedOn"), bad.body());
        assertEquals(row.revision(), workspace.current("Z99042", workspace.today()).row(row.dsaId()).revision());

        // Two forms opened on the same revision: the first save wins, the second is refused with what changed.
        var cells = workspace.cells("Z99042", row.dsaId());
        String form = formOf(cells, row.revision());
        HttpResponse<String> first = post(s, "/practices/Z99042/agreements/" + row.dsaId() + "/edit",
                form.replaceAll("&title=[^&]*", "") + "&title=First+browser");
        assertEquals(303, first.statusCode(), first.body());
        HttpResponse<String> second = post(s, "/practices/Z99042/agreements/" + row.dsaId() + "/edit",
                form.replaceAll("&title=[^&]*", "") + "&title=Second+browser");
        assertEquals(409, second.statusCode());
        assertTrue(second.body().contains("First browser"), "the refusal shows what the other save changed");
        Registers.Row now = workspace.current("Z99042", workspace.today()).row(row.dsaId());
        assertEquals("First browser", now.agreement().title());
        // Nothing overwritten: the database refuses to change its history.
        int versions = workspace.versions("Z99042").size();
        assertTrue(versions >= 2);
        try {
            workspace.database().read(c -> c.createStatement().executeUpdate("UPDATE change SET new_value = 'x'"));
            throw new AssertionError("an UPDATE of the history was allowed");
        } catch (org.dsarules.workspace.store.StoreException expected) {
            assertTrue(expected.getMessage().contains("append-only"), expected.getMessage());
        }
        // The export carries the change and reads back with the library's reader.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        workspace.export("Z99042", 0, RegisterFiles.Format.CSV, out);
        RegisterText.Read back = RegisterText.read(out.toByteArray(), RegisterFiles.Format.CSV, "back.csv");
        assertTrue(back.entries().stream().allMatch(e -> e instanceof org.dsarules.register.RegisterEntry.Valid));
    }

    /** The form as the edit page would post it: every cell as it is. */
    static String formOf(java.util.Map<String, String> cells, int revision) {
        StringBuilder b = new StringBuilder("revision=" + revision + "&parties=" + (FactForm.parties(cells) + 1));
        cells.forEach((k, v) -> {
            if (!k.startsWith("history[")) {
                for (String part : k.startsWith("purposes") || k.startsWith("article") ? v.split(";") : new String[] {v}) {
                    b.append('&').append(enc(k)).append('=').append(enc(part));
                }
            }
        });
        return b.toString();
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> post(Session s, String path, String form) throws Exception {
        return send(get(path).header("Cookie", s.cookie()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + s.csrf())));
    }

    @Test
    void theWalIsOnAndThePagesRender() throws Exception {
        importSample();
        String mode = workspace.database().read(c -> {
            try (ResultSet r = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                r.next();
                return r.getString(1);
            }
        });
        assertEquals("wal", mode.toLowerCase(java.util.Locale.ROOT));
        Session s = session();
        for (String path : List.of("/", "/practices/Z99042/register", "/practices/Z99042/register?outcome=WITHDRAW&sort=title",
                "/practices/Z99042/agreements/MB-05", "/practices/Z99042/agreements/MB-05/edit", "/practices/Z99042/diff",
                "/practices/Z99042/export?format=xlsx")) {
            HttpResponse<String> r = send(get(path).header("Cookie", s.cookie()));
            assertEquals(200, r.statusCode(), path + ": " + r.body());
        }
        HttpResponse<String> withdraw = send(get("/practices/Z99042/register?outcome=WITHDRAW").header("Cookie", s.cookie()));
        assertFalse(withdraw.body().contains("data-outcome=\"KEEP\""), "the filter keeps only WITHDRAW");
        assertNotNull(Files.size(dir.resolve("workspace.db")));
        assertEquals(404, send(get("/practices/Z99999/register").header("Cookie", s.cookie())).statusCode());
    }
}
