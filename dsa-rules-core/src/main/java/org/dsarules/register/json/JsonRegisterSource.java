package org.dsarules.register.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.model.Practice;
import org.dsarules.register.Messages;
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
    private static final List<String> PRACTICE_FIELDS = List.of("odsCode", "name", "icb");
    private int index;

    private JsonRegisterSource(JsonParser parser, String source) {
        super(source);
        this.parser = parser;
    }

    /**
     * Opens a register: reads up to its first record, so that an input that is not a register at all
     * fails here; the source (and so the reader) is closed when that throws.
     */
    static JsonRegisterSource open(Reader reader, String source) throws IOException {
        return started(new JsonRegisterSource(JsonTree.FACTORY.createParser(reader), source), JsonRegisterSource::start);
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
        Map<String, Object> other = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            if (!PRACTICE_FIELDS.contains(f.getKey())) {
                other.put(f.getKey(), plain(f.getValue(), "practice." + f.getKey()));
            }
        }
        practice = new Practice(practiceField(node, "odsCode"), practiceField(node, "name"), practiceField(node, "icb"),
                other);
    }

    /**
     * A value of the practice block as a plain Java value, to be written back exactly as given (issue
     * 15: never a rewritten stand-in): strings, numbers as read, booleans, null, lists and maps in order.
     * What cannot be carried exactly fails the input with a line naming it.
     */
    private Object plain(JsonNode v, String path) {
        if (Trees.isDuplicate(v)) {
            throw Failures.format(source, "\"" + path + "\" is given more than once");
        }
        if (Trees.tooBig(v) != null) {
            throw Failures.format(source, "\"" + path + "\" holds " + Trees.describe(v) + String.format(Locale.ROOT,
                    ": the practice block is carried as given, and may hold at most %,d items in a list or fields in"
                            + " an object", Trees.MAX_CONTAINER_SIZE));
        }
        if (v.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> f : v.properties()) {
                m.put(f.getKey(), plain(f.getValue(), path + "." + f.getKey()));
            }
            return m;
        }
        if (v.isArray()) {
            List<Object> l = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) {
                l.add(plain(v.get(i), path + "[" + i + "]"));
            }
            return l;
        }
        if (v.isTextual()) {
            return text(v.textValue(), path);
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return null;
    }

    /** Text of the practice block, refused when it is not valid Unicode: it could not be written back as given. */
    private String text(String s, String path) {
        if (Messages.loneSurrogate(s) >= 0) {
            throw Failures.format(source, "\"" + path + "\" is not valid Unicode text: it holds half of a UTF-16 surrogate"
                    + " pair; retype the value");
        }
        return s;
    }

    private String practiceField(JsonNode practiceNode, String name) {
        JsonNode v = practiceNode.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return text(v.textValue(), "practice." + name);
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

    @Override
    public long position() {
        return parser.currentLocation().getCharOffset();
    }
}
