/**
 * Scenario tests for policy authors: JSON files that name a register, an as-of date and the
 * expected decisions. The knowledge base's own tests and {@code dsa-audit test} run the same files.
 */
package org.dsarules.kb.scenario;
