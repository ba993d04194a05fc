package org.dsarules.register;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dsarules.decision.Warning;
import org.dsarules.decision.Warnings;
import org.dsarules.model.Placeholders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsarules.decision.ErrorCode;
import org.dsarules.decision.RecordError;
import org.dsarules.model.Practice;
import org.dsarules.register.SheetColumns.Column;
import org.dsarules.register.SheetColumns.Kind;

/**
 * Turns the data rows of one CSV register into entries: each row becomes a value tree shaped like an
 * agreement ({@link Trees}), its cells already read with the spreadsheet cell syntax
 * ({@link CellSyntax}: UK dates, yes and no, {@code ;} lists), so that a bad cell's problem is worded
 * here, in CSV terms; {@link RecordValidator} applies the register's rules. An error names the column
 * ({@code field}) and starts its message with the spreadsheet row.
 */
public final class SheetRecords {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands, during validation only, for a party index left empty before a later party, so paths keep the column's index. */
    private static final String PLACEHOLDER_NAME = "(no party)";
    private static final Pattern LIST_ITEM = Pattern.compile("([A-Za-z0-9]+)\\[[0-9]+\\]");

    private final Column[] columns;
    private final RecordValidator validator = new RecordValidator(i -> "index " + i + " (row " + rowOf(i) + ")");
    /** Where the row number stops being a fixed offset from the index: pairs of index and row. */
    private final List<int[]> rowSteps = new ArrayList<>();
    private Practice practice;
    private int practiceRow;

    /** @param columns the header's columns by position; null for a column without a name */
    public SheetRecords(Column[] columns) {
        this.columns = columns.clone();
    }

