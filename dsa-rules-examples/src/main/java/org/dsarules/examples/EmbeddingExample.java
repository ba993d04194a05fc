package org.dsarules.examples;

import java.time.LocalDate;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.decision.TraceStep;
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

/**
 * How a Java application embeds dsa-rules: build one {@link DsaRules} at start-up (it loads the
 * precompiled knowledge base once), share it between threads, and decide agreements.
 *
 * <p>Run: {@code java -cp "dsa-rules-examples/target/dsa-audit.jar:dsa-rules-examples/target/lib/*"
 * org.dsarules.examples.EmbeddingExample}
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    public static void main(String[] args) {
        DsaRules rules = DsaRules.defaults();

        Agreement research = Agreement.builder("DSA-42")
                .title("Commercial research data platform")
                .status(Status.EXISTING)
                .practiceRole(PracticeRole.CONTROLLER)
                .parties(new Party("Acme Insights Ltd", PartyKind.COMMERCIAL, PartyRole.CONTROLLER, null, false))
                .purposes(Purpose.RESEARCH)
                .legalRequirement(LegalRequirement.none())
                .article6Bases(Article6Basis.F)
                .commonLawBasis(CommonLawBasis.SECTION_251_SUPPORT)
                .identifiability(Identifiability.PSEUDONYMISED)
                .build();   // fields never set stay "not known"

        Decision d = rules.decide(research, LocalDate.of(2026, 6, 15));
        System.out.println(d.dsaId() + ": " + d.outcome() + " (decided by " + d.decisiveRule() + ")");
        System.out.println("  " + d.summary());
        System.out.println("  red flags: " + d.redFlags() + ", not known: " + d.missing());
        for (TraceStep step : d.trace()) {
            System.out.println("  - " + step.rule() + (step.outcome() != null ? " -> " + step.outcome() : "")
                    + ": " + step.explanation());
        }
    }
}
