package com.example.gp.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.dsarules.DsaRules;
import org.junit.jupiter.api.Test;

/** The modular service, run on the module path by surefire: JSON in, decisions out, a log of each. */
class DecisionServiceTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final String BODY = """
            {"id": "DSA-42", "title": "Commercial research data platform", "status": "EXISTING",
             "practiceRole": "CONTROLLER",
             "parties": [{"name": "Acme Insights Ltd", "kind": "COMMERCIAL", "role": "CONTROLLER", "directCareProvider": false}],
             "purposes": ["RESEARCH"], "legalRequirement": {"kind": "NONE"}, "article6Bases": ["F"],
             "commonLawBasis": "SECTION_251_SUPPORT", "identifiability": "PSEUDONYMISED"}""";

    @Test
    void runsAsNamedModules() {
        assertEquals("org.dsarules.core", DsaRules.class.getModule().getName());
        assertEquals("com.example.gp.modular", DecisionService.class.getModule().getName());
    }

    @Test
    void decidesARequestAndLogsIt() {
        try (DecisionService service = new DecisionService()) {
            DecisionService.Response r = service.handle(BODY, AS_OF);
            assertEquals(200, r.status(), r.body());
            assertTrue(r.body().contains("\"outcome\": \"WITHDRAW\""), r.body());
            assertTrue(r.body().contains("\"fingerprint\": \"sha256:"), r.body());
            assertTrue(r.body().contains("\"asOf\": \"2026-06-15\""), r.body());
            assertEquals(List.of("DSA-42"), service.log().stream().map(DecisionService.Logged::dsaId).toList());
            assertEquals("WITHDRAW", service.log().get(0).outcome());
            assertEquals(1, service.decided());
        }
    }

    @Test
    void refusesAMisspeltFieldWithUnknownField() {
        try (DecisionService service = new DecisionService()) {
            DecisionService.Response r = service.handle(BODY.replace("legalRequirement", "leglRequirement"), AS_OF);
            assertEquals(422, r.status());
            assertEquals("{\"errors\": [{\"code\": \"UNKNOWN_FIELD\", \"field\": \"leglRequirement\"}]}", r.body());
            assertEquals(List.of(), service.log(), "nothing was decided");
        }
    }
}
