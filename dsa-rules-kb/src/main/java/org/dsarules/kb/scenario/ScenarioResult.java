package org.dsarules.kb.scenario;

import java.util.List;
import org.dsarules.decision.AuditResult;

/**
 * The result of running one scenario.
 *
 * @param failures every expectation that did not hold; empty when the scenario passed
 * @param audit    the full audit the expectations were checked against (full traces)
 */
public record ScenarioResult(Scenario scenario, List<Failure> failures, AuditResult audit) {
    public ScenarioResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /** One expectation that did not hold. */
    public record Failure(String dsaId, String check, String expected, String actual) {
        @Override
        public String toString() {
            return dsaId + ": " + check + ": expected " + expected + ", got " + actual;
        }
    }
}
