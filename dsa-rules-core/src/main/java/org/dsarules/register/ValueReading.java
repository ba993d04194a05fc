package org.dsarules.register;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dsarules.decision.ErrorCode;
import org.dsarules.internal.Suggest;

/**
 * How one value of a record is read, by its kind, and how a problem with it is worded: for
 * {@link RecordReading}, which walks the record's structure. A value that a spreadsheet form has
 * already read ({@link Trees.Cell}) is taken as it is, or its problem as that form worded it.
 */
final class ValueReading {
    private static final Pattern DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
    private static final int MAX_LIST_SIZE = Fields.MAX_LIST_SIZE;

    private final Problems problems;

    ValueReading(Problems problems) {
        this.problems = problems;
    }

    String string(JsonNode v, String path) {
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
    String validText(String s, String path) {
        try {
            return CellSyntax.text(s);
        } catch (CellSyntax.BadCell e) {
            problem(path, e.code(), e.getMessage());
            return null;
        }
    }

    Boolean bool(JsonNode v, String path) {
        if (absent(v, path)) {
            return null;
        }
        Trees.Cell cell = Trees.cell(v);
        if (cell != null) {
            return (Boolean) cell.value();
        }
        return v.isBoolean() ? v.booleanValue() : wrongType(path, "true, false or null", v);
    }

    LocalDate date(JsonNode v, String path) {
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
        problem(path, ErrorCode.BAD_DATE, Messages.quote(v.textValue()) + " is not a real YYYY-MM-DD date; leave it empty if"
                + " not known");
        return null;
    }

    <E extends Enum<E>> E oneOf(JsonNode v, String path, Class<E> type) {
        return absent(v, path) ? null : enumValue(v, path, type, ", or null");
    }

    <E extends Enum<E>> List<E> listOf(JsonNode v, String path, Class<E> type, boolean limited) {
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

    <E extends Enum<E>> E enumValue(JsonNode v, String path, Class<E> type, String orNull) {
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
                + near.map(n -> " (did you mean " + n + "?)").orElse("") + "; leave it empty if not known");
        return null;
    }

    void unknown(String name, String prefix, String what, List<String> fields) {
        Optional<String> near = Suggest.nearest(name, fields);
        problem(prefix + Messages.escape(name), ErrorCode.UNKNOWN_FIELD, "not a field of " + what
                + near.map(n -> " (did you mean " + n + "?)").orElse("; its fields are " + String.join(", ", fields)));
    }

    /** Absent or null: not known. A field given twice is reported here and also counts as absent. */
    boolean absent(JsonNode v, String path) {
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

    <T> T wrongType(String path, String expected, JsonNode found) {
        problem(path, ErrorCode.WRONG_TYPE, "expected " + expected + "; found " + Trees.describe(found));
        return null;
    }

    void nullInList(String path) {
        problem(path, ErrorCode.NULL_IN_LIST, "null is not allowed inside a list; give a value or leave the item out");
    }

    void tooMany(String path, long size) {
        problem(path, ErrorCode.TOO_MANY_ITEMS, String.format(Locale.ROOT, "more than %,d %s (%,d); one agreement may have at most %,d",
                MAX_LIST_SIZE, path, size, MAX_LIST_SIZE));
    }

    void problem(String path, ErrorCode code, String message) {
        problems.add(path, code, message);
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
