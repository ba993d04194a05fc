package org.dsarules.bench;

import java.time.LocalDate;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.model.Agreement;

/**
 * Heap retained by one shared {@link DsaRules} (knowledge base, rule metadata, pooled sessions) after
 * it has decided 20,000 agreements: used heap after full collections, minus the same before building
 * it. Run by {@code bench/heap.sh}; not part of {@code mvn verify}.
 */
public final class RetainedHeap {
    private RetainedHeap() {
    }

    private static long used() {
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    public static void main(String[] args) {
        List<Agreement> register = AgreementGenerator.realistic(1).next(100);
        long before = used();
        DsaRules rules = DsaRules.defaults();
        for (int i = 0; i < 20_000; i++) {
            rules.decide(register.get(i % register.size()), LocalDate.of(2026, 6, 15));
        }
        long after = used();
        System.out.printf("heap retained by a shared DsaRules after 20,000 decisions: %.1f MB (%s)%n",
                (after - before) / 1048576.0, rules.knowledgeBaseInfo().name());
    }
}
