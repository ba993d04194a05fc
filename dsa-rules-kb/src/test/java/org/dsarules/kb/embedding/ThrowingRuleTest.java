package org.dsarules.kb.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.exception.DsaRulesException;
import org.dsarules.register.json.AgreementCodec;
import org.junit.jupiter.api.Test;

/** A local rule whose code throws: the record's error names the rule, its file and line, and what it threw. */
class ThrowingRuleTest {
    private static final String DRL = """
            package org.dsarules.local;
            import org.dsarules.model.Agreement;

            rule "local-throws" @citation("a test")
            when
                Agreement(id == "BOOM")
            then
                throw new IllegalStateException("the keep list is unreadable");
            end
            """;

    @Test
    void theErrorNamesTheRuleItsFileAndLine() {
        try (DsaRules rules = DsaRules.builder().rules("local-keep-list.drl", DRL).build()) {
            DsaRulesException e = assertThrows(DsaRulesException.class,
                    () -> rules.decide(Probe.research().toBuilder().id("BOOM").build(), Probe.AS_OF));
            assertEquals("rule \"local-throws\" (local-keep-list.drl:4) failed: IllegalStateException: the keep list"
                    + " is unreadable", e.getMessage());

            String register = "{\"agreements\": [" + AgreementCodec.toJsonString(Probe.research()) + ", "
                    + AgreementCodec.toJsonString(Probe.research().toBuilder().id("BOOM").build()) + "]}";
            AuditResult r = rules.audit(new ByteArrayInputStream(register.getBytes(StandardCharsets.UTF_8)),
                    "register.json", Probe.AS_OF);
            assertEquals(1, r.decisions().size(), "the good record is still decided");
            assertEquals(1, r.errors().size());
            assertEquals("BOOM", r.errors().get(0).dsaId());
            assertTrue(r.errors().get(0).message().contains("rule \"local-throws\" (local-keep-list.drl:4) failed"),
                    r.errors().get(0).message());
            assertTrue(!r.errors().get(0).message().contains("java.lang."), r.errors().get(0).message());
        }
    }
}
