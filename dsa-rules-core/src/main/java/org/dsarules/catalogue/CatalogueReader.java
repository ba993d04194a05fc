package org.dsarules.catalogue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.dsarules.internal.Suggest;
import org.dsarules.model.Agreement;
import org.dsarules.register.json.AgreementCodec;

/**
 * Reads catalogue files: an entry object, or an array of entry objects (a local catalogue), and the
 * shipped index. Every problem is a {@link CatalogueException} naming the file, the entry and the field.
 * Fact values are read exactly as a register's JSON field is (the same names, enum values and checks),
 * by validating a one-field agreement built from the fact.
 */
final class CatalogueReader {
    static final List<String> ENTRY_KEYS = List.of("id", "names", "checked", "note", "facts");
    static final List<String> FACT_KEYS = List.of("field", "value", "sources", "checked");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // On the library's own buffer pool, not Jackson's thread-local one, which would keep this class loader
    // reachable from the reading thread after the library is dropped (docs/api.md, class loaders).
    private static final ObjectMapper JSON = org.dsarules.internal.JacksonSupport.mapper();
    /** The placeholder words of record-format.md v1.2: text that means "not known", never evidence. */
    private static final Set<String> PLACEHOLDERS = Set.of("unknown", "not known", "n/k", "nk", "n/a", "na",
            "not applicable", "tbc", "tbd", "to be confirmed", "to be decided", "none", "pending", "?", "-");

