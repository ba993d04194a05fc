package com.example.gp.modular;

import java.lang.System.Logger.Level;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.decision.RecordError;
import org.dsarules.decision.TraceLevel;
import org.dsarules.exception.InvalidAgreementException;
import org.dsarules.json.AgreementJson;
import org.dsarules.json.DecisionJson;

/**
 * What a service's request handler does with dsa-rules: reads the request body with the validating
 * reader, decides, answers with the decision's JSON (which names the rules and date it was decided with),
 * and keeps a decision log through onDecision.
 */
public final class DecisionService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DecisionService.class.getName());

    /** One line of the decision log. */
    public record Logged(String dsaId, String outcome, String decisiveRule) {
    }

    /** An answer: an HTTP status and its body. */
    public record Response(int status, String body) {
    }

    private final List<Logged> log = new CopyOnWriteArrayList<>();
    private final DsaRules rules;

    public DecisionService() {
        rules = DsaRules.builder()
                .onDecision((agreement, decision) -> {
                    log.add(new Logged(agreement.id(), decision.outcome().name(), decision.decisiveRule()));
                    LOG.log(Level.INFO, "decided {0}: {1} by {2}", agreement.id(), decision.outcome(),
                            decision.decisiveRule());
                })
                .recordStats()
                .build();
    }

    /** Handles one request body: 200 with the decision, or 422 with the record errors and their codes. */
    public Response handle(String body, LocalDate asOf) {
        try {
            Decision d = rules.decide(AgreementJson.read(body), asOf);
            return new Response(200, DecisionJson.write(d, TraceLevel.DECISIVE, rules.knowledgeBaseInfo(), asOf));
        } catch (InvalidAgreementException e) {
            StringBuilder out = new StringBuilder("{\"errors\": [");
            for (RecordError err : e.errors()) {
                out.append("{\"code\": \"").append(err.code()).append("\", \"field\": \"").append(err.field())
                        .append("\"}");
            }
            return new Response(422, out.append("]}").toString());
        }
    }

    /** The decision log so far. */
    public List<Logged> log() {
        return List.copyOf(log);
    }

    /** How many decisions were made. */
    public long decided() {
        return rules.stats().decided();
    }

    @Override
    public void close() {
        rules.close();
    }
}
