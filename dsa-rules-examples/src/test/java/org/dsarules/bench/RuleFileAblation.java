package org.dsarules.bench;

import java.nio.file.*;
import java.time.LocalDate;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.model.Agreement;
/**
 * Decisions per second with the default rule files less one at a time (compiled at run time; the
 * first run is a warm-up). Run from the project root by {@code bench/ablation.sh}.
 */
public final class RuleFileAblation {
    private RuleFileAblation() {
    }

    public static void main(String[] a) throws Exception {
        Path src = Path.of("dsa-rules-kb/src/main/resources/org/dsarules/kb");
        List<Agreement> reg = AgreementGenerator.realistic(42).next(10000);
        LocalDate d = LocalDate.of(2026, 6, 15);
        String[] files = {"none", "none", "campaign", "classification", "commercial", "confidentiality", "direct-care", "gdpr-roles", "unknowns", "outcomes", "none"};
        for (String skip : files) {
            Path dir = Files.createTempDirectory("kb");
            try (var s = Files.list(src)) {
                for (Path p : s.toList()) {
                    if (!p.getFileName().toString().equals(skip + ".drl")) Files.copy(p, dir.resolve(p.getFileName()));
                }
            }
            DsaRules rules = DsaRules.builder().rulesOnly(dir).parallel(false).build();
            long end = System.nanoTime() + 6_000_000_000L, n = 0, t0 = System.nanoTime();
            while (System.nanoTime() < end) {
                try { rules.decide(reg.get((int) (n % reg.size())), d); } catch (RuntimeException e) { }
                n++;
            }
            System.out.printf("without %-16s %8.0f/s%n", skip, n / ((System.nanoTime() - t0) / 1e9));
        }
    }
}