    static {
        JSON.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(1_000_000).maxNestingDepth(100).build());
    }

    private CatalogueReader() {
    }

    /** The JSON tree of {@code in}, which must be UTF-8 JSON. */
    static JsonNode tree(InputStream in, String source) {
        try (InputStream body = in) {
            byte[] bytes = body.readAllBytes();
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                throw new CatalogueException(source + ": the catalogue file is empty");
            }
            return JSON.readTree(text);
        } catch (CharacterCodingException e) {
            throw new CatalogueException(source + ": not UTF-8 text; save the catalogue file as UTF-8", e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new CatalogueException(source + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CatalogueException(source + ": cannot read the catalogue file: " + e.getMessage(), e);
        }
    }

    /** The entries of a catalogue file: one entry object, or an array of them. */
    static List<CatalogueEntry> entries(JsonNode root, String source) {
        List<CatalogueEntry> out = new ArrayList<>();
        if (root.isObject()) {
            out.add(entry(root, source, source));
        } else if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                JsonNode n = root.get(i);
                String where = source + ", entry [" + i + "]";
                if (!n.isObject()) {
                    throw new CatalogueException(where + ": an entry must be a JSON object, not " + type(n));
                }
                out.add(entry(n, source, where));
            }
        } else {
            throw new CatalogueException(source + ": a catalogue file holds one entry object or an array of"
                    + " entries, not " + type(root));
        }
        return out;
    }

    /** The entry file names of the shipped index: {@code {"entries": ["gdppr.json", ...]}}. */
    static List<String> index(JsonNode root, String source) {
        if (!root.isObject() || !root.path("entries").isArray()) {
            throw new CatalogueException(source + ": the index must be an object with an array \"entries\""
                    + " of entry file names");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : root.get("entries")) {
            if (!n.isTextual() || n.asText().isBlank() || n.asText().contains("/") || n.asText().contains("\\")) {
                throw new CatalogueException(source + ": \"entries\" must list file names of the same folder, not "
                        + n);
            }
            out.add(n.asText());
        }
        return out;
    }

    private static CatalogueEntry entry(JsonNode n, String source, String whereAtFirst) {
        String where = whereAtFirst;
        JsonNode idNode = n.get("id");
        if (idNode == null || !idNode.isTextual() || idNode.asText().isBlank()) {
            throw new CatalogueException(where + ", field id: every entry needs an id (text, such as"
                    + " \"westvale-shared-care-record\")");
        }
        String id = idNode.asText();
        where = source + ", entry " + id;
        if (!ID.matcher(id).matches()) {
            throw new CatalogueException(where + ", field id: an id is lower-case letters and digits, words"
                    + " joined by - (such as \"westvale-shared-care-record\")");
        }
        unknownKeys(n, ENTRY_KEYS, where, "");
        List<String> names = names(n.get("names"), where);
        LocalDate checked = date(n.get("checked"), where + ", field checked", true);
        JsonNode note = n.get("note");
        if (note == null || !note.isTextual() || note.asText().isBlank()) {
            throw new CatalogueException(where + ", field note: every entry needs a note (text saying what the"
                    + " programme is and which facts were left unknown and why)");
        }
        JsonNode factsNode = n.get("facts");
        if (factsNode == null || !factsNode.isArray()) {
            throw new CatalogueException(where + ", field facts: every entry needs a list of facts (it may be"
                    + " empty: then the entry gives names only)");
        }
        List<CatalogueFact> facts = new ArrayList<>();
        Set<String> fields = new HashSet<>();
        for (int i = 0; i < factsNode.size(); i++) {
            CatalogueFact f = fact(factsNode.get(i), where + ", facts[" + i + "]", checked);
            if (!fields.add(f.field())) {
                throw new CatalogueException(where + ", facts[" + i + "], field " + f.field()
                        + ": a second fact for the same field (give one fact, with all its sources)");
            }
            facts.add(f);
        }
        for (String dependent : List.of("legalRequirement.reference", "legalRequirement.expiresOn")) {
            if (fields.contains(dependent) && !fields.contains("legalRequirement.kind")) {
                throw new CatalogueException(where + ", field " + dependent + ": needs a fact for"
                        + " legalRequirement.kind too (a reference or an expiry belongs to a kind of duty)");
            }
        }
        return new CatalogueEntry(id, names, checked, note.asText().strip(), facts, source);
    }

    private static List<String> names(JsonNode n, String where) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw new CatalogueException(where + ", field names: every entry needs a list of its names, the"
                    + " first the one to show");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode name = n.get(i);
            if (!name.isTextual() || ProgrammeKey.of(name.asText()) == null) {
                throw new CatalogueException(where + ", field names[" + i + "]: a name is text with at least one"
                        + " letter or digit, not " + name);
            }
            out.add(name.asText().strip());
        }
        return out;
    }

    private static CatalogueFact fact(JsonNode n, String where, LocalDate entryChecked) {
        if (n == null || !n.isObject()) {
            throw new CatalogueException(where + ": a fact must be a JSON object with field, value and sources");
        }
        JsonNode fieldNode = n.get("field");
        if (fieldNode == null || !fieldNode.isTextual()) {
            throw new CatalogueException(where + ", field field: every fact names the register field it fills");
        }
        String field = fieldNode.asText();
        String at = where + ", field " + field;
        if (!CatalogueFact.FIELDS.contains(field)) {
            String hint = Suggest.nearest(field, CatalogueFact.FIELDS).map(s -> " (did you mean " + s + "?)")
                    .orElse("");
            throw new CatalogueException(at + ": not a field a catalogue fact may fill" + hint + "; allowed: "
                    + String.join(", ", CatalogueFact.FIELDS));
        }
        unknownKeys(n, FACT_KEYS, where, "");
        List<String> sources = sources(n.get("sources"), at);
        LocalDate checked = n.has("checked") ? date(n.get("checked"), at + " (checked)", true) : entryChecked;
        Object value = value(field, n.get("value"), at);
        return new CatalogueFact(field, value, sources, checked);
    }

    private static List<String> sources(JsonNode n, String at) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw new CatalogueException(at + ": a fact needs at least one source address (the public page that"
                    + " states it)");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode s = n.get(i);
            String text = s.isTextual() ? s.asText().strip() : "";
            if (!isWebAddress(text)) {
                throw new CatalogueException(at + ", sources[" + i + "]: a source is the http or https address"
                        + " of a public page, not " + s);
            }
            if (!out.contains(text)) {
                out.add(text);
            }
        }
        return out;
    }

    private static boolean isWebAddress(String text) {
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static LocalDate date(JsonNode n, String at, boolean required) {
        if (n == null || n.isNull()) {
            if (required) {
                throw new CatalogueException(at + ": the date the sources were checked is required"
                        + " (YYYY-MM-DD)");
            }
            return null;
        }
        try {
            if (!n.isTextual() || !n.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", n.toString(), 0);
            }
            return LocalDate.parse(n.asText());
        } catch (DateTimeParseException e) {
            throw new CatalogueException(at + ": " + n + " is not a real date YYYY-MM-DD");
        }
    }

    /**
     * The typed value of {@code field}, read as a register's JSON would be: a one-field agreement holding
     * the value is validated by the register's own record validator, and the value taken from it.
     */
    private static Object value(String field, JsonNode v, String at) {
        if (v == null || v.isNull()) {
            throw new CatalogueException(at + ": a fact needs a value (leave the fact out when it is not known)");
        }
        if (v.isArray() && v.isEmpty()) {
            throw new CatalogueException(at + ": an empty list states nothing; leave the fact out when it is"
                    + " not known");
        }
        ObjectNode record = NODES.objectNode();
        record.put("id", "catalogue-fact");
        int dot = field.indexOf('.');
        if (dot < 0) {
            record.set(field, v);
        } else {
            record.putObject(field.substring(0, dot)).set(field.substring(dot + 1), v);
        }
        Agreement a;
        try {
            // Written through the library's own mapper, never JsonNode.toString(): that uses Jackson's internal
            // writer on its thread-local buffer pool, which keeps this class loader reachable from the
            // reading thread after the library is dropped (ClassLoaderUnloadTest).
            a = AgreementCodec.fromJson(JSON.writeValueAsString(record));
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(at + ": " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new CatalogueException(at + ": " + e.getOriginalMessage(), e);
        }
        Object value = switch (field) {
            case "practiceRole" -> a.practiceRole();
            case "parties" -> a.parties();
            case "purposes" -> a.purposes();
            case "legalRequirement.kind" -> a.legalRequirement() == null ? null : a.legalRequirement().kind();
            case "legalRequirement.reference" -> a.legalRequirement() == null ? null : a.legalRequirement().reference();
            case "legalRequirement.expiresOn" -> a.legalRequirement() == null ? null : a.legalRequirement().expiresOn();
            case "article6Bases" -> a.article6Bases();
            case "article9Conditions" -> a.article9Conditions();
            case "commonLawBasis" -> a.commonLawBasis();
            case "commonLawBasisExpires" -> a.commonLawBasisExpires();
            case "identifiability" -> a.identifiability();
            case "nationalDataOptOutApplied" -> a.nationalDataOptOutApplied();
            case "type1OptOutApplied" -> a.type1OptOutApplied();
            case "commercialAccess" -> a.commercialAccess();
            default -> throw new IllegalStateException(field);
        };
        if (value instanceof String text && isPlaceholder(text)) {
            value = null;
        }
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof org.dsarules.model.Party p && p.instructedBy() != null && isPlaceholder(p.instructedBy())) {
                    throw new CatalogueException(at + ": instructedBy \"" + p.instructedBy() + "\" of party "
                            + p.name() + " states nothing (a placeholder word is read as not known); leave it out");
                }
            }
        }
        if (value == null) {
            // A placeholder word ("TBC", "unknown") is read as not known by the register's reading too.
            throw new CatalogueException(at + ": " + v + " states nothing (a placeholder word is read as not"
                    + " known); leave the fact out when it is not known");
        }
        return value;
    }

    private static boolean isPlaceholder(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return PLACEHOLDERS.contains(t);
    }

    private static void unknownKeys(JsonNode n, List<String> allowed, String where, String prefix) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                String hint = Suggest.nearest(key, allowed).map(s -> " (did you mean " + s + "?)").orElse("");
                throw new CatalogueException(where + ", field " + prefix + key + ": not a field of the catalogue"
                        + " format" + hint + "; allowed: " + String.join(", ", allowed));
            }
        }
    }

    private static String type(JsonNode n) {
        return n.isArray() ? "an array" : n.isObject() ? "an object" : n.isTextual() ? "text" : n.isNumber()
                ? "a number" : n.isBoolean() ? "true or false" : "null";
    }
}
