package org.dsarules.workspace.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.dsarules.workspace.Actor;
import org.dsarules.workspace.accounts.MovableClock;
import org.junit.jupiter.api.Test;

/** Sessions expire when idle and, however used, at their absolute limit (a moved clock, no sleeping). */
class SessionsTest {
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T09:00:00Z"));
    final Actor someone = new Actor("pm-a", "pm-a");

    @Test
    void anIdleSessionCloses() {
        Sessions sessions = new Sessions(clock, false);
        Sessions.Session s = sessions.open(someone);
        clock.advance(Sessions.IDLE.minusMinutes(1));
        assertNotNull(sessions.find(s.id()), "used within the idle limit");
        clock.advance(Sessions.IDLE);
        assertNull(sessions.find(s.id()), "idle for the limit");
        assertNull(sessions.find(s.id()), "and gone for good");
    }

    @Test
    void aBusySessionClosesAtItsAbsoluteLimit() {
        Sessions sessions = new Sessions(clock, false);
        Sessions.Session s = sessions.open(someone);
        Duration step = Sessions.IDLE.dividedBy(2);
        Instant end = clock.instant().plus(Sessions.ABSOLUTE);
        while (clock.instant().plus(step).isBefore(end)) {
            clock.advance(step);
            assertNotNull(sessions.find(s.id()), "in use at " + clock.instant());
        }
        clock.advance(step);
        assertNull(sessions.find(s.id()), "closed " + Sessions.ABSOLUTE + " after it opened, however busy");
    }

    @Test
    void beyondTheLoopbackThereIsNoToken() {
        Sessions sessions = new Sessions(clock, false);
        assertNull(sessions.token());
        assertEquals(false, sessions.isToken(null));
        assertEquals(false, sessions.isToken(""));
        assertNotNull(new Sessions(clock, true).token());
    }
}
