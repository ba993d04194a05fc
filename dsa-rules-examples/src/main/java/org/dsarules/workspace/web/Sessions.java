package org.dsarules.workspace.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dsarules.workspace.Actor;

/**
 * The token printed at start-up and the browser sessions it opens. The token is made afresh for each run
 * of {@code dsa-audit serve} and never written anywhere but that one line: it opens a session (a cookie
 * that scripts cannot read and other sites never send) and is the API's bearer token; it dies with the
 * process. Each session has its own CSRF token, which every form and every htmx request carries.
 */
final class Sessions {
    static final String COOKIE = "dsa_session";
    /** A session unused for this long is closed: the user opens the printed address again. */
    static final Duration IDLE = Duration.ofHours(12);

    private static final SecureRandom RANDOM = new SecureRandom();

    record Session(String id, Actor actor, String csrf, Instant opened) {
    }

    private final String token = random();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();

    String token() {
        return token;
    }

    /** Whether {@code given} is the token, compared in constant time. */
    boolean isToken(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    Session open(Actor actor) {
        Session s = new Session(random(), actor, random(), Instant.now());
        sessions.put(s.id(), s);
        lastSeen.put(s.id(), s.opened());
        return s;
    }

    /** The live session of this cookie value, or null. */
    Session find(String id) {
        if (id == null) {
            return null;
        }
        Session s = sessions.get(id);
        if (s == null) {
            return null;
        }
        Instant seen = lastSeen.get(id);
        if (seen == null || seen.plus(IDLE).isBefore(Instant.now())) {
            sessions.remove(id);
            lastSeen.remove(id);
            return null;
        }
        lastSeen.put(id, Instant.now());
        return s;
    }

    static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
