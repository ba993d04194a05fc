package org.dsarules.register.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.model.Practice;
import org.dsarules.register.RecordValidator;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.StreamingSource;
import org.dsarules.register.Trees;

/**
 * A {@link RegisterSource} over a JSON register, streaming: the parser stops at each element of
 * {@code agreements} (or of a bare array), reads that one element into a tree and validates it. At the
 * top level only {@code practice} and {@code agreements} are read; other keys are skipped unread.
 */
final class JsonRegisterSource extends StreamingSource {
    private static final String NOT_A_REGISTER =
            "a register is an object with \"agreements\" or an array of agreements; found ";

    private final JsonParser parser;
    private final RecordValidator records = new RecordValidator();
    private boolean bareArray;
    private boolean agreementsSeen;
    private boolean practiceSeen;
    private Practice practice;
    /** Turns the practice block's other keys into plain Java values, to be written back as given. */
    private static final com.fasterxml.jackson.databind.ObjectMapper PLAIN =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private int index;

    private JsonRegisterSource(JsonParser parser, String source) {
        super(source);
        this.parser = parser;
    }

    /**
     * Opens a register: reads up to its first record, so that an input that is not a register at all
     * fails here. The reader is closed when this throws, else when the source is closed.
     */
    static JsonRegisterSource open(Reader reader, String source) {
        JsonParser parser;
        try {
            parser = JsonTree.FACTORY.createParser(reader);
        } catch (IOException e) {
            closeQuietly(reader);
            throw Failures.of(source, e);
        }
        JsonRegisterSource s = new JsonRegisterSource(parser, source);
        try {
            s.start();
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void start() {
        try {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.START_ARRAY) {
                bareArray = true;
            } else if (t == JsonToken.START_OBJECT) {
                if (!fieldsUntilAgreements()) {
                    throw Failures.format(source, NOT_A_REGISTER + "an object without \"agreements\"");
                }
            } else {
                throw Failures.format(source, NOT_A_REGISTER + (t == null ? "nothing (the input is empty)" : found(t)));
            }
        } catch (IOException e) {
            throw Failures.of(source, e, parser.currentLocation());
        }
    }

    @Override
    public Practice practice() {
        return practice;
    }

    @Override
    protected RegisterEntry read() throws IOException {
        if (parser.nextToken() == JsonToken.END_ARRAY) {
            finish();
            return null;
        }
        JsonNode node = JsonTree.read(parser);
        return records.validate(node, index++);
    }

    @Override
    protected RegisterFormatException failure(IOException e) {
        return Failures.of(source, e, parser.currentLocation());
    }

    @Override
    protected void closeInput() throws IOException {
        parser.close();
    }

    /** After the last record: the rest of the register's object, then nothing but the end of the input. */
    private void finish() throws IOException {
        if (!bareArray) {
            fieldsUntilAgreements();
        }
        if (parser.nextToken() != null) {
            throw Failures.format(source, "more JSON after the end of the register" + Failures.at(parser.currentLocation()));
        }
    }

    /**
     * Reads the register object's keys up to the start of {@code agreements} (true) or the end of the
     * object (false), reading {@code practice} and skipping every other key.
     */
    private boolean fieldsUntilAgreements() throws IOException {
        for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("agreements")) {
                if (agreementsSeen) {
                    throw Failures.format(source, "\"agreements\" is given more than once");
                }
                agreementsSeen = true;
                if (value != JsonToken.START_ARRAY) {
                    throw Failures.format(source, "\"agreements\" must be a list of agreements; found " + found(value));
                }
                return true;
            } else if (name.equals("practice")) {
                practice(value);
            } else {
                parser.skipChildren();
            }
        }
        return false;
    }

    private void practice(JsonToken value) throws IOException {
        if (practiceSeen) {
            throw Failures.format(source, "\"practice\" is given more than once");
        }
        practiceSeen = true;
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_OBJECT) {
            throw Failures.format(source, "\"practice\" must be an object {odsCode, name, icb}; found " + found(value));
        }
        JsonNode node = JsonTree.read(parser);
        java.util.Map<String, Object> other = new java.util.LinkedHashMap<>();
        node.fields().forEachRemaining(f -> {
            if (!java.util.Set.of("odsCode", "name", "icb").contains(f.getKey())) {
                if (Trees.isDuplicate(f.getValue())) {
                    throw Failures.format(source, "\"practice." + f.getKey() + "\" is given more than once");
                }
                other.put(f.getKey(), PLAIN.convertValue(f.getValue(), Object.class));
            }
        });
        practice = new Practice(practiceField(node, "odsCode"), practiceField(node, "name"), practiceField(node, "icb"),
                other);
    }

    private String practiceField(JsonNode practiceNode, String name) {
        JsonNode v = practiceNode.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (Trees.isDuplicate(v)) {
            throw Failures.format(source, "\"practice." + name + "\" is given more than once");
        }
        throw Failures.format(source, "\"practice." + name + "\" must be a string or null; found " + JsonTree.describe(v));
    }

    /** What the value at the current token is, without reading an object or list into memory. */
    private String found(JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            return "an object";
        }
        if (t == JsonToken.START_ARRAY) {
            return "a list";
        }
        return JsonTree.describe(JsonTree.read(parser));
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // nothing more to do: the input was only read
        }
    }

    @Override
    public long position() {
        return parser.currentLocation().getCharOffset();
    }
}
