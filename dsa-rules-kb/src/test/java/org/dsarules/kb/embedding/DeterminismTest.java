package org.dsarules.kb.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.register.json.AgreementCodec;
import org.dsarules.json.DecisionJson;
import org.dsarules.model.Agreement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trace's order is defined by the rule files (ExecutableModel.build), so the precompiled knowledge
 * base and the same rules compiled at run time give the same bytes for every decision, traces included
 * and in the same order. bench/stress.sh runs this repeatedly under CPU load.
 */
class DeterminismTest {
    private static final long SEED = 20260515L;
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 6, 15));
    private static DsaRules precompiled;
    private static DsaRules compiled;

    @BeforeAll
    static void build() {
        precompiled = DsaRules.defaults();
        // An empty overlay makes the builder compile every default rule file at run time beside it.
        compiled = DsaRules.builder().rules("empty-overlay.drl", "package org.dsarules.local;\n").build();
    }

    @AfterAll
    static void close() {
        precompiled.close();
        compiled.close();
    }

    @Test
    void precompiledAndRunTimeCompiledRulesGiveTheSameBytes() {
        List<Agreement> agreements = new ArrayList<>();
        AgreementGenerator exhaustive = AgreementGenerator.exhaustive(SEED);
        AgreementGenerator realistic = AgreementGenerator.realistic(SEED + 1);
        for (int i = 0; i < 1_000; i++) {
            agreements.add(i % 2 == 0 ? exhaustive.next() : realistic.next());
        }
        for (LocalDate asOf : DATES) {
            for (Agreement a : agreements) {
                String expected = DecisionJson.write(precompiled.decide(a, asOf));
                String actual = DecisionJson.write(compiled.decide(a, asOf));
                assertEquals(expected, actual, () -> "seed " + SEED + ", as of " + asOf + ", agreement:\n"
                        + AgreementCodec.toJsonString(a));
            }
        }
    }

    @Test
    void aDecisionSerialisesWithPlainJacksonAndHoldsNoFacts() throws Exception {
        Agreement a = AgreementGenerator.realistic(SEED).next();
        Decision d = precompiled.decide(a, LocalDate.of(2026, 6, 15));
        ObjectMapper mapper = new ObjectMapper()
                .findAndRegisterModules();
        String json = mapper.writeValueAsString(d);
        Decision back = mapper.readValue(json, Decision.class);
        assertEquals(d, back);
        assertEquals(d.trace().get(0).matched(), back.trace().get(0).matched());
        for (var step : d.trace()) {
            for (Object m : step.matched()) { // Object: what the list holds at run time, not what it is declared to hold
                assertEquals(String.class, m.getClass(), "a trace step holds " + m.getClass());
            }
        }
    }
}
