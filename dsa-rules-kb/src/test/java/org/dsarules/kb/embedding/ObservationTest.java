package org.dsarules.kb.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.decision.DecisionStats;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.TraceLevel;
import org.dsarules.json.DecisionJson;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.model.Agreement;
import org.dsarules.register.json.AgreementCodec;
import org.junit.jupiter.api.Test;

/** issue 28 item 5: every decision reaches onDecision with its agreement; stats count them; JSON says what decided. */
class ObservationTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    private record Logged(Agreement agreement, Decision decision) {
    }

    @Test
    void everyDecisionIsLoggedAndCounted() throws Exception {
        List<Logged> log = Collections.synchronizedList(new ArrayList<>());
        AgreementGenerator g = new AgreementGenerator(7);
        List<Agreement> some = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            some.add(g.next());
        }
        List<Decision> expected = new ArrayList<>();
        try (DsaRules rules = DsaRules.builder().onDecision((a, d) -> log.add(new Logged(a, d))).recordStats().build()) {
            expected.add(rules.decide(some.get(0), AS_OF));
            expected.addAll(rules.decideAll(some.subList(1, 3), AS_OF));
            String register = "{\"agreements\": [" + AgreementCodec.toJsonString(some.get(3)) + ", {\"id\": \"BAD\", \"stauts\": \"NEW\"}, "
                    + AgreementCodec.toJsonString(some.get(4)) + "]}";
            AuditResult audit = rules.audit(new ByteArrayInputStream(register.getBytes(StandardCharsets.UTF_8)), "r.json", AS_OF);
            expected.addAll(audit.decisions());
            assertEquals(1, audit.errors().size());

            assertEquals(expected.size(), log.size(), "one call per decision, none for the invalid record");
            for (Logged l : log) {
                assertEquals(l.agreement().id(), l.decision().dsaId(), "each decision comes with its own agreement");
                assertSame(l.decision(), expected.stream().filter(d -> d == l.decision()).findFirst().orElse(null),
                        "the decision logged is the one returned");
            }
            // The audit's calls come in input order, on the auditing thread.
            List<String> auditIds = log.subList(3, 5).stream().map(l -> l.agreement().id()).toList();
            assertEquals(List.of(some.get(3).id(), some.get(4).id()), auditIds);

            DecisionStats stats = rules.stats();
            assertEquals(expected.size(), stats.decided());
            assertEquals(1, stats.errors());
            for (Outcome o : Outcome.values()) {
                long n = expected.stream().filter(d -> d.outcome() == o).count();
                assertEquals(n, stats.decided(o), o.name());
            }
            assertTrue(stats.timeSpent().compareTo(Duration.ZERO) > 0, "deciding takes some time");
            DecisionStats before = stats;
            rules.decide(some.get(5), AS_OF);
            assertEquals(expected.size(), before.decided(), "a snapshot does not change");
            assertEquals(expected.size() + 1, rules.stats().decided());
        }
    }

    @Test
    void withoutRecordStatsEverythingIsZero() {
        try (DsaRules rules = DsaRules.builder().build()) {
            rules.decide(new AgreementGenerator(3).next(), AS_OF);
            assertEquals(DecisionStats.empty(), rules.stats());
        }
    }

    @Test
    void oneDecisionsJsonSaysWhatItWasDecidedWith() throws Exception {
        try (DsaRules rules = DsaRules.builder().build()) {
            Decision d = rules.decide(new AgreementGenerator(5).next(), AS_OF);
            JsonNode json = new ObjectMapper().readTree(DecisionJson.write(d, TraceLevel.FULL, rules.knowledgeBaseInfo(), AS_OF));
            assertEquals(d.dsaId(), json.get("dsaId").asText());
            assertEquals("2026-06-15", json.get("knowledgeBase").get("asOf").asText());
            assertEquals(rules.knowledgeBaseInfo().fingerprint(), json.get("knowledgeBase").get("fingerprint").asText());
            assertTrue(json.get("knowledgeBase").get("fingerprint").asText().startsWith("sha256:"));
            // The rest is the plain object, field for field.
            JsonNode plain = new ObjectMapper().readTree(DecisionJson.write(d));
            ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("knowledgeBase");
            assertEquals(plain, json);
            assertEquals(List.of("dsaId"), List.of(json.fieldNames().next()));
        }
    }
}
