/**
 * Seeded, deterministic generators of agreements: a plausible register for benchmarks and
 * demonstrations, and an exhaustive mix of the fact space for differential and property tests.
 * Start with {@link org.dsarules.kb.generate.AgreementGenerator}.
 */
package org.dsarules.kb.generate;
