package org.dsarules.register.json;

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
import org.dsarules.register.Messages;
import org.dsarules.register.Trees;
import org.dsarules.internal.JacksonSupport;

/**
 * The JSON side shared by the reader and {@link AgreementCodec}: the parser limits, reading one value
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
            .recyclerPool(JacksonSupport.pool())
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .build())
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTree() {
    }

    /**
     * Reads the value the parser is positioned at (its current token) into a tree and leaves the
     * parser on the value's last token. A field name repeated in an object becomes {@link Trees#DUPLICATE}.
     */
    static JsonNode read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
            return readContainer(p, t);
        }
        return readScalar(p, t);
    }

    private static JsonNode readContainer(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            ObjectNode o = NODES.objectNode();
            long fields = 0;
            for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                String name = p.currentName();
                p.nextToken();
                if (++fields > Trees.MAX_CONTAINER_SIZE) {
                    p.skipChildren();
                    continue;
                }
                JsonNode v = read(p);
                o.set(name, o.has(name) ? Trees.duplicate() : v);
            }
            return fields > Trees.MAX_CONTAINER_SIZE ? Trees.tooBig(false, fields) : o;
        }
        ArrayNode a = NODES.arrayNode();
        long items = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (++items > Trees.MAX_CONTAINER_SIZE) {
                p.skipChildren();
                continue;
            }
            a.add(read(p));
        }
        return items > Trees.MAX_CONTAINER_SIZE ? Trees.tooBig(true, items) : a;
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

    /** What a value is, for "found ..." in a message. */
    static String describe(JsonNode v) {
        return Trees.describe(v);
    }

    /** A string as a message quotes it. */
    static String quote(String s) {
        return Messages.quote(s);
    }

    /** A name or value made safe for a one-line message. */
    static String escape(String s) {
        return Messages.escape(s);
    }
}
