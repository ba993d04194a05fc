package org.dsarules.register;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.dsarules.decision.ErrorCode;
import org.dsarules.model.Agreement;
import org.dsarules.model.HistoryEntry;
import org.dsarules.model.IcbAssessment;
import org.dsarules.model.IcbConclusion;
import org.dsarules.model.IcbStatus;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.Party;
import org.dsarules.model.PartyKind;
import org.dsarules.model.PartyRole;
import org.dsarules.model.RequirementKind;

/**
 * The checks of one record, walking its value tree ({@link Trees}) in document order: the record's
 * structure (its id, parties, nested objects, history; every other field by its kind in
 * {@link Fields}), each value read by {@link ValueReading}, every problem kept in {@link Problems}, so
 * that the error names the first bad field and lists the others. Absent and null fields are not known;
 * a missing, blank or repeated {@code id}, a party without a name, a field name the format does not
 * have and any bad value are problems.
 */
final class RecordReading {
    private static final String NEEDS_ID = "every agreement needs an id, a non-blank string";
    private static final String NEEDS_NAME = "every party needs a name, a non-blank string";
    private static final int MAX_LIST_SIZE = Fields.MAX_LIST_SIZE;

    private final int index;
    private final RecordValidator register;
    private final Problems problems = new Problems();
    private final ValueReading values = new ValueReading(problems);
    private String id;

    RecordReading(int index, RecordValidator register) {
        this.index = index;
        this.register = register;
    }

    /** The problems found. */
    Problems problems() {
        return problems;
    }

    /** The id, once read; null when it is missing or bad. */
    String id() {
        return id;
    }

