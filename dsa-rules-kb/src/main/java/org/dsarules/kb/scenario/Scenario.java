package org.dsarules.kb.scenario;

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
 * @param registerSource the file the register was read from: the {@code registerFile}, or the scenario
 *                 file itself for an inline register (what an error in the register names)
 */
public record Scenario(String name, String source, LocalDate asOf, String register, Map<String, Expectation> expect,
        String registerSource) {
    public Scenario {
        expect = Map.copyOf(expect);
    }

    /** A scenario whose register is written in the scenario file itself. */
    public Scenario(String name, String source, LocalDate asOf, String register, Map<String, Expectation> expect) {
        this(name, source, asOf, register, expect, source);
    }
}
