package org.dsarules.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.kb.generate.AgreementGenerator;
import org.junit.jupiter.api.Test;

/** The Micrometer binder reports what stats() counts, by outcome, on real decisions. */
class DsaRulesMetricsTest {
    @Test
    void countersFollowTheStats() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DsaRules rules = DsaRules.builder().recordStats().build()) {
            new DsaRulesMetrics(rules, "test").bindTo(registry);
            AgreementGenerator g = new AgreementGenerator(11);
            Decision first = null;
            for (int i = 0; i < 5; i++) {
                Decision d = rules.decide(g.next(), LocalDate.of(2026, 6, 15));
                first = first == null ? d : first;
            }
            double total = registry.find("dsa.rules.decisions").functionCounters().stream()
                    .mapToDouble(c -> c.count()).sum();
            assertEquals(5.0, total);
            assertEquals((double) rules.stats().decided(first.outcome()), registry.get("dsa.rules.decisions")
                    .tag("outcome", first.outcome().name()).functionCounter().count());
            assertEquals(0.0, registry.get("dsa.rules.errors").functionCounter().count());
            assertTrue(registry.get("dsa.rules.decide.time").functionCounter().count() > 0);
        }
    }
}
