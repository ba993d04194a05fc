package org.dsarules.kb.embedding;

import java.time.LocalDate;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.kb.generate.AgreementGenerator;
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

/** Decides a few generated agreements with the default rules, in whatever class loader loaded this class. */
public final class Probe {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    private Probe() {
    }

    /** A commercial research platform on article 6(1)(f): withdrawn under the default rules. */
    static Agreement research() {
        return Agreement.builder("DSA-42").title("Commercial research data platform").status(Status.EXISTING)
                .practiceRole(PracticeRole.CONTROLLER)
                .parties(new Party("Acme Insights Ltd", PartyKind.COMMERCIAL, PartyRole.CONTROLLER, null, false))
                .purposes(Purpose.RESEARCH).legalRequirement(LegalRequirement.none()).article6Bases(Article6Basis.F)
                .commonLawBasis(CommonLawBasis.SECTION_251_SUPPORT).identifiability(Identifiability.PSEUDONYMISED)
                .build();
    }

    public static String decide() {
        StringBuilder sb = new StringBuilder();
        try (DsaRules rules = DsaRules.defaults()) {
            AgreementGenerator g = AgreementGenerator.exhaustive(42L);
            for (int i = 0; i < 20; i++) {
                Decision d = rules.decide(g.next(), AS_OF);
                sb.append(d.dsaId()).append(' ').append(d.outcome()).append(' ').append(d.decisiveRule()).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * What a service does per request, all on this thread: reads a request body with AgreementJson, decides
     * it, writes the decision as JSON, audits a small register (in parallel on the common pool) and closes.
     */
    public static String serve() {
        StringBuilder sb = new StringBuilder();
        try (DsaRules rules = DsaRules.builder().onDecision((a, d) -> sb.append(a.id()).append(' ')).recordStats().build()) {
            Agreement a = org.dsarules.json.AgreementJson.read(
                    org.dsarules.register.json.AgreementCodec.toJsonString(research()));
            Decision d = rules.decide(a, AS_OF);
            sb.append(org.dsarules.json.DecisionJson.write(d, org.dsarules.decision.TraceLevel.FULL,
                    rules.knowledgeBaseInfo(), AS_OF).length());
            StringBuilder register = new StringBuilder("{\"agreements\": [");
            AgreementGenerator g = AgreementGenerator.exhaustive(7L);
            for (int i = 0; i < 40; i++) {
                register.append(i == 0 ? "" : ",").append(org.dsarules.register.json.AgreementCodec.toJsonString(g.next()));
            }
            register.append("]}");
            var result = rules.audit(new java.io.ByteArrayInputStream(
                    register.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), "register", AS_OF);
            sb.append(' ').append(result.decisions().size()).append(' ').append(rules.stats().decided());
        }
        return sb.toString();
    }
}
