package org.dsarules.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.decision.TraceStep;
import org.dsarules.engine.RuleCatalogue;
import org.dsarules.engine.RuleCatalogue.Entry;
import org.dsarules.engine.RuleIndex;
import org.dsarules.engine.RuleIndex.IndexedRule;
import org.dsarules.engine.RuleSource;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.register.json.AgreementCodec;
import org.dsarules.model.Agreement;
import org.junit.jupiter.api.Test;

/**
 * The index of the default rule files, checked against the DRL text itself, and the dates the
 * catalogue shows, checked against what the rules do in real sessions.
 */
class RuleIndexOfDefaultsTest {
    private static final DsaRules RULES = DsaRules.defaults();
    private static final long SEED = 20261;

    @Test
    void everyRuleIsAtTheLineAndColumnOfItsRuleKeyword() {
        RuleIndex index = RULES.knowledgeBase().index();
        assertEquals(RULES.knowledgeBase().rules().keySet(), new TreeSet<>(index.names()), "the index finds exactly the compiled rules");
        for (IndexedRule r : index.rules()) {
            RuleSource s = r.source();
            String line = s.text().split("\n", -1)[r.line() - 1];
            assertTrue(line.substring(r.column() - 1).startsWith("rule \"" + r.name() + "\""),
                    r.name() + " is indexed at " + r.at() + " but that line is: " + line);
        }
        List<Entry> catalogue = RuleCatalogue.of(RULES.knowledgeBase());
        for (Entry e : catalogue) {
            assertEquals(index.rule(e.name()).orElseThrow().line(), e.line(), e.name());
        }
    }

    /**
     * A rule that declares {@code @inForceFrom(D)} never fires as of the day before D, and one that
     * declares {@code @inForceUntil(U)} never fires the day after U: over generated agreements, through
     * real sessions on the real rules. So the dates the catalogue shows are the dates the rules keep.
     */
    @Test
    void declaredDatesAreKeptByTheRules() {
        List<String> problems = new ArrayList<>();
        List<Agreement> agreements = AgreementGenerator.exhaustive(SEED).next(400);
        for (Entry e : RuleCatalogue.of(RULES.knowledgeBase())) {
            List<LocalDate> outside = new ArrayList<>();
            if (e.from() != null) {
                outside.add(e.from().minusDays(1));
            }
            if (e.until() != null) {
                outside.add(e.until().plusDays(1));
            }
            for (LocalDate day : outside) {
                for (Agreement a : agreements) {
                    Decision d = RULES.decide(a, day);
                    if (d.trace().stream().map(TraceStep::rule).anyMatch(e.name()::equals)) {
                        problems.add(e.name() + " fired as of " + day + " (declared " + RuleCatalogue.POLICY + " "
                                + e.policy() + ", from " + e.from() + ", until " + e.until() + ") for "
                                + AgreementCodec.toJsonString(a) + " (exhaustive mix, seed " + SEED + ")");
                        break;
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        Set<String> dated = new TreeSet<>();
        RuleCatalogue.of(RULES.knowledgeBase()).stream().filter(e -> e.from() != null || e.until() != null)
                .forEach(e -> dated.add(e.name()));
        assertEquals(17, dated.size(), "the rules of the May 2026 campaign and the campaign pair itself: " + dated);
    }
}
