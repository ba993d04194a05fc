package org.dsarules.bench;

import java.time.LocalDate;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.model.Agreement;

/**
 * A plain single-threaded decision loop for a profiler (JFR, perf, callgrind) to watch: decides the
 * 10,000-agreement realistic register round robin for five seconds of warm-up and then five rounds of SECONDS, touching every trace step, and
 * prints the best and the median round. Usage: {@code DecideLoop SECONDS}. Not part of {@code mvn verify}; see bench/profile.sh.
 */
public final class DecideLoop {
    private DecideLoop() {
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        LocalDate asOf = LocalDate.of(2026, 6, 15);
        List<Agreement> register = AgreementGenerator.realistic(42).next(10_000);
        try (DsaRules rules = DsaRules.builder().parallel(false).build()) {
            long n = 0;
            long steps = 0;
            // Five seconds of warm-up, not counted, then SECONDS counted.
            for (long warm = System.nanoTime() + 5_000_000_000L; System.nanoTime() < warm; n++) {
                steps += rules.decide(register.get((int) (n % register.size())), asOf).trace().size();
            }
            // Then rounds of SECONDS each: the best round is the one least disturbed by other work on the machine.
            double[] rates = new double[5];
            for (int round = 0; round < rates.length; round++) {
                long count = 0;
                long t0 = System.nanoTime();
                long end = t0 + seconds * 1_000_000_000L;
                while (System.nanoTime() < end) {
                    Decision d = rules.decide(register.get((int) (n++ % register.size())), asOf);
                    steps += d.trace().size();
                    count++;
                }
                rates[round] = count / ((System.nanoTime() - t0) / 1e9);
            }
            java.util.Arrays.sort(rates);
            System.out.printf("best %.0f, median %.0f decisions/s (%d rounds of %d s), %.1f trace steps per decision%n",
                    rates[rates.length - 1], rates[rates.length / 2], rates.length, seconds, (double) steps / n);
        }
    }
}
