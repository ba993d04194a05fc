package org.dsarules.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsarules.csv.CsvColumns.Column;
import org.dsarules.csv.CsvColumns.Kind;
import org.dsarules.decision.RecordError;
import org.dsarules.json.RecordValidator;
import org.dsarules.json.RegisterEntry;

/**
 * Turns the data rows of one CSV register into entries: each row becomes a JSON tree shaped exactly
 * like a JSON agreement, validated by {@link RecordValidator} as a record of a JSON register is; an
 * error then names the column ({@code field}) and the spreadsheet row (in its message).
 */
final class CsvRecords {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands, during validation only, for a party index left empty before a later party, so paths keep the column's index. */
    private static final String PLACEHOLDER_NAME = "(no party)";
    private static final Pattern LIST_ITEM = Pattern.compile("([A-Za-z0-9]+)\\[[0-9]+\\]");
    private static final Pattern DUPLICATE_ID =
            Pattern.compile("^id: duplicate id \"(?:[^\"\\\\]|\\\\.)*\": already used by the record at index ([0-9]+)");

    private final Column[] columns;
    private final RecordValidator validator = new RecordValidator();
    /** Where the row number stops being a fixed offset from the index: pairs of index and row. */
    private final List<int[]> rowSteps = new ArrayList<>();

    /** @param columns the header's columns by position; null for a column without a name */
    CsvRecords(Column[] columns) {
        this.columns = columns.clone();
    }

    /**
     * The entry of one data row.
     *
     * @param cells the row's cells, at most one a column
     * @param index the record's 0-based position among the data rows
     * @param row   its 1-based spreadsheet row number
     */
    RegisterEntry read(List<String> cells, int index, int row) {
        rememberRow(index, row);
        List<Rewrite> rewrites = new ArrayList<>(0);
        ObjectNode record = NODES.objectNode();
        TreeMap<Integer, ObjectNode> parties = new TreeMap<>();
        TreeMap<Integer, ObjectNode> history = new TreeMap<>();
        for (int i = 0; i < cells.size() && i < columns.length; i++) {
            Column c = columns[i];
            String cell = cells.get(i);
            if (c == null || cell.isBlank()) {
                continue;
            }
            JsonNode value = value(c, cell, rewrites);
            if (c.group() == null) {
                record.set(c.field(), value);
            } else if (c.group().equals(CsvColumns.PARTIES)) {
                if (!record.has(CsvColumns.PARTIES)) {
                    record.putArray(CsvColumns.PARTIES); // keeps the place of parties among the fields
                }
                parties.computeIfAbsent(c.party(), k -> NODES.objectNode()).set(c.field(), value);
            } else if (c.group().equals(CsvColumns.HISTORY)) {
                if (!record.has(CsvColumns.HISTORY)) {
                    record.putArray(CsvColumns.HISTORY);
                }
                // an index whose cells are all empty is no entry, as for parties
                history.computeIfAbsent(c.party(), k -> NODES.objectNode()).set(c.field(), value);
            } else {
                JsonNode group = record.get(c.group());
                ObjectNode object = group instanceof ObjectNode o ? o : record.putObject(c.group());
                object.set(c.field(), value);
            }
        }
        boolean gaps = !parties.isEmpty() && parties.size() != parties.lastKey() + 1;
        if (!parties.isEmpty()) {
            ArrayNode list = record.putArray(CsvColumns.PARTIES);
            for (int i = 0; i <= parties.lastKey(); i++) {
                ObjectNode p = parties.get(i);
                list.add(p != null ? p : NODES.objectNode().put("name", PLACEHOLDER_NAME));
            }
        }
        if (!history.isEmpty()) {
            record.putArray(CsvColumns.HISTORY).addAll(history.values());
        }
        RegisterEntry entry = validator.validate(record, index);
        if (entry instanceof RegisterEntry.Invalid invalid) {
            return new RegisterEntry.Invalid(inCsvTerms(invalid.error(), row, rewrites));
        }
        if (gaps) {
            // valid with the placeholders, so valid without them: only the agreement is wanted now
            record.putArray(CsvColumns.PARTIES).addAll(parties.values());
            entry = new RecordValidator().validate(record, index);
        }
        return entry;
    }

