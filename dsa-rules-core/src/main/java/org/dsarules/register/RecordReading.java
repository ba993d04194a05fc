package org.dsarules.register;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dsarules.decision.ErrorCode;
import org.dsarules.decision.RecordError;
import org.dsarules.engine.Suggest;
import org.dsarules.model.Agreement;
import org.dsarules.model.Article6Basis;
import org.dsarules.model.Article9Condition;
import org.dsarules.model.CommonLawBasis;
import org.dsarules.model.HistoryEntry;
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
import org.dsarules.model.RequirementKind;
import org.dsarules.model.Status;

/**
 * The checks of one record, walking its value tree ({@link Trees}) in document order: every field is
 * read into the agreement's builder or becomes a problem in {@link Problems}, so that the error names
 * the first bad field and lists the others. Absent and null fields are not known; a wrong type, an
 * enum value not in the format, a date that is not a real {@code YYYY-MM-DD} date, a party without a
 * name, null inside a list, a field name the format does not have, a missing, blank or repeated
 * {@code id}, a field given twice and text that is not valid Unicode are problems. A leaf that a
 * spreadsheet form has already read ({@link Trees.Cell}) is taken as it is, or its problem as the form
 * worded it.
 */
final class RecordReading {
    private static final Pattern DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
    private static final String NEEDS_ID = "every agreement needs an id, a non-blank string";
    private static final String NEEDS_NAME = "every party needs a name, a non-blank string";
    private static final int MAX_LIST_SIZE = Fields.MAX_LIST_SIZE;

