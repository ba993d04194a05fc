package com.example.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.exception.DsaRulesException;
import org.junit.jupiter.api.Test;

/** Runs against the installed dsa-rules-core and dsa-rules-kb, with only what they bring on the class path. */
class EmbeddingTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    @Test
    void theDefaultRulesDecideWithTheLeanRuntime() {
        try (DsaRules rules = DsaRules.defaults()) {
            Decision d = rules.decide(Embedding.research(), AS_OF);
            assertEquals("DSA-42", d.dsaId());
            assertEquals(Outcome.WITHDRAW, d.outcome(), d.toString());
            assertTrue(d.trace().stream().anyMatch(s -> s.rule().equals(d.decisiveRule())), d.toString());
        }
    }

    @Test
    void noCompilerIsOnTheClassPath() {
        for (String c : new String[] {"org.eclipse.jdt.internal.compiler.Compiler", "com.github.javaparser.JavaParser",
                "org.antlr.v4.runtime.Parser", "org.antlr.runtime.Parser", "org.drools.model.codegen.ExecutableModelProject",
                "org.drools.mvel.parser.MvelParser", "com.thoughtworks.xstream.XStream"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(c), c + " is on the consumer's class path");
        }
    }

    @Test
    void anOverlayWithoutTheCompilerSaysWhatToAdd() {
        DsaRulesException e = assertThrows(DsaRulesException.class, () -> DsaRules.builder()
                .rules("local.drl", "package local;\nrule \"x\" @citation(\"c\") when then end\n").build());
        assertTrue(e.getMessage().contains("org.drools:drools-engine"), e.getMessage());
    }
}
