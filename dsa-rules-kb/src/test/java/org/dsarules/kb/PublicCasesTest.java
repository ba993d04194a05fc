package org.dsarules.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public example register of ../shared/spec/cases (copied into this module's test resources),
 * decided as of each expected file's date, must give exactly the expected outcome, red flags and
 * missing fields for every agreement.
 */
class PublicCasesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DsaRules RULES = DsaRules.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"riverside-expected.json", "riverside-april-expected.json"})
    void riversideRegisterDecidesAsExpected(String expectedFile) throws Exception {
        JsonNode expected = read("cases/" + expectedFile);
        LocalDate asOf = LocalDate.parse(expected.get("asOf").asText());
        AuditResult result;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("cases/riverside-register.json")) {
            result = RULES.audit(in, "riverside-register.json", asOf);
        }
        assertTrue(result.errors().isEmpty(), () -> "errors: " + result.errors());
        Map<String, Decision> byId = new TreeMap<>();
        result.decisions().forEach(d -> byId.put(d.dsaId(), d));

        List<String> mismatches = new ArrayList<>();
        expected.get("expected").fields().forEachRemaining(e -> {
            Decision d = byId.get(e.getKey());
            assertNotNull(d, "no decision for " + e.getKey());
            String want = e.getValue().get("outcome").asText() + " " + strings(e.getValue().get("redFlags")) + " "
                    + strings(e.getValue().get("missing"));
            String got = d.outcome() + " " + d.redFlags() + " " + d.missing();
            if (!want.equals(got)) {
                mismatches.add(e.getKey() + ": expected " + want + ", got " + got + " (decided by " + d.decisiveRule()
                        + ": " + d.summary() + ")");
            }
        });
        assertEquals(List.of(), mismatches);
        assertEquals(expected.get("expected").size(), result.decisions().size());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private JsonNode read(String resource) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            return MAPPER.readTree(in);
        }
    }
}
