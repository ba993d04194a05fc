package org.dsarules.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.model.Agreement;
import org.dsarules.model.Article6Basis;
import org.dsarules.model.Article9Condition;
import org.dsarules.model.CommonLawBasis;
import org.dsarules.model.IcbAssessment;
import org.dsarules.model.IcbConclusion;
import org.dsarules.model.IcbStatus;
import org.dsarules.model.Identifiability;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.LmcAdvice;
import org.dsarules.model.Party;
import org.dsarules.model.PartyKind;
import org.dsarules.model.PartyRole;
import org.dsarules.model.PracticeRole;
import org.dsarules.model.Purpose;
import org.dsarules.model.Status;
import org.dsarules.register.json.AgreementCodec;
import org.junit.jupiter.api.Test;

/**
 * decision-policy.md v1.2: a local rule may raise a flag with an advisory basis. It is listed in
 * {@code redFlags} and may add its question for the ICB, but counts as a red flag in no outcome row;
 * the default rules never raise one. Real sessions on the real DRL, with a small overlay.
 */
class AdvisoryFlagTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final String QUESTION = "Has the ICB's Caldicott Guardian approved the onward sharing with Northshire Analytics?";

    /** An LMC's marker: any agreement naming Northshire Analytics gets an advisory flag and a question. */
    private static final String OVERLAY = """
            package org.dsarules.local.westvale;

            import org.dsarules.facts.*;
            import org.dsarules.model.*;

            rule "rf-local-analytics-marker"
                @redFlag("RF-LOCAL-ANALYTICS")
                @citation("Westvale LMC guidance (markers)")
            when
                $a: Agreement()
                Party( isNamed("Northshire Analytics") ) from $a.partyList()
            then
                insert(new RaisedFlag("RF-LOCAL-ANALYTICS", Basis.ADVISORY,
                    "The LMC marks agreements that share with Northshire Analytics."));
                insert(new IcbQuestion("QUESTION", "The LMC asks practices to check this."));
            end
            """.replace("QUESTION", QUESTION);

    private static final DsaRules DEFAULTS = DsaRules.defaults();
    private static final DsaRules WITH_OVERLAY = DsaRules.builder().rules("westvale-markers.drl", OVERLAY).build();

    private static final Party MARKED = Party.of("Northshire Analytics", PartyKind.UNIVERSITY, PartyRole.RECIPIENT);

    /** A secondary agreement with nothing missing and no red flag, the ICB having concluded it lawful: row 13 keeps it. */
    private static Agreement.Builder complete() {
        return Agreement.builder("A-1").status(Status.EXISTING).practiceRole(PracticeRole.CONTROLLER)
                .parties(MARKED.withDirectCareProvider(true))
                .purposes(Purpose.RESEARCH).legalRequirement(LegalRequirement.none())
                .article6Bases(Article6Basis.E).article9Conditions(Article9Condition.J)
                .commonLawBasis(CommonLawBasis.SECTION_251_SUPPORT).identifiability(Identifiability.PSEUDONYMISED)
                .nationalDataOptOutApplied(true).type1OptOutApplied(true).commercialAccess(false).dpiaProvided(true)
                .icbAssessment(new IcbAssessment(IcbStatus.RECEIVED, IcbConclusion.NECESSARY_AND_LAWFUL,
                        LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 20)))
                .lmcAdvice(LmcAdvice.NONE);
    }

    /** The advisory flag is listed and asks its question, and every row decides as without it. */
    private static void sameDecisionPlusTheMarker(Agreement a) {
        Decision plain = DEFAULTS.decide(a, AS_OF);
        Decision marked = WITH_OVERLAY.decide(a, AS_OF);
        String seen = AgreementCodec.toJson(a).toString();
        assertTrue(marked.redFlags().contains("RF-LOCAL-ANALYTICS"), seen);
        assertTrue(marked.questionsForIcb().contains(QUESTION), seen);
        assertFalse(plain.redFlags().contains("RF-LOCAL-ANALYTICS"), seen);
        assertEquals(plain.outcome(), marked.outcome(), seen);
        assertEquals(plain.decisiveRule(), marked.decisiveRule(), seen);
        assertEquals(plain.missing(), marked.missing(), seen);
        List<String> others = marked.redFlags().stream().filter(f -> !f.equals("RF-LOCAL-ANALYTICS")).toList();
        assertEquals(plain.redFlags(), others, seen);
    }

    @Test
    void countsInNoRowThatReadsRedFlags() {
        // Row 13 (secondary, assessed lawful): not row 10.
        Agreement secondary = complete().build();
        sameDecisionPlusTheMarker(secondary);
        assertEquals("keep-icb-assessed-lawful", WITH_OVERLAY.decide(secondary, AS_OF).decisiveRule());
        // Row 8 (direct care): not row 7.
        Agreement directCare = complete().purposes(Purpose.DIRECT_CARE).commonLawBasis(CommonLawBasis.IMPLIED_CONSENT_DIRECT_CARE)
                .identifiability(Identifiability.IDENTIFIABLE).build();
        sameDecisionPlusTheMarker(directCare);
        assertEquals("keep-direct-care", WITH_OVERLAY.decide(directCare, AS_OF).decisiveRule());
        // Row 13 for a mixed agreement: not row 9.
        Agreement mixed = complete().purposes(Purpose.DIRECT_CARE, Purpose.RESEARCH).build();
        sameDecisionPlusTheMarker(mixed);
        assertEquals(Outcome.KEEP, WITH_OVERLAY.decide(mixed, AS_OF).outcome());
        // Row 4 (the LMC advised keeping): not row 3.
        Agreement lmcKeep = complete().icbAssessment(null).lmcAdvice(LmcAdvice.KEEP).build();
        sameDecisionPlusTheMarker(lmcKeep);
        assertEquals("keep-lmc-advice", WITH_OVERLAY.decide(lmcKeep, AS_OF).decisiveRule());
        // Before the campaign, row 13 keeps without an ICB conclusion.
        Decision before = WITH_OVERLAY.decide(complete().icbAssessment(null).build(), LocalDate.of(2026, 4, 30));
        assertEquals("keep-secondary-before-campaign", before.decisiveRule());
        assertTrue(before.redFlags().contains("RF-LOCAL-ANALYTICS"));
    }

    /** Over the generator's exhaustive mix, with the marker on every agreement that can carry it. */
    @Test
    void neverChangesAnOutcomeOverGeneratedAgreements() {
        List<Agreement> agreements = AgreementGenerator.exhaustive(77L).next(150);
        for (Agreement a : agreements) {
            List<Party> parties = new ArrayList<>(a.partyList());
            parties.add(MARKED);
            sameDecisionPlusTheMarker(a.toBuilder().parties(parties).build());
        }
    }

    /** No default rule raises an advisory flag: not in the DRL text, and not in any decision. */
    @Test
    void noDefaultRuleRaisesAnAdvisoryFlag() throws IOException {
        for (String file : List.of("campaign", "classification", "commercial", "confidentiality", "direct-care",
                "gdpr-roles", "outcomes", "unknowns")) {
            try (InputStream in = getClass().getResourceAsStream("/org/dsarules/kb/" + file + ".drl")) {
                String drl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertFalse(drl.contains("ADVISORY"), file + ".drl names the advisory basis");
            }
        }
        // A watcher rule (test only) that turns any advisory flag into a question: the defaults never trigger it.
        String watcher = """
                package org.dsarules.local.watch;
                import org.dsarules.facts.*;
                rule "watch-advisory"
                    @citation("decision-policy.md v1.2 (flags of the default rules are never advisory)")
                when
                    RaisedFlag( basis == Basis.ADVISORY, $id: id )
                then
                    insert(new IcbQuestion("ADVISORY " + $id, "watched"));
                end
                """;
        try (DsaRules watchedWithMarker = DsaRules.builder().rules("watch.drl", watcher)
                .rules("westvale-markers.drl", OVERLAY).build()) {
            // The watcher sees an advisory flag when there is one.
            assertTrue(watchedWithMarker.decide(complete().build(), AS_OF).questionsForIcb()
                    .contains("ADVISORY RF-LOCAL-ANALYTICS"));
        }
        try (DsaRules watched = DsaRules.builder().rules("watch.drl", watcher).build()) {
            for (Agreement a : AgreementGenerator.exhaustive(78L).next(300)) {
                for (LocalDate asOf : List.of(LocalDate.of(2026, 4, 30), AS_OF)) {
                    Decision d = watched.decide(a, asOf);
                    assertTrue(d.questionsForIcb().stream().noneMatch(q -> q.startsWith("ADVISORY ")),
                            () -> "a default rule raised an advisory flag: " + AgreementCodec.toJson(a));
                }
            }
        }
    }
}