    private final int index;
    private final RecordValidator register;
    private final Problems problems = new Problems();
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
                case "title" -> b.title(string(v, name));
                case "programme" -> b.programme(string(v, name));
                case "status" -> b.status(oneOf(v, name, Status.class));
                case "requestedBy" -> b.requestedBy(string(v, name));
                case "signedOn" -> b.signedOn(date(v, name));
                case "reviewDue" -> b.reviewDue(date(v, name));
                case "practiceRole" -> b.practiceRole(oneOf(v, name, PracticeRole.class));
                case "parties" -> b.parties(parties(v));
                case "purposes" -> b.purposes(listOf(v, name, Purpose.class, true));
                case "legalRequirement" -> b.legalRequirement(legalRequirement(v));
                case "article6Bases" -> b.article6Bases(listOf(v, name, Article6Basis.class, false));
                case "article9Conditions" -> b.article9Conditions(listOf(v, name, Article9Condition.class, false));
                case "commonLawBasis" -> b.commonLawBasis(oneOf(v, name, CommonLawBasis.class));
                case "commonLawBasisExpires" -> b.commonLawBasisExpires(date(v, name));
                case "identifiability" -> b.identifiability(oneOf(v, name, Identifiability.class));
                case "nationalDataOptOutApplied" -> b.nationalDataOptOutApplied(bool(v, name));
                case "type1OptOutApplied" -> b.type1OptOutApplied(bool(v, name));
                case "commercialAccess" -> b.commercialAccess(bool(v, name));
                case "dpiaProvided" -> b.dpiaProvided(bool(v, name));
                case "icbAssessment" -> b.icbAssessment(icbAssessment(v));
                case "lmcAdvice" -> b.lmcAdvice(oneOf(v, name, LmcAdvice.class));
                case "notes" -> b.notes(string(v, name));
                case "history" -> b.history(history(v));
                default -> unknown(name, "", "an agreement", RecordValidator.AGREEMENT_FIELDS);
            }
        }
        if (!hasId) {
            problem("id", ErrorCode.MISSING_ID, "missing; " + NEEDS_ID);
        }
        return b;
    }

    private void id(JsonNode v) {
        if (Trees.isDuplicate(v)) {
            absent(v, "id");
        } else if (v.isNull()) {
            problem("id", ErrorCode.MISSING_ID, "null; " + NEEDS_ID);
        } else if (!v.isTextual()) {
            wrongType("id", "a non-blank string", v);
        } else if (v.textValue().isBlank()) {
            problem("id", ErrorCode.MISSING_ID, "blank; " + NEEDS_ID);
        } else if (Messages.loneSurrogate(v.textValue()) >= 0) {
            validText(v.textValue(), "id"); // the id is not read: it could not be written out as given
        } else {
            id = v.textValue().strip();
            String earlier = register.firstUse(id, index);
            if (earlier != null) {
                problem("id", ErrorCode.DUPLICATE_ID, "duplicate id " + Messages.quote(id) + ": already used by the record at "
                        + earlier + "; every agreement needs its own id");
            }
        }
    }

    private List<Party> parties(JsonNode v) {
        if (absent(v, "parties")) {
            return null;
        }
        Trees.TooBig big = Trees.tooBig(v);
        if (big != null && big.list()) {
            tooMany("parties", big.size());
            return null;
        }
        if (!v.isArray()) {
            return wrongType("parties", "a list of parties, or null", v);
        }
        if (v.size() > MAX_LIST_SIZE) {
            tooMany("parties", v.size());
            return null;
        }
        List<Party> parties = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            String path = "parties[" + i + "]";
            JsonNode p = v.get(i);
            if (p.isNull()) {
                nullInList(path);
            } else if (!p.isObject()) {
                wrongType(path, "a party: an object with at least a name", p);
            } else {
                Party party = party(p, path);
                if (party != null) {
                    parties.add(party);
                }
            }
        }
        return parties;
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
                case "kind" -> kind = oneOf(v, fieldPath, PartyKind.class);
                case "role" -> role = oneOf(v, fieldPath, PartyRole.class);
                case "instructedBy" -> instructedBy = string(v, fieldPath);
                case "directCareProvider" -> directCare = bool(v, fieldPath);
                default -> unknown(f.getKey(), path + ".", "a party", RecordValidator.PARTY_FIELDS);
            }
        }
        if (!hasName) {
            problem(path + ".name", ErrorCode.MISSING_VALUE, "missing; " + NEEDS_NAME);
        }
        return problems.count() == before ? new Party(name, kind, role, instructedBy, directCare) : null;
    }

    private List<HistoryEntry> history(JsonNode v) {
        if (absent(v, "history")) {
            return null;
        }
        Trees.TooBig big = Trees.tooBig(v);
        if (big != null && big.list()) {
            tooMany("history", big.size());
            return null;
        }
        if (!v.isArray()) {
            return wrongType("history", "a list of history entries, or null", v);
        }
        if (v.size() > MAX_LIST_SIZE) {
            tooMany("history", v.size());
            return null;
        }
        List<HistoryEntry> entries = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            String path = "history[" + i + "]";
            JsonNode h = v.get(i);
            if (h.isNull()) {
                nullInList(path);
            } else if (!h.isObject()) {
                wrongType(path, "a history entry: an object with at least a date and a field", h);
            } else {
                HistoryEntry entry = historyEntry(h, path);
                if (entry != null) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    private HistoryEntry historyEntry(JsonNode node, String path) {
        int before = problems.count();
        LocalDate date = null;
        String field = null;
        String oldValue = null;
        String newValue = null;
        String source = null;
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            JsonNode v = f.getValue();
            String fieldPath = path + "." + f.getKey();
            switch (f.getKey()) {
                case "date" -> date = date(v, fieldPath);
                case "field" -> field = string(v, fieldPath);
                case "oldValue" -> oldValue = string(v, fieldPath);
                case "newValue" -> newValue = string(v, fieldPath);
                case "source" -> source = string(v, fieldPath);
                default -> unknown(f.getKey(), path + ".", "a history entry", RecordValidator.HISTORY_FIELDS);
            }
        }
        if (problems.count() == before && date == null) {
            problem(path + ".date", ErrorCode.MISSING_VALUE, "missing; every history entry needs the date of the change");
        }
        if (problems.count() == before && (field == null || field.isBlank())) {
            problem(path + ".field", ErrorCode.MISSING_VALUE, "missing or blank; every history entry needs the field it changed");
        }
        return problems.count() == before ? new HistoryEntry(date, field, oldValue, newValue, source) : null;
    }

    private String partyName(JsonNode v, String path) {
        if (Trees.isDuplicate(v)) {
            absent(v, path);
        } else if (v.isNull()) {
            problem(path, ErrorCode.MISSING_VALUE, "null; " + NEEDS_NAME);
        } else if (!v.isTextual()) {
            wrongType(path, "a non-blank string", v);
        } else if (v.textValue().isBlank()) {
            problem(path, ErrorCode.MISSING_VALUE, "blank; " + NEEDS_NAME);
        } else {
            return validText(v.textValue(), path);
        }
        return null;
    }

    private LegalRequirement legalRequirement(JsonNode v) {
        String path = "legalRequirement";
        if (absent(v, path)) {
            return null;
        }
        if (!v.isObject()) {
            return wrongType(path, "an object {kind, reference, expiresOn}, or null", v);
        }
        RequirementKind kind = null;
        String reference = null;
        LocalDate expiresOn = null;
        for (Map.Entry<String, JsonNode> f : v.properties()) {
            String fieldPath = path + "." + f.getKey();
            switch (f.getKey()) {
                case "kind" -> kind = oneOf(f.getValue(), fieldPath, RequirementKind.class);
                case "reference" -> reference = string(f.getValue(), fieldPath);
                case "expiresOn" -> expiresOn = date(f.getValue(), fieldPath);
                default -> unknown(f.getKey(), path + ".", path, RecordValidator.LEGAL_REQUIREMENT_FIELDS);
            }
        }
        return new LegalRequirement(kind, reference, expiresOn);
    }

    private IcbAssessment icbAssessment(JsonNode v) {
        String path = "icbAssessment";
        if (absent(v, path)) {
            return null;
        }
        if (!v.isObject()) {
            return wrongType(path, "an object {status, conclusion, requestedOn, receivedOn}, or null", v);
        }
        IcbStatus status = null;
        IcbConclusion conclusion = null;
        LocalDate requestedOn = null;
        LocalDate receivedOn = null;
        for (Map.Entry<String, JsonNode> f : v.properties()) {
            String fieldPath = path + "." + f.getKey();
            switch (f.getKey()) {
                case "status" -> status = oneOf(f.getValue(), fieldPath, IcbStatus.class);
                case "conclusion" -> conclusion = oneOf(f.getValue(), fieldPath, IcbConclusion.class);
                case "requestedOn" -> requestedOn = date(f.getValue(), fieldPath);
                case "receivedOn" -> receivedOn = date(f.getValue(), fieldPath);
                default -> unknown(f.getKey(), path + ".", path, RecordValidator.ICB_ASSESSMENT_FIELDS);
            }
        }
        return new IcbAssessment(status, conclusion, requestedOn, receivedOn);
    }

    private String string(JsonNode v, String path) {
        if (absent(v, path)) {
            return null;
        }
        Trees.Cell cell = Trees.cell(v);
        if (cell != null) {
            return (String) cell.value();
        }
        return v.isTextual() ? validText(v.textValue(), path) : wrongType(path, "a string or null", v);
    }

    /** Text that is valid Unicode, or a problem: a lone UTF-16 surrogate cannot be written out faithfully. */
    private String validText(String s, String path) {
        try {
            return CellSyntax.text(s);
        } catch (CellSyntax.BadCell e) {
            problem(path, e.code(), e.getMessage());
            return null;
        }
    }

    private Boolean bool(JsonNode v, String path) {
        if (absent(v, path)) {
            return null;
        }
        Trees.Cell cell = Trees.cell(v);
        if (cell != null) {
            return (Boolean) cell.value();
        }
        return v.isBoolean() ? v.booleanValue() : wrongType(path, "true, false or null", v);
    }

    private LocalDate date(JsonNode v, String path) {
        if (absent(v, path)) {
            return null;
        }
        Trees.Cell cell = Trees.cell(v);
        if (cell != null) {
            return (LocalDate) cell.value();
        }
        if (!v.isTextual()) {
            return wrongType(path, "a YYYY-MM-DD date as a string, or null", v);
        }
        Matcher m = DATE.matcher(v.textValue());
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                // not a real date: reported below
            }
        }
        problem(path, ErrorCode.BAD_DATE, Messages.quote(v.textValue()) + " is not a real YYYY-MM-DD date");
        return null;
    }

    private <E extends Enum<E>> E oneOf(JsonNode v, String path, Class<E> type) {
        return absent(v, path) ? null : enumValue(v, path, type, ", or null");
    }

    private <E extends Enum<E>> List<E> listOf(JsonNode v, String path, Class<E> type, boolean limited) {
        if (absent(v, path)) {
            return null;
        }
        Trees.TooBig big = Trees.tooBig(v);
        if (big != null && big.list()) {
            tooMany(path, big.size());
            return null;
        }
        if (!v.isArray()) {
            return wrongType(path, "a list of values from " + names(type) + ", or null", v);
        }
        if (limited && v.size() > MAX_LIST_SIZE) {
            tooMany(path, v.size());
            return null;
        }
        List<E> values = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            String itemPath = path + "[" + i + "]";
            JsonNode item = v.get(i);
            if (item.isNull()) {
                nullInList(itemPath);
            } else {
                E e = enumValue(item, itemPath, type, "");
                if (e != null) {
                    values.add(e);
                }
            }
        }
        return values;
    }

    private <E extends Enum<E>> E enumValue(JsonNode v, String path, Class<E> type, String orNull) {
        if (!v.isTextual()) {
            return wrongType(path, "one of " + names(type) + orNull, v);
        }
        String s = v.textValue();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s)) {
                return e;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        Optional<String> near = Suggest.nearest(s, names).filter(n -> n.length() > 1);
        problem(path, ErrorCode.BAD_ENUM, Messages.quote(s) + " is not one of " + String.join(", ", names)
                + near.map(n -> " (did you mean " + n + "?)").orElse(""));
        return null;
    }

    private void unknown(String name, String prefix, String what, List<String> fields) {
        Optional<String> near = Suggest.nearest(name, fields);
        problem(prefix + Messages.escape(name), ErrorCode.UNKNOWN_FIELD, "not a field of " + what
                + near.map(n -> " (did you mean " + n + "?)").orElse("; its fields are " + String.join(", ", fields)));
    }

    /** Absent or null: not known. A field given twice is reported here and also counts as absent. */
    private boolean absent(JsonNode v, String path) {
        if (Trees.isDuplicate(v)) {
            problem(path, ErrorCode.DUPLICATE_FIELD, "given more than once in the same object; give each field once");
            return true;
        }
        Trees.Cell cell = Trees.cell(v);
        if (cell != null && cell.bad() != null) {
            problem(path, cell.bad().code(), cell.bad().getMessage());
            return true;
        }
        return v == null || v.isNull();
    }

    private <T> T wrongType(String path, String expected, JsonNode found) {
        problem(path, ErrorCode.WRONG_TYPE, "expected " + expected + "; found " + Trees.describe(found));
        return null;
    }

    private void nullInList(String path) {
        problem(path, ErrorCode.NULL_IN_LIST, "null is not allowed inside a list; give a value or leave the item out");
    }

    private void tooMany(String path, long size) {
        problem(path, ErrorCode.TOO_MANY_ITEMS, String.format(Locale.ROOT, "more than %,d %s (%,d); one agreement may have at most %,d",
                MAX_LIST_SIZE, path, size, MAX_LIST_SIZE));
    }

    private void problem(String path, ErrorCode code, String message) {
        problems.add(path, code, message);
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
