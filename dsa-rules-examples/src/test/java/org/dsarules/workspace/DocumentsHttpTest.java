package org.dsarules.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.dsarules.DsaRules;
import org.dsarules.model.IcbStatus;
import org.dsarules.register.RegisterFiles;
import org.dsarules.round.Questionnaire;
import org.dsarules.workspace.web.WorkspaceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documents pages over real HTTP: who gets in, the CSRF token on every POST, each document, marking sent, the answers. */
public class DocumentsHttpTest {
    static final String ODS = "Z99042";

    @TempDir
    static Path dir;
    static DsaRules rules;
    static Workspace workspace;
    static WorkspaceServer server;
    static String base;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        rules = DsaRules.defaults();
        workspace = Workspace.open(dir, rules);
        workspace.importRegister(Files.readAllBytes(WorkspaceHttpTest.SAMPLE), RegisterFiles.Format.JSON, "millbrook-register.json",
                null, Actor.LOCAL, null);
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

    record Session(String cookie, String csrf) {
    }

    static Session session() throws Exception {
        HttpResponse<String> r = send(get("/?token=" + server.token()));
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<String> page = send(get("/practices/" + ODS + "/documents/icb-letter").header("Cookie", cookie));
        assertEquals(200, page.statusCode(), page.body());
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find(), "the mark-sent form carries a CSRF token");
        return new Session(cookie, m.group(1));
    }

    static HttpResponse<String> post(Session s, String path, String form) throws Exception {
        return send(get(path).header("Cookie", s.cookie()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A multipart form with one file, as a browser sends it. */
    static HttpResponse<String> upload(Session s, String path, String fileName, byte[] content, String csrf) throws Exception {
        String boundary = "----dsa" + System.nanoTime();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        String head = (csrf == null ? "" : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        b.write(head.getBytes(StandardCharsets.UTF_8));
        b.write(content);
        b.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(get(path).header("Cookie", s.cookie()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())));
    }

    @Test
    void nothingWithoutTheSessionAndNoChangeWithoutTheCsrfToken() throws Exception {
        String p = "/practices/" + ODS;
        for (String path : List.of(p + "/documents", p + "/documents/icb-letter", p + "/documents/questionnaire/download?format=xlsx",
                p + "/answers", p + "/agreements/MB-09/settle", p + "/sent/1")) {
            HttpResponse<String> r = send(get(path));
            assertEquals(401, r.statusCode(), path);
            assertFalse(r.body().contains("MB-09"), path);
        }
        assertEquals(401, post(new Session("", ""), p + "/documents/icb-letter/sent", "sentOn=2026-12-01").statusCode());
        Session s = session();
        int before = workspace.currentVersion(ODS);
        int sent = new Campaign(workspace).sent(ODS).size();
        assertEquals(403, post(s, p + "/documents/icb-letter/sent", "sentOn=2026-12-01").statusCode());
        assertEquals(403, post(s, p + "/documents/icb-letter/sent", "sentOn=2026-12-01&_csrf=" + s.csrf() + "x").statusCode());
        assertEquals(403, upload(s, p + "/answers", "a.csv", "x".getBytes(StandardCharsets.UTF_8), null).statusCode());
        assertEquals(before, workspace.currentVersion(ODS), "nothing was changed");
        assertEquals(sent, new Campaign(workspace).sent(ODS).size(), "nothing was marked sent");
    }

    @Test
    void everyDocumentRendersAndDownloadsWithTheHeaders() throws Exception {
        Session s = session();
        String p = "/practices/" + ODS;
        HttpResponse<String> index = send(get(p + "/documents").header("Cookie", s.cookie()));
        assertEquals(200, index.statusCode());
        for (Campaign.Kind k : Campaign.Kind.values()) {
            assertTrue(index.body().contains("data-document=\"" + k.slug + "\""), k.slug);
            HttpResponse<String> r = send(get(p + "/documents/" + k.slug).header("Cookie", s.cookie()));
            assertEquals(200, r.statusCode(), k.slug);
            assertTrue(r.body().contains("id=\"document\""), k.slug);
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
            for (String f : k.formats()) {
                HttpResponse<byte[]> d = HTTP.send(get(p + "/documents/" + k.slug + "/download?format=" + f)
                        .header("Cookie", s.cookie()).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, d.statusCode(), k.slug + "." + f);
                assertTrue(d.headers().firstValue("Content-Disposition").orElse("").contains(ODS + "-" + k.slug + "." + f));
                assertEquals("nosniff", d.headers().firstValue("X-Content-Type-Options").orElse(""));
                assertTrue(d.body().length > 0);
            }
        }
        assertEquals(400, send(get(p + "/documents/ppg/download?format=xlsx").header("Cookie", s.cookie())).statusCode());
        assertEquals(404, send(get(p + "/documents/nothing").header("Cookie", s.cookie())).statusCode());
        HttpResponse<String> letter = send(get(p + "/documents/icb-letter").header("Cookie", s.cookie()));
        // Register values are escaped in the page: the document is text, never markup.
        assertFalse(letter.body().contains("<script>alert"));
        HttpResponse<String> settle = send(get(p + "/agreements/MB-09/settle").header("Cookie", s.cookie()).header("HX-Request", "true"));
        assertEquals(200, settle.statusCode());
        assertTrue(settle.body().startsWith("<section") && settle.body().contains("What would settle it"), settle.body());
        HttpResponse<String> agreement = send(get(p + "/agreements/MB-09").header("Cookie", s.cookie()));
        assertTrue(agreement.body().contains("/agreements/MB-09/settle"), "the agreement page loads what would settle it");
    }

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /**
     * A downloaded Word letter as its reader sees it: its first heading (a Word heading, not a line with a
     * {@code #}), and no Markdown marker in any run. Returns the paragraphs' texts.
     */
    public static List<String> readDocx(byte[] docx, String firstHeading) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            for (XWPFParagraph p : doc.getParagraphs()) {
                for (XWPFRun r : p.getRuns()) {
                    String t = r.text();
                    assertFalse(t.contains("**") || t.contains("#") || t.contains("\\"), "Markdown left in a run: " + t);
                }
            }
            XWPFParagraph heading = doc.getParagraphs().stream().filter(p -> p.getStyle() != null && p.getStyle().startsWith("Heading"))
                    .findFirst().orElseThrow(() -> new AssertionError("no heading in the Word letter"));
            assertEquals(firstHeading, heading.getText());
            assertEquals("Heading1", heading.getStyle());
            return doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isBlank()).toList();
        }
    }

    @Test
    void theLettersDownloadAsWordDocumentsAsTheirReaderReadsThem() throws Exception {
        Session s = session();
        String p = "/practices/" + ODS;
        HttpResponse<String> page = send(get(p + "/documents/icb-letter").header("Cookie", s.cookie()));
        assertTrue(page.body().contains("id=\"download-docx\" href=\"" + p + "/documents/icb-letter/download?format=docx\""),
                "a .docx link beside the others");
        HttpResponse<byte[]> d = HTTP.send(get(p + "/documents/icb-letter/download?format=docx").header("Cookie", s.cookie()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, d.statusCode());
        assertEquals(DOCX, d.headers().firstValue("Content-Type").orElse(""));
        assertTrue(d.headers().firstValue("Content-Disposition").orElse("").contains("filename=\"" + ODS + "-icb-letter.docx\""));
        List<String> texts = readDocx(d.body(), "Our data sharing agreements during the GP collective action");
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("1.\tWhich direction, notice or contract clause compels the practice to share")),
                texts.toString());
        // the same register and date give the same file at every download (dated from the as-of date, no clock)
        HttpResponse<byte[]> again = HTTP.send(get(p + "/documents/icb-letter/download?format=docx").header("Cookie", s.cookie()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(java.util.Arrays.equals(d.body(), again.body()), "a docx download is deterministic");
        // the plain-text letters (notices, supplier) are Word documents too, with the text's words and no heading needed
        for (String kind : List.of("notices", "supplier-letter")) {
            HttpResponse<byte[]> t = HTTP.send(get(p + "/documents/" + kind + "/download?format=docx").header("Cookie", s.cookie()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, t.statusCode(), kind);
            assertEquals(DOCX, t.headers().firstValue("Content-Type").orElse(""), kind);
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(t.body()))) {
                String words = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
                assertTrue(words.contains("Millbrook Surgery"), kind + ": " + words);
            }
        }
        assertEquals(400, send(get(p + "/documents/questionnaire/download?format=docx").header("Cookie", s.cookie())).statusCode(),
                "the questionnaire is a table, not a letter");
    }

    @Test
    void markingTheIcbLetterSentThenApplyingTheAnswers() throws Exception {
        Session s = session();
        String p = "/practices/" + ODS;
        assertTrue(send(get("/").header("Cookie", s.cookie())).body().contains("Send the letter to the ICB"));
        int before = workspace.currentVersion(ODS);
        HttpResponse<String> bad = post(s, p + "/documents/icb-letter/sent", "sentOn=1st+December&_csrf=" + s.csrf());
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("is not a date"), bad.body());
        HttpResponse<String> r = post(s, p + "/documents/icb-letter/sent", "sentOn=2026-10-01&comment=posted&_csrf=" + s.csrf());
        assertEquals(303, r.statusCode(), r.body());
        assertEquals(before + 1, workspace.currentVersion(ODS));
        assertEquals(IcbStatus.REQUESTED, workspace.register(ODS, before + 1).agreements().stream()
                .filter(a -> a.id().equals("MB-09")).findFirst().orElseThrow().icbAssessment().status());
        String dashboard = send(get("/").header("Cookie", s.cookie())).body();
        assertFalse(dashboard.contains("Send the letter to the ICB"), dashboard);
        assertTrue(dashboard.contains("Replies overdue"), dashboard);
        HttpResponse<String> index = send(get(p + "/documents").header("Cookie", s.cookie()));
        assertTrue(index.body().contains("2026-10-01"), "the sent mark is listed");

        StringWriter w = new StringWriter();
        Questionnaire.write(CampaignTest.answered(new Campaign(workspace).document(ODS, Campaign.Kind.QUESTIONNAIRE,
                workspace.today()).text()), w);
        HttpResponse<String> applied = upload(s, p + "/answers", "answers.csv", w.toString().getBytes(StandardCharsets.UTF_8), s.csrf());
        assertEquals(201, applied.statusCode(), applied.body());
        assertTrue(applied.body().contains("id=\"refused\"") && applied.body().contains("id=\"applied\""), applied.body());
        assertEquals(before + 2, workspace.currentVersion(ODS));
        HttpResponse<String> notAQuestionnaire = upload(s, p + "/answers", "x.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), s.csrf());
        assertEquals(400, notAQuestionnaire.statusCode());
        assertEquals(before + 2, workspace.currentVersion(ODS), "nothing was applied");
        HttpResponse<String> followUp = send(get(p + "/documents").header("Cookie", s.cookie()));
        assertTrue(followUp.body().contains("id=\"follow-up-due\""), "the reply is recorded: the follow-up is due");
    }
}
