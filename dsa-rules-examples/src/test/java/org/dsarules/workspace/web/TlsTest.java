package org.dsarules.workspace.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.dsarules.DsaRules;
import org.dsarules.register.RegisterFiles;
import org.dsarules.workspace.Actor;
import org.dsarules.workspace.Workspace;
import org.dsarules.workspace.WorkspaceException;
import org.dsarules.workspace.accounts.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace bound beyond the loopback (127.0.0.2): only over TLS, with a self-signed keystore made here by
 * keytool, and only with an account; no printed token; a client that trusts the certificate signs in.
 */
class TlsTest {
    static final String STORE_PASSWORD = "keystore-pass-123";
    static final String PASSWORD = "a long enough passphrase";

    @TempDir
    Path dir;

    @Test
    void servesAccountsOverTlsOnlyAndWithoutAToken() throws Exception {
        Path keystore = dir.resolve("workspace.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "workspace", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.2,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, said);

        try (DsaRules rules = DsaRules.defaults(); Workspace ws = Workspace.open(dir.resolve("data"), rules)) {
            ws.importRegister(Files.readAllBytes(Path.of("samples/millbrook-register.json")), RegisterFiles.Format.JSON,
                    "millbrook.json", null, Actor.LOCAL, null);
            WorkspaceServer.Options options = new WorkspaceServer.Options("127.0.0.2", 0, keystore, STORE_PASSWORD.toCharArray());
            WorkspaceException noAccount = assertThrows(WorkspaceException.class, () -> WorkspaceServer.start(ws, options));
            assertTrue(noAccount.getMessage().contains("at least one account"), noAccount.getMessage());
            WorkspaceException badPassword = assertThrows(WorkspaceException.class, () -> WorkspaceServer.start(ws,
                    new WorkspaceServer.Options("127.0.0.1", 0, keystore, "wrong".toCharArray())));
            assertTrue(badPassword.getMessage().contains("TLS keystore"), badPassword.getMessage());

            ws.accounts().add("officer", Role.LMC_OFFICER, null, PASSWORD.toCharArray(), new Actor("cli:test", "the test"));
            try (WorkspaceServer server = WorkspaceServer.start(ws, options)) {
                assertNull(server.token(), "no token beyond the loopback");
                String base = "https://127.0.0.2:" + server.port();
                assertEquals(base + "/signin", server.address());
                HttpClient https = HttpClient.newBuilder().sslContext(trusting(keystore)).build();

                HttpResponse<String> form = https.send(HttpRequest.newBuilder(URI.create(base + "/signin")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, form.statusCode());
                String cookie = form.headers().firstValue("Set-Cookie").orElseThrow();
                assertTrue(cookie.contains("; Secure") && cookie.contains("HttpOnly"), cookie);
                assertEquals(401, https.send(HttpRequest.newBuilder(URI.create(base + "/?token=anything")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode(), "a token opens nothing beyond the loopback");

                HttpResponse<String> session = https.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"officer\",\"password\":\"" + PASSWORD + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(201, session.statusCode(), session.body());
                String token = new ObjectMapper().readTree(session.body()).path("token").asText();
                HttpResponse<String> practices = https.send(HttpRequest.newBuilder(URI.create(base + "/api/practices"))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, practices.statusCode());
                assertTrue(practices.body().contains("Z99042"), practices.body());

                // Plain HTTP to the same port gets no page.
                HttpClient plain = HttpClient.newHttpClient();
                HttpResponse<String> clear;
                try {
                    clear = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.2:" + server.port() + "/api/practices"))
                            .timeout(java.time.Duration.ofSeconds(5))
                            .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                    assertTrue(clear.statusCode() == 400 && !clear.body().contains("Z99042"), clear.statusCode() + " " + clear.body());
                } catch (java.io.IOException refused) {
                    // The connection closed: nothing was served in clear.
                }
            }
        }
    }

    /** An SSL context that trusts the keystore's own (self-signed) certificate, and nothing else. */
    static SSLContext trusting(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("workspace", ks.getCertificate("workspace"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
