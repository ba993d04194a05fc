package org.dsarules.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decided;
import org.dsarules.decision.Decision;
import org.dsarules.model.Agreement;

/**
 * The model every document of an audited register reads (named apart from {@code round.AuditedRegister},
 * which is the audit itself as the second round holds it): the audit's result and, for each decision, one
 * {@link DecidedAgreement} (the decision, its agreement, its deciding rule's metadata and what would
 * settle it). Build it once and hand it to each writer in {@link Reports}; a new document (a follow-up
 * letter, a system report) reads the same model.
 *
 * <pre>{@code
 * DsaRules rules = DsaRules.defaults();
 * CollectingSink sink = new CollectingSink();
 * rules.audit(RegisterFiles.open(register), asOf, TraceLevel.FULL, sink);
 * DocumentModel audited = DocumentModel.of(sink.result(), sink.decided(), rules);
 * String letter = Reports.icbLetter(audited, Reports.Format.MARKDOWN);
 * }</pre>
 *
 * @param result     the audit
 * @param agreements one per decision, in the result's order
 */
public record DocumentModel(AuditResult result, List<DecidedAgreement> agreements) {

    public DocumentModel {
        Objects.requireNonNull(result, "result");
        agreements = List.copyOf(agreements);
    }

    /**
     * With the rules that made {@code result}: each decision, with the agreement the audit handed on with it
     * ({@code CollectingSink.decided()}), gets its rule's metadata and, by deciding again with the same rules
     * and date, what would settle it.
     *
     * @param decided the decisions of {@code result} with their agreements, in its order
     * @param rules   the rules of the audit, or null for documents without rule metadata or what-ifs
     */
    public static DocumentModel of(AuditResult result, List<Decided> decided, DsaRules rules) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(decided, "decided");
        List<DecidedAgreement> list = new ArrayList<>(decided.size());
        for (Decided x : decided) {
            list.add(DecidedAgreement.of(x.decision(), x.agreement(), rules, result.asOf()));
        }
        return new DocumentModel(result, list);
    }

    /** Each decision with its agreement, leaving out a decision shown without one. */
    public List<Decided> decided() {
        return agreements.stream().filter(d -> d.agreement() != null).map(d -> new Decided(d.agreement(), d.decision()))
                .toList();
    }

    /**
     * For a caller that read the agreements apart from the audit (the {@link Reports} methods that take a
     * map): each decision is shown with the agreement of its id.
     *
     * @param agreementsById the audited agreements by id; may be empty or null (documents then show ids)
     * @param rules          the rules of the audit, or null for documents without rule metadata or what-ifs
     */
    public static DocumentModel of(AuditResult result, Map<String, Agreement> agreementsById, DsaRules rules) {
        Objects.requireNonNull(result, "result");
        Map<String, Agreement> byId = agreementsById == null ? Map.of() : agreementsById;
        List<DecidedAgreement> list = new ArrayList<>(result.decisions().size());
        for (Decision d : result.decisions()) {
            list.add(DecidedAgreement.of(d, byId.get(d.dsaId()), rules, result.asOf()));
        }
        return new DocumentModel(result, list);
    }
}