    /**
     * The entry of one data row.
     *
     * @param cells the row's cells, at most one a column
     * @param index the record's 0-based position among the data rows
     * @param row   its 1-based spreadsheet row number
     */
    public RegisterEntry read(List<String> cells, int index, int row) {
        rememberRow(index, row);
        ObjectNode record = NODES.objectNode();
        TreeMap<Integer, ObjectNode> parties = new TreeMap<>();
        TreeMap<Integer, ObjectNode> history = new TreeMap<>();
        String[] practiceCells = new String[SheetColumns.PRACTICE_FIELDS.size()];
        Map<String, String> own = new LinkedHashMap<>();
        List<Warning> warnings = new ArrayList<>();
        for (int i = 0; i < cells.size() && i < columns.length; i++) {
            Column c = columns[i];
            String cell = cells.get(i);
            if (c == null || cell.isBlank()) {
                continue;
            }
            if (SheetColumns.PRACTICE.equals(c.group())) {
                practiceCells[SheetColumns.PRACTICE_FIELDS.indexOf(c.field())] = cell.strip();
                continue;
            }
            if (SheetColumns.OWN.equals(c.group())) {
                own.put(c.name(), cell);
                continue;
            }
            if (readsAsUnknown(c.name(), cell)) {
                warnings.add(placeholderWarning(c.name(), cell, row));
                continue;
            }
            JsonNode value = value(c, cell);
            if (c.group() == null) {
                record.set(c.field(), value);
            } else if (c.group().equals(SheetColumns.PARTIES)) {
                if (!record.has(SheetColumns.PARTIES)) {
                    record.putArray(SheetColumns.PARTIES); // keeps the place of parties among the fields
                }
                parties.computeIfAbsent(c.party(), k -> NODES.objectNode()).set(c.field(), value);
            } else if (c.group().equals(SheetColumns.HISTORY)) {
                if (!record.has(SheetColumns.HISTORY)) {
                    record.putArray(SheetColumns.HISTORY);
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
            ArrayNode list = record.putArray(SheetColumns.PARTIES);
            for (int i = 0; i <= parties.lastKey(); i++) {
                ObjectNode p = parties.get(i);
                list.add(p != null ? p : NODES.objectNode().put("name", PLACEHOLDER_NAME));
            }
        }
        if (!history.isEmpty()) {
            record.putArray(SheetColumns.HISTORY).addAll(history.values());
        }
        RegisterEntry entry = validator.validate(record, index);
        String conflict = practice(practiceCells, row);
        if (conflict != null) {
            String id = entry instanceof RegisterEntry.Valid v ? v.agreement().id() : ((RegisterEntry.Invalid) entry).error().dsaId();
            return new RegisterEntry.Invalid(new RecordError(index, id, conflict.substring(0, conflict.indexOf(':')),
                    ErrorCode.PRACTICE_CONFLICT, "row " + row + ": " + conflict));
        }
        if (entry instanceof RegisterEntry.Invalid invalid) {
            return new RegisterEntry.Invalid(inCsvTerms(invalid.error(), row));
        }
        if (gaps) {
            // valid with the placeholders, so valid without them: only the agreement is wanted now
            record.putArray(SheetColumns.PARTIES).addAll(parties.values());
            entry = new RecordValidator().validate(record, index);
        }
        if (entry instanceof RegisterEntry.Valid v && (!own.isEmpty() || !warnings.isEmpty())) {
            warnings.addAll(v.warnings());
            return new RegisterEntry.Valid(v.index(), v.agreement(), warnings, own);
        }
        return entry;
    }

    /**
     * Whether a cell of the column {@code name} holds only a placeholder word that record-format.md v1.2
     * reads as not known: in an enum, boolean, date or list field, where the word is not a value the field
     * allows ({@code NONE} in {@code legalRequirement.kind} keeps its meaning); a list cell whose only value
     * is such a word. The two text fields the rules read ({@code legalRequirement.reference}, a party's
     * {@code instructedBy}) keep the word as typed: the model reads it as not known and warns itself
     * ({@link org.dsarules.decision.Warnings}).
     */
    public static boolean readsAsUnknown(String name, String cell) {
        if (!Placeholders.isPlaceholder(cell)) {
            return false;
        }
        return Fields.field(name).map(f -> switch (f.kind()) {
            case ENUM, ENUM_LIST, DATE, BOOLEAN -> f.values().stream().noneMatch(v -> v.equalsIgnoreCase(cell.strip()));
            case TEXT -> false;
        }).orElse(false);
    }

    /** The warning for a placeholder read as not known, naming the column, the row and the cell. */
    public static Warning placeholderWarning(String column, String cell, int row) {
        return new Warning(Warnings.PLACEHOLDER_AS_UNKNOWN, column, (row > 0 ? "row " + row + ", column " : "column ")
                + column + ": " + RecordValidator.quote(cell.strip()) + " is a placeholder word, not a value: it was read"
                + " as not known (leave the cell empty when not known)");
    }

    /** The practice block, from the first data row that fills any {@code practice.*} cell; null until then. */
    public Practice practice() {
        return practice;
    }

    /**
     * Takes the practice block from the first row that gives any of its cells; for a later row, the
     * first cell that differs from it, as a message ({@code practice.name: ...}), else null.
     */
    private String practice(String[] given, int row) {
        boolean any = false;
        for (String g : given) {
            any |= g != null;
        }
        if (!any) {
            return null;
        }
        if (practice == null) {
            practice = new Practice(given[0], given[1], given[2]);
            practiceRow = row;
            return null;
        }
        String[] known = {practice.odsCode(), practice.name(), practice.icb()};
        for (int i = 0; i < given.length; i++) {
            if (given[i] != null && !given[i].equals(known[i])) {
                String column = SheetColumns.PRACTICE + "." + SheetColumns.PRACTICE_FIELDS.get(i);
                return column + ": " + RecordValidator.quote(given[i]) + " differs from the practice given in row " + practiceRow
                        + (known[i] == null ? " (which leaves it empty)" : " (" + RecordValidator.quote(known[i]) + ")")
                        + ": a register is one practice's; leave the cell empty or give the same value";
            }
        }
        return null;
    }

    /** A cell as a value of the tree: text as it is, the other kinds already read with the cell syntax. */
    private static JsonNode value(Column c, String cell) {
        try {
            return switch (c.kind()) {
                case TEXT -> NODES.textNode(cell);
                case VALUE -> NODES.textNode(cell.strip());
                case DATE -> Trees.cell(CellSyntax.date(cell));
                case BOOLEAN -> Trees.cell(CellSyntax.bool(cell));
                case LIST -> list(cell.strip());
            };
        } catch (CellSyntax.BadCell e) {
            return Trees.bad(e);
        }
    }

    /**
     * Values separated by {@code ;} (white space around each removed, empty ones skipped), or {@code []};
     * each value is checked as a JSON list's item would be.
     */
    private static JsonNode list(String value) {
        ArrayNode list = NODES.arrayNode();
        if (value.equals("[]")) {
            return list;
        }
        for (String item : value.split(";", -1)) {
            String v = item.strip();
            if (v.contains(",")) {
                // no value of the format holds a comma: it was meant to separate values
                throw new CellSyntax.BadCell(ErrorCode.BAD_LIST, RecordValidator.quote(value)
                        + ": values are separated by ';', not ',' (write " + value.replace(",", ";") + ")");
            }
            if (!v.isEmpty()) {
                list.add(v);
            }
        }
        if (!list.isEmpty()) {
            return list;
        }
        throw new CellSyntax.BadCell(ErrorCode.BAD_LIST, RecordValidator.quote(value) + " has no value between its ';'"
                + " separators: write values separated by ';', [] for the empty list, or leave the cell empty when not known");
    }

    /** The error with the column as its field and the spreadsheet row in its message. */
    private static RecordError inCsvTerms(RecordError e, int row) {
        String field = e.field();
        if (field != null) {
            Matcher item = LIST_ITEM.matcher(field);
            if (item.matches() && isListColumn(item.group(1))) {
                field = item.group(1);
            }
        }
        return new RecordError(e.index(), e.dsaId(), field, e.code(), "row " + row + ": " + e.message());
    }

    private static boolean isListColumn(String name) {
        return SheetColumns.KINDS.get(name) == Kind.LIST;
    }

    private void rememberRow(int index, int row) {
        if (rowSteps.isEmpty() || row - index != offset(rowSteps.get(rowSteps.size() - 1))) {
            rowSteps.add(new int[] {index, row});
        }
    }

    /** The spreadsheet row of an earlier record. */
    public int rowOf(int index) {
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
}
