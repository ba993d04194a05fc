package org.dsarules.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dsarules.decision.Outcome;
import org.dsarules.engine.RuleIndex.IndexedRule;

/**
 * Every rule of a knowledge base with what an author or auditor wants to know about it: its file and
 * line, its policy row, red flag and citations, and the dates between which it can fire.
 *
 * <p>Everything comes from the {@link RuleIndex} and from what each rule declares: the dates from its
 * {@code @inForceFrom("YYYY-MM-DD")} and {@code @inForceUntil("YYYY-MM-DD")} metadata and the dated
 * policy from {@code @policy("NAME")}, never from the way its conditions are written.
 */
public final class RuleCatalogue {

    /**
     * One rule. Absent values are null.
     *
     * @param metadata every metadata value the rule declares, by key (sorted): the rule's words for the
     *                 practice, for patients and for the ICB, its next steps, and any key added later, so that
     *                 a catalogue shows them without knowing them in advance
     */
    public record Entry(String name, String file, int line, String policyRow, String redFlag, List<String> citations,
            LocalDate from, LocalDate until, String policy, Outcome proposes, String conditions,
            Map<String, String> metadata) {
        public Entry {
            metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metadata));
        }
    }

    /** The metadata key naming the dated policy a rule belongs to, e.g. {@code @policy("GPC-2026-05")}. */
    public static final String POLICY = "policy";

    private RuleCatalogue() {
    }

    /** The catalogue of {@code kb}, sorted by file, then position in the file. */
    public static List<Entry> of(KnowledgeBase kb) {
        List<Entry> out = new ArrayList<>();
        for (RuleInfo r : kb.rules().values()) {
            IndexedRule b = kb.index().rule(r.name()).orElse(null);
            out.add(new Entry(r.name(), b == null ? null : b.file(), b == null ? 0 : b.line(), r.policyRowText(),
                    r.redFlag(), r.citations(), RuleCompiler.date(r.meta(RuleCompiler.IN_FORCE_FROM)),
                    RuleCompiler.date(r.meta(RuleCompiler.IN_FORCE_UNTIL)), r.meta(POLICY),
                    b == null ? null : b.proposes(), b == null ? null : b.conditions(), r.metadata()));
        }
        out.sort(Comparator.comparing((Entry e) -> e.file() == null ? "" : e.file()).thenComparingInt(Entry::line)
                .thenComparing(Entry::name));
        return out;
    }
}
