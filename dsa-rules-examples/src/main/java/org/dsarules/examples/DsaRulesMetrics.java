package org.dsarules.examples;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.dsarules.DsaRules;
import org.dsarules.decision.Outcome;

/**
 * Binds a {@link DsaRules} instance's {@link DsaRules#stats()} to Micrometer, as Caffeine's cache statistics
 * are bound ({@code CaffeineCacheMetrics}): the instance must be built with {@code recordStats()}.
 *
 * <pre>{@code
 * DsaRules rules = DsaRules.builder().recordStats().build();
 * new DsaRulesMetrics(rules, "dsa").bindTo(registry);
 * }</pre>
 *
 * <p>Meters (each tagged {@code name}, and {@code kb} with the knowledge base's version):
 * {@code dsa.rules.decisions} (counter, tagged {@code outcome}), {@code dsa.rules.errors} (counter: records
 * that got no decision) and {@code dsa.rules.decide.time} (counter of seconds spent deciding, over all
 * threads). Counters read the stats when scraped, so binding costs nothing per decision.
 */
public final class DsaRulesMetrics implements MeterBinder {
    private final DsaRules rules;
    private final Tags tags;

    /**
     * @param rules the instance to report, built with {@code recordStats()}
     * @param name  a name that tells this instance from others in one registry
     */
    public DsaRulesMetrics(DsaRules rules, String name) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.tags = Tags.of(Tag.of("name", Objects.requireNonNull(name, "name")),
                Tag.of("kb", rules.knowledgeBaseInfo().version()));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Outcome o : Outcome.values()) {
            FunctionCounter.builder("dsa.rules.decisions", rules, r -> r.stats().decided(o))
                    .tags(tags).tag("outcome", o.name())
                    .description("decisions made, by outcome")
                    .register(registry);
        }
        FunctionCounter.builder("dsa.rules.errors", rules, r -> r.stats().errors())
                .tags(tags)
                .description("agreements that got no decision: invalid records, and those that could not be evaluated")
                .register(registry);
        FunctionCounter.builder("dsa.rules.decide.time", rules,
                        r -> r.stats().timeSpent().toNanos() / (double) TimeUnit.SECONDS.toNanos(1))
                .tags(tags).baseUnit("seconds")
                .description("time spent deciding, summed over threads")
                .register(registry);
    }
}
