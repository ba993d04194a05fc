package org.dsarules.workspace.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsarules.DsaRules;
import org.dsarules.register.RegisterFiles;
import org.dsarules.workspace.Actor;
import org.dsarules.workspace.Workspace;
import org.dsarules.workspace.WorkspaceException;
import org.dsarules.workspace.accounts.Account;
import org.dsarules.workspace.accounts.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LMC's workspace over real HTTP: every route of the server's own route table, called with no
 * session, with a practice manager's session for another practice, and with the LMC officer's; the
 * sign-in (form and API), a practice manager kept to their own practice, and who is recorded.
 */
class LmcHttpTest {
    static final Path SAMPLE = Path.of("samples/millbrook-register.json");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "a long enough passphrase";
    /** Practice A (the sample, Millbrook) and practice B (the same agreements under another practice, one fact changed). */
    static final String A = "Z99042";
    static final String B = "A81001";

    @TempDir
    static Path dir;
    static DsaRules rules;
    static Workspace workspace;
    static WorkspaceServer server;
    static String base;
    static Account officer;
    static Account managerOfB;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        rules = DsaRules.defaults();
        workspace = Workspace.open(dir, rules);
        workspace.importRegister(named(Files.readString(SAMPLE)).getBytes(StandardCharsets.UTF_8), RegisterFiles.Format.JSON,
                "millbrook.json", null, Actor.LOCAL, null);
        workspace.importRegister(practiceB(), RegisterFiles.Format.JSON, "ashdown.json", null, Actor.LOCAL, null);
        Actor admin = new Actor("cli:test", "the test");
        officer = workspace.accounts().add("officer", Role.LMC_OFFICER, null, PASSWORD.toCharArray(), admin);
        workspace.accounts().add("pm-a", Role.PRACTICE_MANAGER, A, PASSWORD.toCharArray(), admin);
        managerOfB = workspace.accounts().add("pm-b", Role.PRACTICE_MANAGER, B, PASSWORD.toCharArray(), admin);
        server = WorkspaceServer.start(workspace, 0);
        base = "http://127.0.0.1:" + server.port();
    }

    /** The sample register as another practice's: its own ODS code and name, and one fact that differs. */
    static byte[] practiceB() throws Exception {
        String s = named(Files.readString(SAMPLE)).replace(A, B).replace("Millbrook Surgery (fictional)", "Ashdown Surgery (fictional)")
                .replaceFirst("\"signedOn\": \"2023-04-03\"", "\"signedOn\": \"2024-02-01\"");
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The sample with its shared care record naming its programme, spelt as another practice might (one programme by
     * its key); the other agreements name none, so each is its practice's own.
     */
    static String named(String sample) {
        String title = "\"title\": \"Westvale shared care record\"";
        assertTrue(sample.contains(title));
        return sample.replace(title, "\"programme\": \"Westvale Shared-Care Record\", " + title);
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

    /** A session as the sign-in opens it: its cookie, bearer and CSRF token. */
    record Login(String cookie, String bearer, String csrf) {
    }

    static Login login(Account a) {
        Sessions.Session s = server.sessions().open(a.actor());
        return new Login(Sessions.COOKIE + "=" + s.id(), s.id(), s.csrf());
    }

    // ---------------------------------------------------------------- every route x every role

    /** Expected status per route: with no session, a practice manager of B on practice A's addresses, the LMC officer. */
    static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("GET /signin", new int[] {200, 200, 200});
        EXPECTED.put("POST /signin", new int[] {403, 403, 403}); // no sign-in cookie: refused before any password is read
        EXPECTED.put("POST /signout", new int[] {401, 303, 303});
        EXPECTED.put("GET /", new int[] {401, 200, 200});
        EXPECTED.put("GET /import", new int[] {401, 200, 200});
        EXPECTED.put("POST /import", new int[] {401, 400, 400}); // no file
        EXPECTED.put("GET /practices/{ods}/register", new int[] {401, 404, 200});
        EXPECTED.put("GET /practices/{ods}/agreements/{id}", new int[] {401, 404, 200});
        EXPECTED.put("GET /practices/{ods}/agreements/{id}/edit", new int[] {401, 404, 200});
        EXPECTED.put("POST /practices/{ods}/agreements/{id}/edit", new int[] {401, 404, 400}); // no revision
        EXPECTED.put("GET /practices/{ods}/diff", new int[] {401, 404, 200});
        EXPECTED.put("GET /practices/{ods}/export", new int[] {401, 404, 200});
        EXPECTED.put("GET /practices/{ods}/documents", new int[] {401, 404, 200});
        EXPECTED.put("GET /practices/{ods}/documents/{kind}", new int[] {401, 404, 200});
        EXPECTED.put("GET /practices/{ods}/documents/{kind}/download", new int[] {401, 404, 200});
        EXPECTED.put("POST /practices/{ods}/documents/{kind}/sent", new int[] {401, 404, 303}); // back to the document, with what was or was not marked
        EXPECTED.put("GET /practices/{ods}/sent/{letter}", new int[] {401, 404, 404});
        EXPECTED.put("GET /practices/{ods}/answers", new int[] {401, 404, 200});
        EXPECTED.put("POST /practices/{ods}/answers", new int[] {401, 404, 400});
        EXPECTED.put("GET /practices/{ods}/agreements/{id}/settle", new int[] {401, 404, 200});
        EXPECTED.put("GET /practices/{ods}/conflicts", new int[] {401, 404, 200});
        EXPECTED.put("GET /programmes", new int[] {401, 403, 200});
        EXPECTED.put("POST /programmes/{key}/advice", new int[] {401, 403, 400}); // no advice chosen
        EXPECTED.put("GET /system", new int[] {401, 403, 200});
        EXPECTED.put("GET /system/questionnaire", new int[] {401, 403, 200});
        EXPECTED.put("POST /system/answers", new int[] {401, 403, 400}); // no file
        EXPECTED.put("GET /letter", new int[] {401, 403, 200});
        EXPECTED.put("GET /letter/download", new int[] {401, 403, 200});
        EXPECTED.put("GET /progress", new int[] {401, 200, 200}); // a practice manager: their own practice's line only
        EXPECTED.put("GET /imports", new int[] {401, 403, 200});
        EXPECTED.put("GET /accounts", new int[] {401, 403, 200});
        EXPECTED.put("POST /accounts", new int[] {401, 403, 400}); // no name
        EXPECTED.put("POST /accounts/{name}/disable", new int[] {401, 403, 404}); // no such account
        EXPECTED.put("POST /accounts/{name}/enable", new int[] {401, 403, 404});
        EXPECTED.put("POST /api/session", new int[] {415, 415, 415}); // no JSON body
        EXPECTED.put("DELETE /api/session", new int[] {401, 204, 204});
        EXPECTED.put("POST /api/registers", new int[] {401, 415, 415}); // no body type
        EXPECTED.put("GET /api/practices", new int[] {401, 200, 200});
        EXPECTED.put("GET /api/practices/{ods}/decisions", new int[] {401, 404, 200});
    }

    @Test
    void everyRouteAnswersEachRoleAsTheTableSays() throws Exception {
        List<String> routes = server.routeTable();
        assertEquals(new TreeSet<>(EXPECTED.keySet()), new TreeSet<>(routes),
                "every route of the server is in this test's table (a new route must say what each role gets)");
        assertEquals(new TreeSet<>(WorkspaceServer.ROUTES.keySet()), new TreeSet<>(routes), "and in the server's own table");
        List<String> wrong = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replace("{ods}", A).replace("{id}", "MB-01")
                    .replace("{name}", "nobody-here").replace("{key}", "westvalesharedcarerecord")
                    .replace("{kind}", "icb-letter").replace("{letter}", "0");
            int[] expected = EXPECTED.get(route);
            Login[] who = {null, login(managerOfB), login(officer)};
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = send(request(method, path, who[i]));
                if (r.statusCode() != expected[i]) {
                    wrong.add(route + " as " + List.of("nobody", "pm-b", "officer").get(i) + ": " + r.statusCode()
                            + " (expected " + expected[i] + ")");
                }
                if (i < 2) {
                    // Nothing of practice A to anyone but the LMC officer: not its name, not its agreements' titles.
                    assertFalse(r.body().contains("Millbrook"), route + " as " + i + " shows practice A");
                    assertFalse(r.body().contains("Westvale shared care record"), route + " as " + i + " shows A's agreement");
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        // A HEAD is checked as the GET of its path.
        Login pm = login(managerOfB);
        assertEquals(403, send(request("GET", "/accounts", pm).method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode());
        assertEquals(404, send(request("GET", "/practices/" + A + "/register", pm).method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .statusCode());
    }

    static HttpRequest.Builder request(String method, String path, Login who) {
        boolean api = path.startsWith("/api/");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (who != null) {
            if (api) {
                b.header("Authorization", "Bearer " + who.bearer());
            } else {
                b.header("Cookie", who.cookie());
            }
        }
        if (method.equals("GET")) {
            return b.GET();
        }
        if (api) {
            return b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        String form = "_csrf=" + (who == null ? "" : URLEncoder.encode(who.csrf(), StandardCharsets.UTF_8));
        return b.header("Content-Type", "application/x-www-form-urlencoded").method(method, HttpRequest.BodyPublishers.ofString(form));
    }

    // ---------------------------------------------------------------- signing in

    static Login signIn(String name, String password, int expected) throws Exception {
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/signin")).GET());
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(m.find());
        String body = "_csrf=" + m.group(1) + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/signin"))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(expected, r.statusCode(), r.body());
        if (expected != 303) {
            return null;
        }
        String session = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Sessions.COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(session.contains("HttpOnly") && session.contains("SameSite=Strict"), session);
        String c = session.substring(0, session.indexOf(';'));
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/import")).header("Cookie", c).GET());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(csrf.find());
        return new Login(c, null, csrf.group(1));
    }

    @Test
    void aPracticeManagerSignsInAndSeesOnlyTheirOwnPractice() throws Exception {
        signIn("pm-b", "not the password", 401);
        Login pm = signIn("pm-b", PASSWORD, 303);
        String dashboard = send(HttpRequest.newBuilder(URI.create(base + "/")).header("Cookie", pm.cookie()).GET()).body();
        assertTrue(dashboard.contains("data-practice=\"" + B + "\""), "own practice on the dashboard");
        assertFalse(dashboard.contains(A), "no other practice on the dashboard");
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/practices/" + B + "/agreements/MB-01"))
                .header("Cookie", pm.cookie()).GET()).statusCode());
        // Signing out ends the session.
        assertEquals(303, send(request("POST", "/signout", pm)).statusCode());
        assertEquals(401, send(HttpRequest.newBuilder(URI.create(base + "/")).header("Cookie", pm.cookie()).GET()).statusCode());
    }

    @Test
    void theApiTakesAnAccountsBearerAndKeepsAPracticeManagerToTheirPractice() throws Exception {
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(base + "/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"pm-b\",\"password\":\"wrong password\"}")));
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> ok = send(HttpRequest.newBuilder(URI.create(base + "/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"pm-b\",\"password\":\"" + PASSWORD + "\"}")));
        assertEquals(201, ok.statusCode(), ok.body());
        String token = JSON.readTree(ok.body()).path("token").asText();
        JsonNode practices = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/practices"))
                .header("Authorization", "Bearer " + token).GET()).body());
        assertEquals(1, practices.size());
        assertEquals(B, practices.get(0).path("odsCode").asText());

        // Importing practice A's register is refused as if A did not exist, and nothing is stored.
        int before = workspace.currentVersion(A);
        HttpResponse<String> other = send(HttpRequest.newBuilder(URI.create(base + "/api/registers?fileName=a.json"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(SAMPLE)));
        assertEquals(404, other.statusCode(), other.body());
        assertEquals(before, workspace.currentVersion(A));

        // Its own practice's register is imported, and the version records the account that made it.
        HttpResponse<String> own = send(HttpRequest.newBuilder(URI.create(base + "/api/registers?fileName=b.json"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(practiceB())));
        assertEquals(201, own.statusCode(), own.body());
        assertEquals("pm-b", workspace.versions(B).get(0).who());

        assertEquals(204, send(HttpRequest.newBuilder(URI.create(base + "/api/session")).header("Authorization", "Bearer " + token)
                .DELETE()).statusCode());
        assertEquals(401, send(HttpRequest.newBuilder(URI.create(base + "/api/practices")).header("Authorization", "Bearer " + token)
                .GET()).statusCode());
    }

    @Test
    void theLmcOfficerSeesTheProgrammesAcrossPracticesAndWhatDiffers() throws Exception {
        Login lmc = login(officer);
        String page = send(request("GET", "/programmes", lmc)).body();
        assertTrue(page.contains("Westvale shared care record"), "a programme of both practices");
        Matcher group = Pattern.compile("(?s)<section class=\"programme\" data-programme=\"westvalesharedcarerecord\".*?</section>").matcher(page);
        assertTrue(group.find(), "the shared care record is one programme across practices");
        String g = group.group();
        assertTrue(g.contains("data-practice=\"" + A + "\"") && g.contains("data-practice=\"" + B + "\""), g);
        assertTrue(g.contains("<code>signedOn</code>") && g.contains("2023-04-03") && g.contains("2024-02-01"),
                "the fact that differs, with each practice's value");
        // The research platform names no programme (nor a requester): the system questionnaire asks it per practice,
        // so it is no programme across practices here either, but each practice's own, listed apart.
        assertFalse(page.contains("data-programme=\"helixhealthanalyticsresearchplatform\""), "grouped by title alone");
        Matcher unkeyed = Pattern.compile("(?s)<section class=\"unkeyed\".*?</section>").matcher(page);
        assertTrue(unkeyed.find(), page);
        assertTrue(unkeyed.group().contains("data-practice=\"" + A + "\" data-agreement=\"MB-05\"")
                && unkeyed.group().contains("data-practice=\"" + B + "\" data-agreement=\"MB-05\""), unkeyed.group());
        String imports = send(request("GET", "/imports", lmc)).body();
        assertTrue(imports.contains("millbrook.json") && imports.contains("ashdown.json"), "what each practice imported");
    }

    @Test
    void theLmcsRoundChangesOnlyWithTheFormsTokenAndAManagerSeesOnlyTheirOwnLine() throws Exception {
        Login lmc = login(officer);
        String advise = "/programmes/westvalesharedcarerecord/advice";
        HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(base + advise)).header("Cookie", lmc.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("advice=KEEP")));
        assertEquals(403, forged.statusCode(), "no CSRF token: refused");
        assertFalse(send(request("GET", "/programmes", lmc)).body().contains("data-advice=\"KEEP\""), "and nothing recorded");
        HttpResponse<String> advised = send(HttpRequest.newBuilder(URI.create(base + advise)).header("Cookie", lmc.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "advice=KEEP&comment=direct+care&_csrf=" + URLEncoder.encode(lmc.csrf(), StandardCharsets.UTF_8))));
        assertEquals(303, advised.statusCode(), advised.body());
        assertTrue(send(request("GET", "/programmes", lmc)).body().contains("data-advice=\"KEEP\""));
        Login pm = login(managerOfB);
        assertTrue(send(request("GET", "/practices/" + B + "/agreements/MB-01", pm)).body().contains("id=\"lmc-advice\" data-advice=\"KEEP\""),
                "the advice on the practice's agreement of the programme");

        // The system questionnaire over both practices, uploaded back unanswered: nothing changes, each practice is reported.
        HttpResponse<String> q = send(request("GET", "/system/questionnaire?format=csv", lmc));
        assertTrue(q.body().startsWith("practice,agreementId,programme"), q.body());
        String boundary = "----lmc" + System.nanoTime();
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + lmc.csrf() + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"q.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + q.body() + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> applied = send(HttpRequest.newBuilder(URI.create(base + "/system/answers")).header("Cookie", lmc.cookie())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart, StandardCharsets.UTF_8)));
        assertEquals(200, applied.statusCode(), applied.body());
        assertTrue(applied.body().contains("data-practice=\"" + A + "\"") && applied.body().contains("data-practice=\"" + B + "\""));

        // What is sent and overdue: the officer sees both practices, a manager their own line only.
        assertTrue(send(request("GET", "/progress", lmc)).body().contains("data-practice=\"" + A + "\""));
        String own = send(request("GET", "/progress", pm)).body();
        assertTrue(own.contains("data-practice=\"" + B + "\""), own);
        assertFalse(own.contains(A), "nothing of the other practice");
        assertEquals(403, send(request("GET", "/letter/download?format=txt", pm)).statusCode());
        assertTrue(send(request("GET", "/letter/download?format=txt", lmc)).body().contains("Ashdown Surgery (fictional)"));

        // The LMC's letter and a practice's letter as Word documents: for whom they are, as the reader reads them.
        assertEquals(403, send(request("GET", "/letter/download?format=docx", pm)).statusCode());
        assertEquals(404, send(request("GET", "/practices/" + A + "/documents/icb-letter/download?format=docx", pm)).statusCode(),
                "no practice's letter for a manager of another");
        assertTrue(send(request("GET", "/letter", lmc)).body().contains("href=\"/letter/download?format=docx\""), "a Word link beside the others");
        HttpResponse<byte[]> docx = HTTP.send(request("GET", "/letter/download?format=docx", lmc).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, docx.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.headers().firstValue("Content-Type").orElse(""));
        assertTrue(docx.headers().firstValue("Content-Disposition").orElse("").contains("filename=\"lmc-letter.docx\""));
        List<String> texts = org.dsarules.workspace.DocumentsHttpTest.readDocx(docx.body(),
                "Data sharing agreements across our practices: one set of questions for the system");
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Dear [ICB CONTACT NAME]")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("Ashdown Surgery (fictional)")), texts.toString());
        HttpResponse<byte[]> ownLetter = HTTP.send(request("GET", "/practices/" + B + "/documents/icb-letter/download?format=docx", pm).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, ownLetter.statusCode(), "a manager downloads their own practice's letter as a Word document");
    }

    @Test
    void aDisabledAccountsSessionEndsAtItsNextRequest() throws Exception {
        Account temp = workspace.accounts().add("pm-temp", Role.PRACTICE_MANAGER, B, PASSWORD.toCharArray(), officer.actor());
        Login s = login(temp);
        assertEquals(200, send(request("GET", "/", s)).statusCode());
        Login lmc = login(officer);
        HttpResponse<String> r = send(request("POST", "/accounts/pm-temp/disable", lmc));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(401, send(request("GET", "/", s)).statusCode());
        assertTrue(workspace.accounts().find("pm-temp").disabled());
    }

    @Test
    void beyondTheLoopbackOnlyWithTls() {
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> WorkspaceServer.start(workspace, new WorkspaceServer.Options("127.0.0.2", 0, null, null)));
        assertTrue(e.getMessage().contains("needs TLS"), e.getMessage());
    }
}
