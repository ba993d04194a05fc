package org.dsarules.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.util.NoSuchElementException;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.model.Practice;

/**
 * A {@link RegisterSource} over a JSON register, streaming: the parser stops at each element of
 * {@code agreements} (or of a bare array), reads that one element into a tree and validates it. At the
 * top level only {@code practice} and {@code agreements} are read; other keys are skipped unread.
 */
final class JsonRegisterSource implements RegisterSource {
    private static final String NOT_A_REGISTER =
            "a register is an object with \"agreements\" or an array of agreements; found ";

    private final JsonParser parser;
    private final String source;
    private final AgreementParser records = new AgreementParser();
    private boolean bareArray;
    private boolean agreementsSeen;
    private boolean practiceSeen;
    private Practice practice;
    /** Turns the practice block's other keys into plain Java values, to be written back as given. */
    private static final com.fasterxml.jackson.databind.ObjectMapper PLAIN =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private RegisterEntry pending;
    private int index;
    private boolean done;
    private boolean closed;
    private RegisterFormatException failure;

    private JsonRegisterSource(JsonParser parser, String source) {
        this.parser = parser;
        this.source = source;
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
    public boolean hasNext() {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IllegalStateException("the register source is closed");
        }
        if (pending != null) {
            return true;
        }
        if (done) {
            return false;
        }
        try {
            if (parser.nextToken() == JsonToken.END_ARRAY) {
                finish();
                return false;
            }
            JsonNode node = JsonTree.read(parser);
            pending = records.parse(node, index++);
            return true;
        } catch (IOException e) {
            failure = Failures.of(source, e, parser.currentLocation());
        } catch (RegisterFormatException e) {
            failure = e;
        }
        throw failure;
    }

    @Override
    public RegisterEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records in " + source);
        }
        RegisterEntry e = pending;
        pending = null;
        return e;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeQuietly(parser);
        }
    }

    /** After the last record: the rest of the register's object, then nothing but the end of the input. */
    private void finish() throws IOException {
        if (!bareArray) {
            fieldsUntilAgreements();
        }
        if (parser.nextToken() != null) {
            throw Failures.format(source, "more JSON after the end of the register" + Failures.at(parser.currentLocation()));
        }
        done = true;
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
                if (JsonTree.isDuplicate(f.getValue())) {
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
        if (JsonTree.isDuplicate(v)) {
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
