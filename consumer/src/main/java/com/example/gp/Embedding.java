package com.example.gp;

import java.time.LocalDate;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.model.Agreement;
import org.dsarules.model.Article6Basis;
import org.dsarules.model.CommonLawBasis;
import org.dsarules.model.Identifiability;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.Party;
import org.dsarules.model.PartyKind;
import org.dsarules.model.PartyRole;
import org.dsarules.model.PracticeRole;
import org.dsarules.model.Purpose;
import org.dsarules.model.Status;

/** The README's embedding example, as an application outside the dsa-rules build writes it. */
public final class Embedding {
    private Embedding() {
    }

    /** A commercial research platform that the default rules withdraw from. */
    public static Agreement research() {
        return Agreement.builder("DSA-42")
                .title("Commercial research data platform")
                .status(Status.EXISTING)
                .practiceRole(PracticeRole.CONTROLLER)
                .parties(new Party("Acme Insights Ltd", PartyKind.COMMERCIAL, PartyRole.CONTROLLER, null, false))
                .purposes(Purpose.RESEARCH)
                .legalRequirement(LegalRequirement.none())
                .article6Bases(Article6Basis.F)
                .commonLawBasis(CommonLawBasis.SECTION_251_SUPPORT)
                .identifiability(Identifiability.PSEUDONYMISED)
                .build();
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        try (DsaRules rules = DsaRules.defaults()) {
            Decision d = rules.decide(research(), LocalDate.of(2026, 6, 15));
            System.out.println(d.dsaId() + ": " + d.outcome() + " (decided by " + d.decisiveRule() + ")");
            System.out.printf("first decision after %.0f ms%n", (System.nanoTime() - start) / 1e6);
        }
    }
}
