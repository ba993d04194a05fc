package org.dsarules.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.decision.TraceLevel;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.kb.reference.ReferencePolicy;
import org.dsarules.model.Agreement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decisions per second, one thread: the rules with a full trace, with the decisive step only (as an
 * audit at {@code --trace decisive} decides), and
 * the plain-Java reference reading of the policy from the test suite (the lower bound on cost).
 * Each operation decides one agreement of a realistic generated register, round robin.
 * Run with {@code bench/jmh.sh} (not part of {@code mvn verify}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecisionBenchmark {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    @Param({"10000"})
    int agreements;

    DsaRules rules;
    ReferencePolicy reference;
    List<Agreement> register;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        rules = DsaRules.builder().parallel(false).build();
        reference = new ReferencePolicy();
        register = AgreementGenerator.realistic(42).next(agreements);
    }

    private Agreement nextAgreement() {
        Agreement a = register.get(next);
        next = next + 1 == register.size() ? 0 : next + 1;
        return a;
    }

    @Benchmark
    public Decision rulesFullTrace() {
        return rules.decide(nextAgreement(), AS_OF);
    }

    /** What an audit at {@code --trace decisive} does per agreement: only the decisive step is rendered. */
    @Benchmark
    public Decision rulesDecisiveTrace() {
        return rules.knowledgeBase().decideOne(nextAgreement(), AS_OF, TraceLevel.DECISIVE);
    }

    @Benchmark
    public void referencePolicy(Blackhole bh) {
        bh.consume(reference.decide(nextAgreement(), AS_OF));
    }
}
