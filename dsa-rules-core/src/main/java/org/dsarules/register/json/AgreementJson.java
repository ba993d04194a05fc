package org.dsarules.register.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.dsarules.model.Agreement;
import org.dsarules.model.HistoryEntry;
import org.dsarules.model.IcbAssessment;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.Party;
import org.dsarules.register.Fields;
import org.dsarules.register.RecordValidator;
import org.dsarules.register.RegisterEntry;

/**
 * One agreement to and from its JSON form of {@code record-format.md}: for round-trip tests,
 * generators and tools. Fields come in the format's order; a null (not known) field is left out;
 * dates are written {@code YYYY-MM-DD} and enum values by name.
 */
public final class AgreementJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER = new ObjectMapper().writer();
    private static final String SOURCE = "agreement JSON";

    private AgreementJson() {
    }

    /** The agreement as a JSON object, fields in the format's order, null fields left out. */
    public static ObjectNode toJson(Agreement a) {
        Objects.requireNonNull(a, "agreement");
        ObjectNode o = NODES.objectNode();
        for (String name : RecordValidator.AGREEMENT_FIELDS) {
            switch (name) {
                case "id" -> put(o, name, a.id());
                case "parties" -> {
                    if (a.parties() != null) {
                        ArrayNode parties = o.putArray(name);
                        a.parties().forEach(p -> parties.add(party(p)));
                    }
                }
                case "legalRequirement" -> {
                    if (a.legalRequirement() != null) {
                        LegalRequirement l = a.legalRequirement();
                        ObjectNode n = o.putObject(name);
                        put(n, "kind", l.kind());
                        put(n, "reference", l.reference());
                        put(n, "expiresOn", l.expiresOn());
                    }
                }
                case "icbAssessment" -> {
                    if (a.icbAssessment() != null) {
                        IcbAssessment i = a.icbAssessment();
                        ObjectNode n = o.putObject(name);
                        put(n, "status", i.status());
                        put(n, "conclusion", i.conclusion());
                        put(n, "requestedOn", i.requestedOn());
                        put(n, "receivedOn", i.receivedOn());
                    }
                }
                case "history" -> {
                    if (a.history() != null) {
                        ArrayNode history = o.putArray(name);
                        a.history().forEach(h -> history.add(historyEntry(h)));
                    }
                }
                // every field of one value or one list, by the catalogue
                default -> put(o, name, Fields.topLevel(name).orElseThrow().get().apply(a));
            }
        }
        return o;
    }

    /** The agreement as compact JSON text; the same agreement always gives the same text. */
    public static String toJsonString(Agreement a) {
        try {
            return WRITER.writeValueAsString(toJson(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write agreement " + a.id() + " as JSON", e);
        }
    }

    /**
     * Reads one agreement from JSON text, validated as a record of a register is.
     *
     * @throws IllegalArgumentException when the text is not JSON or not a valid agreement; its
     *                                  message is the one a register's record error would have
     */
    public static Agreement fromJson(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode node;
        try (JsonParser p = JsonTree.FACTORY.createParser(json)) {
            if (p.nextToken() == null) {
                throw new IllegalArgumentException(SOURCE + ": not valid JSON: the text is empty");
            }
            node = JsonTree.read(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException(SOURCE + ": not valid JSON: more than one value"
                        + Failures.at(p.currentLocation()));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(Failures.of(SOURCE, e).getMessage(), e);
        }
        RegisterEntry entry = new RecordValidator().validate(node, 0);
        if (entry instanceof RegisterEntry.Valid v) {
            return v.agreement();
        }
        throw new IllegalArgumentException(((RegisterEntry.Invalid) entry).error().message());
    }

    private static ObjectNode party(Party p) {
        ObjectNode n = NODES.objectNode();
        put(n, "name", p.name());
        put(n, "kind", p.kind());
        put(n, "role", p.role());
        put(n, "instructedBy", p.instructedBy());
        put(n, "directCareProvider", p.directCareProvider());
        return n;
    }

    private static ObjectNode historyEntry(HistoryEntry h) {
        ObjectNode n = NODES.objectNode();
        put(n, "date", h.date());
        put(n, "field", h.field());
        put(n, "oldValue", h.oldValue());
        put(n, "newValue", h.newValue());
        put(n, "source", h.source());
        put(n, "comment", h.comment());
        return n;
    }

    /** Puts a string, boolean, enum, date or list of enums; leaves a null out. */
    private static void put(ObjectNode o, String name, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof Boolean b) {
            o.put(name, b);
        } else if (v instanceof List<?> list) {
            ArrayNode a = o.putArray(name);
            list.forEach(item -> a.add(text(item)));
        } else {
            o.put(name, text(v));
        }
    }

    private static String text(Object v) {
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof LocalDate d) {
            if (d.getYear() < 0 || d.getYear() > 9999) {
                throw new IllegalArgumentException("the date " + d + " cannot be written as YYYY-MM-DD");
            }
            return d.toString();
        }
        return (String) v;
    }
}
