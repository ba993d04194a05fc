package org.dsarules.workspace.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dsarules.workspace.Actor;

/**
 * The token printed at start-up (on the loopback only) and the sessions it or a sign-in opens. The token
 * is made afresh for each run of {@code dsa-audit serve} and never written anywhere but that one line. A
 * session is a cookie that scripts cannot read and other sites never send, or (for the API) the same
 * value as a bearer token; it has its own CSRF token, which every form and every htmx request carries.
 * Sessions live in memory only: a restart signs everyone out.
 */
final class Sessions {
    static final String COOKIE = "dsa_session";
    /** A session unused for this long is closed. */
    static final Duration IDLE = Duration.ofMinutes(60);
    /** A session is closed this long after it opened, however much it is used. */
    static final Duration ABSOLUTE = Duration.ofHours(12);

    private static final SecureRandom RANDOM = new SecureRandom();

    record Session(String id, Actor actor, String csrf, Instant opened) {
    }

    private final String token;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();

    /** @param withToken whether there is a printed token at all (the loopback only) */
    Sessions(Clock clock, boolean withToken) {
        this.clock = clock;
        this.token = withToken ? random() : null;
    }

    /** The printed token, or null when the workspace has none (bound beyond the loopback). */
    String token() {
        return token;
    }

    /** Whether {@code given} is the token, compared in constant time. */
    boolean isToken(String given) {
        return token != null && given != null
                && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    Session open(Actor actor) {
        Session s = new Session(random(), actor, random(), clock.instant());
        sessions.put(s.id(), s);
        lastSeen.put(s.id(), s.opened());
        return s;
    }

    void close(String id) {
        if (id != null) {
            sessions.remove(id);
            lastSeen.remove(id);
        }
    }

    /** The live session of this cookie value (or bearer), or null; using it keeps it from going idle. */
    Session find(String id) {
        if (id == null) {
            return null;
        }
        Session s = sessions.get(id);
        if (s == null) {
            return null;
        }
        Instant now = clock.instant();
        Instant seen = lastSeen.get(id);
        if (seen == null || !now.isBefore(seen.plus(IDLE)) || !now.isBefore(s.opened().plus(ABSOLUTE))) {
            close(id);
            return null;
        }
        lastSeen.put(id, now);
        return s;
    }

    static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
