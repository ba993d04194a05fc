package org.dsarules.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.model.Agreement;
import org.dsarules.register.json.AgreementCodec;
import org.junit.jupiter.api.Test;

/**
 * One shared {@link DsaRules}, 8 threads deciding generated agreements at once, must give exactly
 * (whole decisions, traces included) what one thread gives deciding them one after the other.
 *
 * <p>System property {@code dsa.concurrency.count}: number of agreements, default 20,000 (the
 * documented long run uses 100,000). Half come from the exhaustive mix, half from the realistic one;
 * each is decided as of one of four dates on both sides of the campaign start.
 */
class ConcurrencyTest {

    private static final int COUNT = Integer.getInteger("dsa.concurrency.count", 20_000);
    private static final int THREADS = 8;
    private static final long SEED = 20260501L;
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1),
            LocalDate.of(2026, 6, 15), LocalDate.of(2027, 1, 1));

    @Test
    void eightThreadsOnOneSharedInstanceGiveTheSequentialResults() throws Exception {
        DsaRules rules = DsaRules.defaults();
        List<Agreement> agreements = new ArrayList<>(COUNT);
        AgreementGenerator exhaustive = AgreementGenerator.exhaustive(SEED);
        AgreementGenerator realistic = AgreementGenerator.realistic(SEED + 1);
        for (int i = 0; i < COUNT; i++) {
            agreements.add(i % 2 == 0 ? exhaustive.next() : realistic.next());
        }

        Decision[] sequential = new Decision[COUNT];
        for (int i = 0; i < COUNT; i++) {
            sequential[i] = rules.decide(agreements.get(i), asOf(i));
        }

        Decision[] concurrent = new Decision[COUNT];
        AtomicInteger nextIndex = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    int done = 0;
                    for (int i = nextIndex.getAndIncrement(); i < COUNT; i = nextIndex.getAndIncrement()) {
                        concurrent[i] = rules.decide(agreements.get(i), asOf(i));
                        done++;
                    }
                    return done;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> w : workers) {
                total += w.get(10, TimeUnit.MINUTES);
            }
            assertEquals(COUNT, total, "every agreement decided exactly once");
        } finally {
            pool.shutdownNow();
        }

        List<String> mismatches = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < COUNT; i++) {
            if (!sequential[i].equals(concurrent[i])) {
                count++;
                if (mismatches.size() < 5) {
                    Agreement a = agreements.get(i);
                    mismatches.add("--- " + a.id() + " (index " + i + ", " + (i % 2 == 0 ? "exhaustive seed " + SEED
                            : "realistic seed " + (SEED + 1)) + ", asOf " + asOf(i) + ")\nagreement: "
                            + AgreementCodec.toJsonString(a) + "\nsequential: " + sequential[i] + "\nconcurrent: "
                            + concurrent[i]);
                }
            }
        }
        if (count > 0) {
            fail(count + " of " + COUNT + " decisions differ between 8 threads and one:\n"
                    + String.join("\n", mismatches));
        }
    }

    private static LocalDate asOf(int i) {
        return DATES.get((i / 2) % DATES.size());
    }
}
