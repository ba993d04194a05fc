package org.dsarules.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.engine.KnowledgeBase;
import org.dsarules.engine.RuleIndex;
import org.dsarules.engine.RuleInfo;
import org.dsarules.model.Agreement;
import org.dsarules.model.Article6Basis;
import org.dsarules.model.Article9Condition;
import org.dsarules.model.CommonLawBasis;
import org.dsarules.model.Identifiability;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.LmcAdvice;
import org.dsarules.model.Party;
import org.dsarules.model.PartyKind;
import org.dsarules.model.PartyRole;
import org.dsarules.model.PracticeRole;
import org.dsarules.model.Purpose;
import org.dsarules.model.RequirementKind;
import org.dsarules.model.Status;
import org.junit.jupiter.api.Test;

/**
 * The policy's words live in the rules (issue 23 item 3, issue 25 items 2 and 3): every red flag of the
 * default knowledge base carries its words for the practice, for patients and for the ICB; every proposing
 * rule its sentence for patients and its next steps, and, where it can decide a new request, its request's
 * own; and a lapsed basis is named with its date.
 */
class RuleWordsTest {
    private static final DsaRules RULES = DsaRules.defaults();
    private static final KnowledgeBase KB = RULES.knowledgeBase();
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    @Test
    void everyRedFlagRuleHasItsWords() {
        List<String> missing = new ArrayList<>();
        int flags = 0;
        for (RuleInfo r : KB.rules().values()) {
            if (r.redFlag() == null) {
                continue;
            }
            flags++;
            for (String key : List.of(RuleInfo.PRACTICE_MEANING, RuleInfo.PATIENT_MEANING, RuleInfo.ICB_ASK)) {
                if (r.meta(key) == null) {
                    missing.add(r.name() + " @" + key);
                }
            }
        }
        assertTrue(flags >= 7, "the default rules raise the seven flags of decision-policy.md");
        assertEquals(List.of(), missing);
    }

    @Test
    void everyProposingRuleHasItsWordsAndARequestsWordsWhereItCanDecideOne() {
        List<String> missing = new ArrayList<>();
        for (RuleInfo r : KB.rules().values()) {
            if (r.policyRow() == null) {
                continue;
            }
            if (r.meta(RuleInfo.PATIENT_REASON) == null || r.nextSteps().isEmpty()) {
                missing.add(r.name() + " @patientReason/@nextSteps");
            }
            RuleIndex.IndexedRule indexed = KB.index().rule(r.name()).orElseThrow();
            boolean excludesRequests = indexed.conditions().contains("status != Status.NEW_REQUEST")
                    || indexed.conditions().contains("status == Status.NEW_REQUEST");
            if (!excludesRequests && (r.meta(RuleInfo.NEXT_STEPS_FOR_REQUEST) == null
                    || r.meta(RuleInfo.PATIENT_REASON_FOR_REQUEST) == null)) {
                missing.add(r.name() + " @nextStepsForRequest/@patientReasonForRequest");
            }
            // A request is never given notice: only a signed agreement is ended.
            assertTrue(r.steps(Status.NEW_REQUEST).stream().noneMatch(s -> RuleInfo.NOTICE_STEP.equals(s.kind()))
                    || excludesRequests, r.name());
        }
        assertEquals(List.of(), missing);
    }

    private static Agreement.Builder secondary(String id) {
        return Agreement.builder(id).status(Status.EXISTING).practiceRole(PracticeRole.CONTROLLER)
                .parties(Party.of("University of Westvale", PartyKind.UNIVERSITY, PartyRole.CONTROLLER)
                        .withDirectCareProvider(false))
                .purposes(Purpose.RESEARCH).legalRequirement(LegalRequirement.none())
                .article6Bases(Article6Basis.E).article9Conditions(Article9Condition.J)
                .commonLawBasis(CommonLawBasis.SECTION_251_SUPPORT).identifiability(Identifiability.PSEUDONYMISED)
                .nationalDataOptOutApplied(true).type1OptOutApplied(true).commercialAccess(false).dpiaProvided(true)
                .lmcAdvice(LmcAdvice.NONE);
    }

    @Test
    void aLapsedSection251ApprovalIsNamedWithItsDateNotAsImpliedConsent() {
        Decision d = RULES.decide(secondary("S-1").commonLawBasisExpires(LocalDate.of(2026, 3, 31)).build(), AS_OF);
        assertEquals(Outcome.WITHDRAW, d.outcome());
        assertTrue(d.redFlags().contains("RF-CONFIDENTIALITY"));
        assertTrue(d.summary().contains("the section 251 approval ended on 31 March 2026, and no other basis is stated"),
                d.summary());
        assertFalse(d.summary().contains("implied consent"), d.summary());
    }

    @Test
    void anEndedNoticeIsNamedWithItsDate() {
        Decision d = RULES.decide(secondary("S-2").commonLawBasis(CommonLawBasis.LEGAL_REQUIREMENT)
                .legalRequirement(LegalRequirement.of(RequirementKind.COPI_NOTICE, "COPI notice 2020")
                        .withExpiresOn(LocalDate.of(2026, 3, 31)))
                .build(), AS_OF);
        assertTrue(d.redFlags().contains("RF-CONFIDENTIALITY"), d.toString());
        assertTrue(d.summary().contains("ended on 31 March 2026"), d.summary());
        assertFalse(d.summary().contains("implied consent"), d.summary());
    }

    @Test
    void impliedConsentIsStillNamedWhenItIsTheCause() {
        Decision d = RULES.decide(secondary("S-3").commonLawBasis(CommonLawBasis.IMPLIED_CONSENT_DIRECT_CARE).build(),
                AS_OF);
        assertTrue(d.summary().contains("implied consent covers individual care only"), d.summary());
    }

    @Test
    void aNewRequestWithAClaimedDutyIsNeverKept() {
        Agreement a = secondary("R-1").status(Status.NEW_REQUEST)
                .legalRequirement(new LegalRequirement(RequirementKind.STATUTORY_DIRECTION, null, null)).build();
        Decision d = RULES.decide(a, AS_OF);
        assertEquals("ask-evidence-of-claimed-duty", d.decisiveRule());
        assertTrue(d.nextSteps().stream().noneMatch(s -> s.toLowerCase().contains("keep sharing")), d.nextSteps().toString());
        assertEquals(KB.rules().get(d.decisiveRule()).nextSteps(Status.NEW_REQUEST), d.nextSteps());
        Decision existing = RULES.decide(a.toBuilder().status(Status.EXISTING).build(), AS_OF);
        assertEquals(KB.rules().get(d.decisiveRule()).nextSteps(Status.EXISTING), existing.nextSteps());
        assertNotNull(KB.rules().get(d.decisiveRule()).patientReason(Status.NEW_REQUEST));
    }

    @Test
    void withdrawStepsOfASignedAgreementNoLongerSpeakToRequests() {
        Decision d = RULES.decide(secondary("S-4").commonLawBasisExpires(LocalDate.of(2026, 3, 31)).build(), AS_OF);
        assertTrue(d.nextSteps().stream().noneMatch(s -> s.contains("not yet signed") || s.startsWith("[")),
                d.nextSteps().toString());
        assertTrue(KB.rules().get(d.decisiveRule()).steps(Status.EXISTING).stream()
                .anyMatch(s -> RuleInfo.NOTICE_STEP.equals(s.kind())));
    }
}
