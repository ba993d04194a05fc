package org.dsarules.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.engine.RuleInfo;
import org.dsarules.model.Agreement;

/**
 * An audited register as every document reads it: the audit's result and, for each decision, one
 * {@link DecidedAgreement} (the decision, its agreement, its deciding rule's metadata and what would
 * settle it). Build it once and hand it to each writer in {@link Reports}; a new document (a follow-up
 * letter, a system report) reads the same model.
 *
 * <pre>{@code
 * DsaRules rules = DsaRules.defaults();
 * AuditResult result = rules.audit(register, asOf);
 * AuditedRegister audited = AuditedRegister.of(result, Reports.byId(RegisterReader.defaults().readAll(register)), rules);
 * String letter = Reports.icbLetter(audited, Reports.Format.MARKDOWN);
 * }</pre>
 *
 * @param result     the audit
 * @param agreements one per decision, in the result's order
 */
public record AuditedRegister(AuditResult result, List<DecidedAgreement> agreements) {

    public AuditedRegister {
        Objects.requireNonNull(result, "result");
        agreements = List.copyOf(agreements);
    }

    /**
     * With the rules that made {@code result}: each decision gets its rule's metadata and, by deciding
     * again with the same rules and date, what would settle it.
     *
     * @param agreementsById the audited agreements by id; may be empty or null (documents then show ids)
     * @param rules          the rules of the audit, or null for documents without rule metadata or what-ifs
     */
    public static AuditedRegister of(AuditResult result, Map<String, Agreement> agreementsById, DsaRules rules) {
        Objects.requireNonNull(result, "result");
        Map<String, Agreement> byId = agreementsById == null ? Map.of() : agreementsById;
        Map<String, RuleInfo> ruleInfo = rules == null ? Map.of() : rules.knowledgeBase().rules();
        List<DecidedAgreement> list = new ArrayList<>(result.decisions().size());
        for (Decision d : result.decisions()) {
            Agreement a = byId.get(d.dsaId());
            WhatIf whatIf = rules == null ? WhatIf.NONE : WhatIf.of(d, a, x -> rules.decide(x, result.asOf()));
            list.add(new DecidedAgreement(d, a, ruleInfo.get(d.decisiveRule()), whatIf));
        }
        return new AuditedRegister(result, list);
    }
}
