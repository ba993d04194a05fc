package org.dsarules.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.model.Agreement;
import org.dsarules.model.Identifiability;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.Party;
import org.dsarules.model.PartyKind;
import org.dsarules.model.PartyRole;
import org.dsarules.model.PracticeRole;
import org.dsarules.model.Purpose;
import org.dsarules.model.Status;
import org.junit.jupiter.api.Test;

/** What would settle an open agreement, and the questions an answer would raise: found by the rules themselves. */
class WhatIfTest {

    /** A research agreement with commercial access whose duty to share and data form are not known: row 12 asks. */
    static final Agreement OPEN = Agreement.builder("W-1").status(Status.EXISTING).practiceRole(PracticeRole.CONTROLLER)
            .parties(new Party("Helix Ltd", PartyKind.COMMERCIAL, PartyRole.CONTROLLER, null, null))
            .purposes(Purpose.RESEARCH).commercialAccess(true).build();

    private static Decision decide(Agreement a) {
        return ReportFixtures.RULES.decide(a, ReportFixtures.AS_OF);
    }

    @Test
    void theAnswersThatChangeTheOutcomeAreTheOnesTheRulesDecideDifferently() {
        Decision d = decide(OPEN);
        assertEquals(Outcome.ASK_ICB_FOR_INFORMATION, d.outcome());
        WhatIf w = WhatIf.of(d, OPEN, WhatIfTest::decide);
        List<String> sentences = w.settlements().stream().map(WhatIf.Settlement::sentence).toList();
        assertTrue(sentences.contains("If no law or contract requires this sharing: Withdraw"), sentences.toString());
        assertTrue(sentences.contains("If a named direction, notice, contract term, court order or other law requires it: Keep"),
                sentences.toString());
        // Checked against the rules directly: the same answers, written in by hand.
        assertEquals(Outcome.WITHDRAW, decide(OPEN.toBuilder().legalRequirement(
                LegalRequirement.none()).build()).outcome());
        for (WhatIf.Settlement s : w.settlements()) {
            assertTrue(s.outcome() != Outcome.ASK_ICB_FOR_INFORMATION, s.toString());
        }
    }

    @Test
    void theQuestionsAnAnswerWouldRaiseAreAskedUpFront() {
        Decision d = decide(OPEN);
        assertTrue(d.missing().contains("identifiability"), d.missing().toString());
        assertTrue(!d.missing().contains("article9Conditions"), "not asked while the form of the data is not known");
        WhatIf w = WhatIf.of(d, OPEN, WhatIfTest::decide);
        WhatIf.Conditional c = w.conditionals().stream().filter(x -> x.field().equals("identifiability")).findFirst()
                .orElseThrow(() -> new AssertionError(w.toString()));
        assertEquals("the data is identifiable or pseudonymised", c.condition());
        assertEquals(List.of("article9Conditions", "nationalDataOptOutApplied", "type1OptOutApplied"), c.fields());
        Decision identifiable = decide(OPEN.toBuilder().identifiability(Identifiability.IDENTIFIABLE).build());
        for (int i = 0; i < c.fields().size(); i++) {
            int k = identifiable.missing().indexOf(c.fields().get(i));
            assertEquals(identifiable.questionsForIcb().get(k), c.questions().get(i));
        }
    }

    @Test
    void aDecisionWithNothingMissingHasNothingToSettle() {
        Decision d = ReportFixtures.sample().result().decisions().stream().filter(x -> x.dsaId().equals("MB-03"))
                .findFirst().orElseThrow();
        assertEquals(WhatIf.NONE, WhatIf.of(d, ReportFixtures.sample().byId().get("MB-03"), WhatIfTest::decide));
    }

    @Test
    void settlementsOnlyDecidesAgainOnlyForAnOpenAgreementAndGivesTheSameSettlements() {
        Decision open = decide(OPEN);
        WhatIf full = WhatIf.of(open, OPEN, WhatIfTest::decide);
        WhatIf only = WhatIf.settlementsOnly(open, OPEN, WhatIfTest::decide);
        assertEquals(full.settlements(), only.settlements());
        assertEquals(List.of(), only.conditionals());
        // A decided agreement with facts missing: nothing to settle, so nothing is decided again.
        Agreement decided = OPEN.toBuilder().legalRequirement(LegalRequirement.none()).build();
        Decision d = decide(decided);
        assertEquals(Outcome.WITHDRAW, d.outcome());
        assertTrue(!d.missing().isEmpty(), d.missing().toString());
        assertEquals(WhatIf.NONE, WhatIf.settlementsOnly(d, decided, a -> {
            throw new AssertionError("decided again: " + a.id());
        }));
    }
}
