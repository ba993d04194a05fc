package org.dsarules.scenario;

import java.time.LocalDate;
import java.util.Map;

/**
 * A named register, a date, and what the rules should decide for some of its agreements.
 *
 * @param name     the scenario's name
 * @param source   the file it came from, as given
 * @param asOf     the date it is evaluated as of
 * @param register the register as JSON text (with {@code base} already applied)
 * @param expect   expectations by agreement id, in file order
 */
public record Scenario(String name, String source, LocalDate asOf, String register, Map<String, Expectation> expect) {
    public Scenario {
        expect = Map.copyOf(expect);
    }
}
