package org.dsarules.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.POJONode;
import java.util.Locale;

/**
 * The value tree a record is validated from, whatever form of register it came from: a Jackson tree
 * shaped like a JSON agreement of {@code record-format.md}, used as a plain tree of values. A form
 * puts three kinds of marker leaf in it where plain values do not say enough: a field given twice
 * ({@link #DUPLICATE}), a list or object too big to read ({@link TooBig}), and a spreadsheet cell that
 * the form has already read with its own syntax ({@link Cell}: its value, or the problem in the
 * form's own words), so that a record's errors are made where they arise, in that form's terms.
 */
public final class Trees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Stands in an object for a field name given more than once, at the place of its first
     * occurrence, so that the record is in error instead of silently keeping one of the values.
     */
    public static final Object DUPLICATE = new Object() {
        @Override
        public String toString() {
            return "a field given more than once";
        }
    };

    /**
     * The most items a list, or fields an object, may hold before the rest is skipped unread: past
     * it the value becomes a {@link TooBig} marker, so that a record with a million parties costs a
     * count, not a million objects, and is an error for that record alone.
     */
    public static final int MAX_CONTAINER_SIZE = 1_000;

    /** Marks a list or object that held more than {@link #MAX_CONTAINER_SIZE} items. */
    public record TooBig(boolean list, long size) {
    }

    /**
     * A cell already read by its form's syntax.
     *
     * @param value the value it holds (a {@code Boolean}, a {@code LocalDate}), or null when it is bad
     * @param bad   why it cannot be read, in the form's words, or null
     */
    public record Cell(Object value, CellSyntax.BadCell bad) {
    }

    private Trees() {
    }

    /** A leaf for a field given more than once. */
    public static JsonNode duplicate() {
        return NODES.pojoNode(DUPLICATE);
    }

    /** A leaf for a too-big list or object. */
    public static JsonNode tooBig(boolean list, long size) {
        return NODES.pojoNode(new TooBig(list, size));
    }

    /** A leaf for a cell read as {@code value}. */
    public static JsonNode cell(Object value) {
        return NODES.pojoNode(new Cell(value, null));
    }

    /** A leaf for a cell that cannot be read. */
    public static JsonNode bad(CellSyntax.BadCell problem) {
        return NODES.pojoNode(new Cell(null, problem));
    }

    /** The marker of a too-big list or object, or null. */
    public static TooBig tooBig(JsonNode v) {
        return v instanceof POJONode p && p.getPojo() instanceof TooBig b ? b : null;
    }

    /** The cell marker, or null. */
    public static Cell cell(JsonNode v) {
        return v instanceof POJONode p && p.getPojo() instanceof Cell c ? c : null;
    }

    /** Whether the node marks a field name given more than once. */
    public static boolean isDuplicate(JsonNode v) {
        return v instanceof POJONode p && p.getPojo() == DUPLICATE;
    }

    /** What a value is, for "found ..." in a message: {@code the string "true"}, {@code the number 5}, {@code a list}. */
    public static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "the string " + Messages.quote(v.textValue());
        }
        if (v.isBoolean()) {
            return "the boolean " + v.booleanValue();
        }
        if (v.isNumber()) {
            String n = v.asText();
            return "the number " + (n.length() <= 60 ? n : n.substring(0, 57) + "...");
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "a list";
        }
        TooBig big = tooBig(v);
        if (big != null) {
            return String.format(Locale.ROOT, big.list() ? "a list of %,d items" : "an object of %,d fields", big.size());
        }
        Cell c = cell(v);
        if (c != null) {
            return c.value() == null ? "a cell that cannot be read" : "the value " + c.value();
        }
        return isDuplicate(v) ? "a field given more than once" : "an unexpected value";
    }
}
