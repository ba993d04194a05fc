package org.dsarules.kb.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.model.Agreement;
import org.junit.jupiter.api.Test;

/** {@link DsaRules#close()}, the bounded session pool and the caller's executor, on the real default rules. */
class LifecycleTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    @Test
    void aThousandInstancesBuiltUsedAndClosedLeaveNoSessionOpen() {
        Agreement a = AgreementGenerator.realistic(17L).next();
        int before;
        try (DsaRules probe = DsaRules.defaults()) {
            before = probe.knowledgeBase().openDroolsSessions();
        }
        DsaRules last = null;
        for (int i = 0; i < 1_000; i++) {
            DsaRules rules = DsaRules.defaults();
            rules.decide(a, AS_OF);
            assertTrue(rules.knowledgeBase().openDroolsSessions() >= 1, "a decision keeps its session for the next");
            rules.close();
            last = rules;
        }
        assertEquals(before, last.knowledgeBase().openDroolsSessions(),
                "sessions left open on the shared knowledge base after 1,000 build/decide/close cycles");
        assertEquals(0, last.knowledgeBase().idleSessions());
    }

    @Test
    void aDecisionAfterCloseIsRefused() {
        DsaRules rules = DsaRules.defaults();
        Agreement a = AgreementGenerator.realistic(3L).next();
        rules.decide(a, AS_OF);
        rules.close();
        rules.close(); // idempotent
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> rules.decide(a, AS_OF));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> rules.decideAll(List.of(a), AS_OF));
    }

    @Test
    void idleSessionsBeyondTheBoundAreDisposed() throws Exception {
        int threads = 16;
        try (DsaRules rules = DsaRules.builder().maxIdleSessions(2).build()) {
            int before = rules.knowledgeBase().openDroolsSessions();
            List<Agreement> agreements = new ArrayList<>();
            AgreementGenerator g = AgreementGenerator.exhaustive(5L);
            for (int i = 0; i < 2_000; i++) {
                agreements.add(g.next());
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch go = new CountDownLatch(1);
                AtomicInteger next = new AtomicInteger();
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    work.add(pool.submit(() -> {
                        go.await();
                        for (int i = next.getAndIncrement(); i < agreements.size(); i = next.getAndIncrement()) {
                            rules.decide(agreements.get(i), AS_OF);
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : work) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            assertTrue(rules.knowledgeBase().idleSessions() <= 2, "kept " + rules.knowledgeBase().idleSessions());
            assertTrue(rules.knowledgeBase().openDroolsSessions() - before <= 2,
                    "open sessions after the burst: " + (rules.knowledgeBase().openDroolsSessions() - before));
        }
    }

    @Test
    void parallelDecisionsRunOnTheCallersExecutorAndKeepTheirOrder() {
        AtomicInteger ran = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(() -> {
                ran.incrementAndGet();
                r.run();
            }, "caller-pool");
            t.setDaemon(true);
            return t;
        });
        List<Agreement> agreements = new ArrayList<>();
        AgreementGenerator g = AgreementGenerator.exhaustive(9L);
        for (int i = 0; i < 200; i++) {
            agreements.add(g.next());
        }
        try (DsaRules sequential = DsaRules.builder().parallel(false).build();
                DsaRules onPool = DsaRules.builder().executor(pool).build()) {
            List<Decision> expected = sequential.decideAll(agreements, AS_OF);
            assertEquals(expected, onPool.decideAll(agreements, AS_OF));
            assertTrue(ran.get() > 0, "no thread of the caller's executor ran");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void nullsAreRefusedNamingTheParameter() {
        try (DsaRules rules = DsaRules.defaults()) {
            Agreement a = AgreementGenerator.realistic(1L).next();
            assertEquals("agreement", assertThrows(NullPointerException.class, () -> rules.decide(null, AS_OF))
                    .getMessage());
            assertEquals("asOf", assertThrows(NullPointerException.class, () -> rules.decide(a, null)).getMessage());
            List<Agreement> withNull = new ArrayList<>(List.of(a));
            withNull.add(null);
            assertEquals("agreements[1] is null", assertThrows(NullPointerException.class,
                    () -> rules.decideAll(withNull, AS_OF)).getMessage());
            assertEquals("register", assertThrows(NullPointerException.class,
                    () -> rules.audit((Path) null, AS_OF)).getMessage());
        }
    }
}
