package org.dsarules.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The JSON side shared by the reader and {@link AgreementJson}: the parser limits, reading one value
 * into a tree, and describing values in one-line, plain-English messages.
 */
final class JsonTree {
    /** Longest string value, in characters (record-format.md: "a string over 1 MB"). */
    static final int MAX_STRING_LENGTH = 1_000_000;
    /** Deepest nesting of objects and lists. */
    static final int MAX_NESTING_DEPTH = 100;
    /** Longest number, in characters: no field of the format is a number. */
    static final int MAX_NUMBER_LENGTH = 100;
    /** Longest field name, in characters: the format's longest is 25. */
    static final int MAX_NAME_LENGTH = 1_000;

    /** The factory every parser of this package comes from: limits set deliberately, not Jackson's defaults. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .build())
            .build();

    /**
     * Stands in an object for a field name given more than once, at the place of its first
     * occurrence, so that the record is in error instead of silently keeping one of the values.
     */
    static final Object DUPLICATE = new Object() {
        @Override
        public String toString() {
            return "a field given more than once";
        }
    };

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_QUOTED = 60;

    private JsonTree() {
    }

    /**
     * Reads the value the parser is positioned at (its current token) into a tree and leaves the
     * parser on the value's last token. A field name repeated in an object becomes {@link #DUPLICATE}.
     */
    static JsonNode read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
            return readContainer(p, t);
        }
        return readScalar(p, t);
    }

    /**
     * The most items a list, or fields an object, may hold before the rest is skipped unread: past
     * it the value becomes a {@link TooBig} marker, so that a record with a million parties costs a
     * count, not a million objects, and is an error for that record alone.
     */
    static final int MAX_CONTAINER_SIZE = 1_000;

    /** Marks a list or object that held more than {@link #MAX_CONTAINER_SIZE} items. */
    record TooBig(boolean list, long size) {
    }

    /** The marker of a too-big list or object, or null. */
    static TooBig tooBig(JsonNode v) {
        return v != null && v.isPojo() && ((com.fasterxml.jackson.databind.node.POJONode) v).getPojo() instanceof TooBig b
                ? b : null;
    }

    private static JsonNode readContainer(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            ObjectNode o = NODES.objectNode();
            long fields = 0;
            for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                String name = p.currentName();
                p.nextToken();
                if (++fields > MAX_CONTAINER_SIZE) {
                    p.skipChildren();
                    continue;
                }
                JsonNode v = read(p);
                o.set(name, o.has(name) ? NODES.pojoNode(DUPLICATE) : v);
            }
            return fields > MAX_CONTAINER_SIZE ? NODES.pojoNode(new TooBig(false, fields)) : o;
        }
        ArrayNode a = NODES.arrayNode();
        long items = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (++items > MAX_CONTAINER_SIZE) {
                p.skipChildren();
                continue;
            }
            a.add(read(p));
        }
        return items > MAX_CONTAINER_SIZE ? NODES.pojoNode(new TooBig(true, items)) : a;
    }

    private static JsonNode readScalar(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new JsonParseException(p, "unexpected end of input");
        }
        switch (t) {
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonParseException(p, "unexpected " + t);
        }
    }

    /** Whether the node marks a field name given more than once. */
    static boolean isDuplicate(JsonNode v) {
        return v != null && v.isPojo() && ((com.fasterxml.jackson.databind.node.POJONode) v).getPojo() == DUPLICATE;
    }

    /** What a value is, for "found ..." in a message: {@code the string "true"}, {@code the number 5}, {@code a list}. */
    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "the string " + quote(v.textValue());
        }
        if (v.isBoolean()) {
            return "the boolean " + v.booleanValue();
        }
        if (v.isNumber()) {
            return "the number " + shorten(v.asText());
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "a list";
        }
        TooBig big = tooBig(v);
        if (big != null) {
            return String.format(java.util.Locale.ROOT, big.list() ? "a list of %,d items" : "an object of %,d fields",
                    big.size());
        }
        return isDuplicate(v) ? "a field given more than once" : "an unexpected value";
    }

    /** A string as JSON would write it, on one line, cut short when long. */
    static String quote(String s) {
        return '"' + escape(s) + '"';
    }

    /** A name or value made safe for a one-line message: control characters escaped, cut short when long. */
    static String escape(String s) {
        String cut = shorten(s);
        StringBuilder b = new StringBuilder(cut.length() + 8);
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static String shorten(String s) {
        if (s.length() <= MAX_QUOTED) {
            return s;
        }
        int end = MAX_QUOTED - 3;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "...";
    }
}