    private JsonNode value(Column c, String cell, List<Rewrite> rewrites) {
        return switch (c.kind()) {
            case TEXT -> NODES.textNode(cell);
            case VALUE -> NODES.textNode(cell.strip());
            case BOOLEAN -> bool(c.name(), cell.strip(), rewrites);
            case LIST -> list(c.name(), cell.strip(), rewrites);
        };
    }

    /** {@code true} or {@code false} in any case; any other word is handed on as text, an error, reworded for CSV. */
    private static JsonNode bool(String column, String value, List<Rewrite> rewrites) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return NODES.booleanNode(v.equals("true"));
        }
        rewrites.add(new Rewrite(column, column + ": expected ", "; found the string " + RecordValidator.quote(value),
                column + ": " + RecordValidator.quote(value)
                        + " is not true or false: write true or false (in any case), or leave the cell empty when not known"));
        return NODES.textNode(value);
    }

    /** Values separated by {@code ;} (white space around each removed, empty ones skipped), or {@code []}. */
    private static JsonNode list(String column, String value, List<Rewrite> rewrites) {
        ArrayNode list = NODES.arrayNode();
        if (value.equals("[]")) {
            return list;
        }
        for (String item : value.split(";", -1)) {
            String v = item.strip();
            if (!v.isEmpty()) {
                list.add(v);
            }
        }
        if (!list.isEmpty()) {
            return list;
        }
        rewrites.add(new Rewrite(column, column + ": expected ", "; found the string " + RecordValidator.quote(value),
                column + ": " + RecordValidator.quote(value) + " has no value between its ';' separators: write values"
                        + " separated by ';', [] for the empty list, or leave the cell empty when not known"));
        return NODES.textNode(value);
    }

    /** The error with the column as its field, CSV wording, and the row number in its message. */
    private RecordError inCsvTerms(RecordError e, int row, List<Rewrite> rewrites) {
        String field = e.field();
        String message = e.message();
        for (Rewrite r : rewrites) {
            if (r.column().equals(field)) {
                message = r.apply(message);
            }
        }
        Matcher d = DUPLICATE_ID.matcher(message);
        if (d.find()) {
            int firstIndex = Integer.parseInt(d.group(1));
            message = message.substring(0, d.end()) + " (row " + rowOf(firstIndex) + ")" + message.substring(d.end());
        }
        if (field != null) {
            Matcher item = LIST_ITEM.matcher(field);
            if (item.matches() && isListColumn(item.group(1))) {
                field = item.group(1);
            }
        }
        return new RecordError(e.index(), e.dsaId(), field, e.code(), "row " + row + ": " + message);
    }

    private static boolean isListColumn(String name) {
        return CsvColumns.KINDS.get(name) == Kind.LIST;
    }

    private void rememberRow(int index, int row) {
        if (rowSteps.isEmpty() || row - index != offset(rowSteps.get(rowSteps.size() - 1))) {
            rowSteps.add(new int[] {index, row});
        }
    }

    /** The spreadsheet row of an earlier record. */
    int rowOf(int index) {
        int[] step = null;
        int lo = 0;
        int hi = rowSteps.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (rowSteps.get(mid)[0] <= index) {
                step = rowSteps.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return step == null ? -1 : index + offset(step);
    }

    private static int offset(int[] step) {
        return step[1] - step[0];
    }

    /**
     * A CSV wording of the validator's message about one column: when the message starts with
     * {@code start} and goes on to {@code end}, that part becomes {@code replacement}.
     */
    private record Rewrite(String column, String start, String end, String replacement) {
        String apply(String message) {
            if (!message.startsWith(start)) {
                return message;
            }
            int at = message.indexOf(end, start.length());
            return at < 0 ? message : replacement + message.substring(at + end.length());
        }
    }
}