    Agreement.Builder agreement(JsonNode node) {
        Agreement.Builder b = Agreement.builder(null);
        boolean hasId = false;
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            String name = f.getKey();
            JsonNode v = f.getValue();
            switch (name) {
                case "id" -> {
                    hasId = true;
                    id(v);
                }
                case "parties" -> b.parties(parties(v));
                case "legalRequirement" -> b.legalRequirement(legalRequirement(v));
                case "icbAssessment" -> b.icbAssessment(icbAssessment(v));
                case "history" -> b.history(history(v));
                default -> {
                    // every field of one value or one list is read by its kind in the catalogue
                    Optional<Fields.TopLevel> field = Fields.topLevel(name);
                    if (field.isPresent()) {
                        Object value = value(v, name, field.get());
                        if (value != null) {
                            field.get().set().accept(b, value);
                        }
                    } else {
                        values.unknown(name, "", "an agreement", RecordValidator.AGREEMENT_FIELDS);
                    }
                }
            }
        }
        if (!hasId) {
            values.problem("id", ErrorCode.MISSING_ID, "missing; " + NEEDS_ID);
        }
        return b;
    }

    /** A top-level field's value, read by its kind; null when absent or bad (then a problem is recorded). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object value(JsonNode v, String path, Fields.TopLevel field) {
        return switch (field.field().kind()) {
            case TEXT -> values.string(v, path);
            case BOOLEAN -> values.bool(v, path);
            case DATE -> values.date(v, path);
            case ENUM -> values.oneOf(v, path, (Class) field.type());
            case ENUM_LIST -> values.listOf(v, path, (Class) field.type(), true);
        };
    }

    private void id(JsonNode v) {
        if (Trees.isDuplicate(v)) {
            values.absent(v, "id");
        } else if (v.isNull()) {
            values.problem("id", ErrorCode.MISSING_ID, "null; " + NEEDS_ID);
        } else if (!v.isTextual()) {
            values.wrongType("id", "a non-blank string", v);
        } else if (v.textValue().isBlank()) {
            values.problem("id", ErrorCode.MISSING_ID, "blank; " + NEEDS_ID);
        } else if (Messages.loneSurrogate(v.textValue()) >= 0) {
            values.validText(v.textValue(), "id"); // the id is not read: it could not be written out as given
        } else {
            id = v.textValue().strip();
            String earlier = register.firstUse(id, index);
            if (earlier != null) {
                values.problem("id", ErrorCode.DUPLICATE_ID, "duplicate id " + Messages.quote(id) + ": already used by the record at "
                        + earlier + "; every agreement needs its own id");
            }
        }
    }

    private List<Party> parties(JsonNode v) {
        return objects(v, "parties", "a list of parties, or null", "a party: an object with at least a name", this::party);
    }

    /**
     * A list of objects ({@code parties}, {@code history}), each read by {@code item}, which gives null for
     * an item in error: absent or null is not known; a list that is not a list, too long, or holding
     * a null or a non-object is a problem.
     */
    private <T> List<T> objects(JsonNode v, String name, String expected, String expectedItem,
            BiFunction<JsonNode, String, T> item) {
        if (values.absent(v, name)) {
            return null;
        }
        Trees.TooBig big = Trees.tooBig(v);
        if (big != null && big.list()) {
            values.tooMany(name, big.size());
            return null;
        }
        if (!v.isArray()) {
            return values.wrongType(name, expected, v);
        }
        if (v.size() > MAX_LIST_SIZE) {
            values.tooMany(name, v.size());
            return null;
        }
        List<T> items = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            String path = name + "[" + i + "]";
            JsonNode o = v.get(i);
            if (o.isNull()) {
                values.nullInList(path);
            } else if (!o.isObject()) {
                values.wrongType(path, expectedItem, o);
            } else {
                T t = item.apply(o, path);
                if (t != null) {
                    items.add(t);
                }
            }
        }
        return items;
    }

    private Party party(JsonNode node, String path) {
        int before = problems.count();
        String name = null;
        boolean hasName = false;
        PartyKind kind = null;
        PartyRole role = null;
        String instructedBy = null;
        Boolean directCare = null;
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            JsonNode v = f.getValue();
            String fieldPath = path + "." + f.getKey();
            switch (f.getKey()) {
                case "name" -> {
                    hasName = true;
                    name = partyName(v, fieldPath);
                }
                case "kind" -> kind = values.oneOf(v, fieldPath, PartyKind.class);
                case "role" -> role = values.oneOf(v, fieldPath, PartyRole.class);
                case "instructedBy" -> instructedBy = values.string(v, fieldPath);
                case "directCareProvider" -> directCare = values.bool(v, fieldPath);
                default -> values.unknown(f.getKey(), path + ".", "a party", RecordValidator.PARTY_FIELDS);
            }
        }
        if (!hasName) {
            values.problem(path + ".name", ErrorCode.MISSING_VALUE, "missing; " + NEEDS_NAME);
        }
        return problems.count() == before ? new Party(name, kind, role, instructedBy, directCare) : null;
    }

    private List<HistoryEntry> history(JsonNode v) {
        return objects(v, "history", "a list of history entries, or null",
                "a history entry: an object with at least a date and a field", this::historyEntry);
    }

    private HistoryEntry historyEntry(JsonNode node, String path) {
        int before = problems.count();
        LocalDate date = null;
        String field = null;
        String oldValue = null;
        String newValue = null;
        String source = null;
        String comment = null;
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            JsonNode v = f.getValue();
            String fieldPath = path + "." + f.getKey();
            switch (f.getKey()) {
                case "date" -> date = values.date(v, fieldPath);
                case "field" -> field = values.string(v, fieldPath);
                case "oldValue" -> oldValue = values.string(v, fieldPath);
                case "newValue" -> newValue = values.string(v, fieldPath);
                case "source" -> source = values.string(v, fieldPath);
                case "comment" -> comment = values.string(v, fieldPath);
                default -> values.unknown(f.getKey(), path + ".", "a history entry", RecordValidator.HISTORY_FIELDS);
            }
        }
        if (problems.count() == before && date == null) {
            values.problem(path + ".date", ErrorCode.MISSING_VALUE, "missing; every history entry needs the date of the change");
        }
        if (problems.count() == before && (field == null || field.isBlank())) {
            values.problem(path + ".field", ErrorCode.MISSING_VALUE, "missing or blank; every history entry needs the field it changed");
        }
        return problems.count() == before ? new HistoryEntry(date, field, oldValue, newValue, source, comment) : null;
    }

    private String partyName(JsonNode v, String path) {
        if (Trees.isDuplicate(v)) {
            values.absent(v, path);
        } else if (v.isNull()) {
            values.problem(path, ErrorCode.MISSING_VALUE, "null; " + NEEDS_NAME);
        } else if (!v.isTextual()) {
            values.wrongType(path, "a non-blank string", v);
        } else if (v.textValue().isBlank()) {
            values.problem(path, ErrorCode.MISSING_VALUE, "blank; " + NEEDS_NAME);
        } else {
            return values.validText(v.textValue(), path);
        }
        return null;
    }

    private LegalRequirement legalRequirement(JsonNode v) {
        String path = "legalRequirement";
        if (values.absent(v, path)) {
            return null;
        }
        if (!v.isObject()) {
            return values.wrongType(path, "an object {kind, reference, expiresOn}, or null", v);
        }
        RequirementKind kind = null;
        String reference = null;
        LocalDate expiresOn = null;
        for (Map.Entry<String, JsonNode> f : v.properties()) {
            String fieldPath = path + "." + f.getKey();
            switch (f.getKey()) {
                case "kind" -> kind = values.oneOf(f.getValue(), fieldPath, RequirementKind.class);
                case "reference" -> reference = values.string(f.getValue(), fieldPath);
                case "expiresOn" -> expiresOn = values.date(f.getValue(), fieldPath);
                default -> values.unknown(f.getKey(), path + ".", path, RecordValidator.LEGAL_REQUIREMENT_FIELDS);
            }
        }
        return new LegalRequirement(kind, reference, expiresOn);
    }

    private IcbAssessment icbAssessment(JsonNode v) {
        String path = "icbAssessment";
        if (values.absent(v, path)) {
            return null;
        }
        if (!v.isObject()) {
            return values.wrongType(path, "an object {status, conclusion, requestedOn, receivedOn}, or null", v);
        }
        IcbStatus status = null;
        IcbConclusion conclusion = null;
        LocalDate requestedOn = null;
        LocalDate receivedOn = null;
        for (Map.Entry<String, JsonNode> f : v.properties()) {
            String fieldPath = path + "." + f.getKey();
            switch (f.getKey()) {
                case "status" -> status = values.oneOf(f.getValue(), fieldPath, IcbStatus.class);
                case "conclusion" -> conclusion = values.oneOf(f.getValue(), fieldPath, IcbConclusion.class);
                case "requestedOn" -> requestedOn = values.date(f.getValue(), fieldPath);
                case "receivedOn" -> receivedOn = values.date(f.getValue(), fieldPath);
                default -> values.unknown(f.getKey(), path + ".", path, RecordValidator.ICB_ASSESSMENT_FIELDS);
            }
        }
        return new IcbAssessment(status, conclusion, requestedOn, receivedOn);
    }
}
