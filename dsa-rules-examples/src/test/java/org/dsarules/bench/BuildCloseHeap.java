package org.dsarules.bench;

import java.time.LocalDate;
import org.dsarules.DsaRules;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.model.Agreement;

/**
 * Heap after building, using and closing {@code N} {@link DsaRules} instances (default 1,000), the
 * embedding issue's measure: used heap after full collections before the first and after the last
 * cycle, and the Drools sessions still open. Run by {@code bench/heap.sh}; not part of {@code mvn verify}.
 * With {@code --overlay} each instance also compiles a one-rule overlay at run time (slow: use a small N).
 */
public final class BuildCloseHeap {
    private BuildCloseHeap() {
    }

    private static long used() {
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    public static void main(String[] args) {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        boolean overlay = args.length > 1 && args[1].equals("--overlay");
        Agreement a = AgreementGenerator.realistic(1).next();
        LocalDate asOf = LocalDate.of(2026, 6, 15);
        try (DsaRules warm = DsaRules.defaults()) {
            warm.decide(a, asOf);
        }
        long before = used();
        int open = 0;
        for (int i = 0; i < cycles; i++) {
            DsaRules.Builder b = DsaRules.builder();
            if (overlay) {
                b.rules("bench-overlay.drl", "package org.dsarules.local;\nimport org.dsarules.model.Agreement;\n"
                        + "rule \"bench-noop\" @citation(\"bench\") when Agreement(id == \"never\") then end\n");
            }
            DsaRules rules = b.build();
            rules.decide(a, asOf);
            rules.close();
            open = rules.knowledgeBase().openDroolsSessions();
        }
        long after = used();
        System.out.printf("%d build/decide/close cycles%s: heap %.1f MiB before, %.1f MiB after; Drools sessions open"
                + " on the shared knowledge base: %d%n", cycles, overlay ? " (with an overlay)" : "",
                before / 1048576.0, after / 1048576.0, open);
    }
}
