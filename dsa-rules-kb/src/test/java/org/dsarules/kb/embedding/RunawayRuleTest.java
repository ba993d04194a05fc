package org.dsarules.kb.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.ErrorCode;
import org.dsarules.decision.RecordError;
import org.dsarules.exception.RuleTimeoutException;
import org.dsarules.register.json.AgreementCodec;
import org.junit.jupiter.api.Test;

/**
 * issue 27 items 9 and 12: a local rule that overflows the stack, throws an Error, or never ends puts
 * only that agreement in error, naming the rule; the others are decided and the instance stays usable.
 */
class RunawayRuleTest {
    private static final String DRL = """
            package org.dsarules.local;
            import org.dsarules.model.Agreement;

            function int deeper(int n) {
                return deeper(n + 1) + 1;
            }

            rule "local-recurses" @citation("a test")
            when
                Agreement(id == "DEEP")
            then
                deeper(0);
            end

            rule "local-asserts" @citation("a test")
            when
                Agreement(id == "ASSERT")
            then
                throw new AssertionError("the keep list is inconsistent");
            end

            rule "local-loops" @citation("a test")
            when
                Agreement(id == "LOOP")
            then
                // spins until interrupted: a loop the time limit must stop without leaving a core busy
                long n = 0;
                while (!Thread.currentThread().isInterrupted()) { n++; }
            end
            """;

    private static String register(String... ids) {
        StringBuilder sb = new StringBuilder("{\"agreements\": [");
        for (int i = 0; i < ids.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(AgreementCodec.toJsonString(Probe.research().toBuilder().id(ids[i]).build()));
        }
        return sb.append("]}").toString();
    }

    private static AuditResult audit(DsaRules rules, String... ids) {
        return rules.audit(new ByteArrayInputStream(register(ids).getBytes(StandardCharsets.UTF_8)), "register.json", Probe.AS_OF);
    }

    @Test
    void aRuleThatOverflowsTheStackOrThrowsAnErrorPutsOnlyItsAgreementInError() {
        try (DsaRules rules = DsaRules.builder().rules("local.drl", DRL).parallel(false).build()) {
            AuditResult r = audit(rules, "A", "DEEP", "B");
            assertEquals(List.of("A", "B"), r.decisions().stream().map(d -> d.dsaId()).toList());
            assertEquals(1, r.errors().size());
            RecordError e = r.errors().get(0);
            assertEquals("DEEP", e.dsaId());
            assertEquals(ErrorCode.NOT_DECIDED, e.code());
            assertTrue(e.message().contains("rule \"local-recurses\" (local.drl:"), e.message());
            assertTrue(e.message().contains("overflowed the stack"), e.message());
            // the instance is still usable: a fresh session decides the next agreement
            assertNotNull(rules.decide(Probe.research(), Probe.AS_OF));

            // any other Error (here an AssertionError) too; an OutOfMemoryError stays fatal (see docs/errors.md)
            r = audit(rules, "ASSERT", "A");
            assertEquals(1, r.decisions().size());
            e = r.errors().get(0);
            assertEquals("ASSERT", e.dsaId());
            assertEquals(ErrorCode.NOT_DECIDED, e.code());
            assertTrue(e.message().contains("rule \"local-asserts\" (local.drl:") && e.message()
                    .contains("AssertionError: the keep list is inconsistent"), e.message());
            assertTrue(!e.message().contains("java.lang."), e.message());
        }
    }

    @Test
    void aRuleThatNeverEndsIsStoppedAtTheTimeLimit() {
        try (DsaRules rules = DsaRules.builder().rules("local.drl", DRL).ruleTimeout(Duration.ofMillis(500)).build()) {
            AuditResult r = audit(rules, "A", "LOOP", "B");
            assertEquals(List.of("A", "B"), r.decisions().stream().map(d -> d.dsaId()).toList());
            RecordError e = r.errors().get(0);
            assertEquals("LOOP", e.dsaId());
            assertEquals(ErrorCode.RULE_TIMEOUT, e.code());
            assertTrue(e.message().contains("within the time limit (500 ms)") && e.message().contains("rule \"local-loops\""),
                    e.message());
            RuleTimeoutException t = assertThrows(RuleTimeoutException.class,
                    () -> rules.decide(Probe.research().toBuilder().id("LOOP").build(), Probe.AS_OF));
            assertTrue(t.getMessage().contains("local-loops"), t.getMessage());
            assertNotNull(rules.decide(Probe.research(), Probe.AS_OF));
        }
    }

    @Test
    void aTimeLimitMustBeMoreThanZero() {
        assertThrows(IllegalArgumentException.class, () -> DsaRules.builder().ruleTimeout(Duration.ZERO));
    }
}
