package org.dsarules.facts;

import java.time.LocalDate;

/**
 * A dated policy (the May 2026 collective action, a later escalation) and whether it is in force
 * on the as-of date. A rule inserts one per policy either way, so that campaign rules test a fact
 * that is always there ({@code Campaign(policy == "GPC-2026-05", inForce)}) rather than the absence
 * of one, which would depend on the order in which rules fire.
 *
 * @param policy  the policy's stable name, e.g. {@code GPC-2026-05}
 * @param since   its first day in force
 * @param inForce whether the as-of date is on or after {@code since}
 */
public record Campaign(String policy, LocalDate since, boolean inForce, String explanation) implements Finding {
}
