package org.dsarules.register;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dsarules.internal.Suggest;
import org.dsarules.exception.RegisterFormatException;

/**
 * The columns of a CSV register: an agreement's fields, with {@code legalRequirement} and
 * {@code icbAssessment} flattened with {@code .} and parties as {@code parties[N].field}, and how each
 * column's cells become JSON values.
 */
public final class SheetColumns {
    public static final String PARTIES = "parties";
    public static final String HISTORY = "history";
    /** The practice block's columns (record-format.md v1.1): not an agreement's, read once for the register. */
    public static final String PRACTICE = "practice";
    public static final List<String> PRACTICE_FIELDS = List.of("odsCode", "name", "icb");
    public static final String LEGAL_REQUIREMENT = "legalRequirement";
    public static final String ICB_ASSESSMENT = "icbAssessment";

    /** How a column's cells become JSON values. */
    public enum Kind {
        /** Free text, taken as it is. */
        TEXT,
        /** An enum value: text with the white space around it removed. */
        VALUE,
        /** A date: {@code YYYY-MM-DD}, {@code D/M/YYYY} or {@code DD/MM/YYYY} (record-format.md v1.1). */
        DATE,
        /** {@code true}, {@code false}, {@code yes}, {@code no}, {@code y} or {@code n}, in any case. */
        BOOLEAN,
        /** Values separated by {@code ;}, or {@code []} for the empty list. */
        LIST
    }

    /**
     * One column a header names.
     *
     * @param name  the column's name, as in the header
     * @param group null for a top-level field, else {@code legalRequirement}, {@code icbAssessment} or
     *              {@code parties}
     * @param party for a party column, the party's index; else -1
     * @param field the field's name in its object
     * @param kind  how its cells become values
     */
    public record Column(String name, String group, int party, String field, Kind kind) {
    }

    /**
     * How each field's cells are read, by field name ({@code legalRequirement.kind}, and
     * {@code parties.name} for a party's): the catalogue's kinds ({@link Fields}), so that a field added
     * there is read right here too, with {@code id} and the history entries' fields, which answers never set.
     */
    public static final Map<String, Kind> KINDS = kinds();

    private static Map<String, Kind> kinds() {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        kinds.put("id", Kind.TEXT);
        for (Fields.Field f : Fields.all()) {
            kinds.put(f.path().replace("parties[N].", PARTIES + "."), switch (f.kind()) {
                case ENUM -> Kind.VALUE;
                case ENUM_LIST -> Kind.LIST;
                case DATE -> Kind.DATE;
                case BOOLEAN -> Kind.BOOLEAN;
                case TEXT -> Kind.TEXT;
            });
        }
        kinds.put("history.date", Kind.DATE);
        kinds.put("history.field", Kind.VALUE);
        kinds.put("history.oldValue", Kind.TEXT);
        kinds.put("history.newValue", Kind.TEXT);
        kinds.put("history.source", Kind.TEXT);
        kinds.put("history.comment", Kind.TEXT);
        return Map.copyOf(kinds);
    }

    private static final Pattern PARTY = Pattern.compile("parties\\[(0|[1-9][0-9]{0,8})\\]\\.([A-Za-z0-9]+)");
    private static final Pattern HISTORY_ENTRY = Pattern.compile("history\\[(0|[1-9][0-9]{0,8})\\]\\.([A-Za-z0-9]+)");
    private static final int MAX_NAMED = 5;
    private static final Pattern ANY_INDEX = Pattern.compile("\\[\\s*([0-9]{1,3})\\s*\\]");

    private SheetColumns() {
    }

    /** The column a header name denotes, or null when the format has no such column (the index of a party aside). */
    public static Column column(String name) {
        Matcher m = PARTY.matcher(name);
        if (m.matches()) {
            String field = m.group(2);
            if (!RecordValidator.partyFields().contains(field)) {
                return null;
            }
            return new Column(name, PARTIES, Integer.parseInt(m.group(1)), field, kind(PARTIES + "." + field));
        }
        Matcher h = HISTORY_ENTRY.matcher(name);
        if (h.matches()) {
            String field = h.group(2);
            if (!RecordValidator.historyFields().contains(field)) {
                return null;
            }
            return new Column(name, HISTORY, Integer.parseInt(h.group(1)), field, kind(HISTORY + "." + field));
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            String group = name.substring(0, dot);
            String field = name.substring(dot + 1);
            if (group.equals(LEGAL_REQUIREMENT) && RecordValidator.legalRequirementFields().contains(field)
                    || group.equals(ICB_ASSESSMENT) && RecordValidator.icbAssessmentFields().contains(field)) {
                return new Column(name, group, -1, field, kind(name));
            }
            if (group.equals(PRACTICE) && PRACTICE_FIELDS.contains(field)) {
                return new Column(name, group, -1, field, Kind.TEXT);
            }
            return null;
        }
        if (isStructured(name) || !RecordValidator.agreementFields().contains(name)) {
            return null;
        }
        return new Column(name, null, -1, name, kind(name));
    }

    /** Whether the name is that of a party column, whatever its index. */
    public static boolean isPartyColumn(String name) {
        return PARTY.matcher(name).matches();
    }

    /** Every column of the format, in {@code record-format.md} order, with the columns of {@code parties} parties and no history. */
    public static List<String> names(int parties) {
        return names(parties, 0);
    }

    /**
     * Every column of the format, in {@code record-format.md} order, with the columns of {@code parties}
     * parties and of {@code history} history entries.
     */
    public static List<String> names(int parties, int history) {
        List<String> names = new ArrayList<>();
        for (String f : RecordValidator.agreementFields()) {
            switch (f) {
                case PARTIES -> {
                    for (int i = 0; i < parties; i++) {
                        for (String p : RecordValidator.partyFields()) {
                            names.add(partyColumn(i, p));
                        }
                    }
                }
                case HISTORY -> {
                    for (int i = 0; i < history; i++) {
                        for (String h : RecordValidator.historyFields()) {
                            names.add(HISTORY + "[" + i + "]." + h);
                        }
                    }
                }
                case LEGAL_REQUIREMENT -> RecordValidator.legalRequirementFields().forEach(n -> names.add(f + "." + n));
                case ICB_ASSESSMENT -> RecordValidator.icbAssessmentFields().forEach(n -> names.add(f + "." + n));
                default -> names.add(f);
            }
        }
        return names;
    }

    public static String partyColumn(int index, String field) {
        return PARTIES + "[" + index + "]." + field;
    }

    /** The column a misspelt name most likely means: a party column of the same index when it gives one. */
    public static Optional<String> nearest(String wrong) {
        Matcher m = ANY_INDEX.matcher(wrong);
        int index = m.find() ? Integer.parseInt(m.group(1)) : 0;
        int partyIndex = index < RecordValidator.maxListSize() ? index : 0;
        List<String> candidates = new ArrayList<>(names(0));
        PRACTICE_FIELDS.forEach(f -> candidates.add(PRACTICE + "." + f));
        for (String p : RecordValidator.partyFields()) {
            candidates.add(partyColumn(partyIndex, p));
        }
        return Suggest.nearest(wrong, candidates);
    }

    /** The spreadsheet letter of a 0-based column: A, B, ..., Z, AA, AB, ... */
    public static String letter(int column) {
        StringBuilder b = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            b.append((char) ('A' + (c - 1) % 26));
        }
        return b.reverse().toString();
    }

    private static boolean isStructured(String name) {
        return name.equals(PARTIES) || name.equals(HISTORY) || name.equals(LEGAL_REQUIREMENT) || name.equals(ICB_ASSESSMENT);
    }

    private static Kind kind(String key) {
        return KINDS.getOrDefault(key, Kind.TEXT);
    }
    /**
     * The columns a header row names, by position (null for a cell left empty).
     *
     * @throws RegisterFormatException naming {@code source}: no column of the format at all, a column
     *                                 the format does not have (with the nearest one's name), a column
     *                                 given twice, no {@code id} column, a party index over 999
     */
    public static Column[] header(List<String> cells, String source) {
        List<String> names = cells.stream().map(String::strip).toList();
        Column[] columns = new Column[names.size()];
        List<Integer> unknown = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean anyKnown = false;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                continue;
            }
            Column c = column(name);
            if (c == null) {
                unknown.add(i);
                continue;
            }
            anyKnown = true;
            if (c.party() >= RecordValidator.maxListSize()) {
                throw failure(source, "column " + RecordValidator.quote(name) + " (column " + letter(i)
                        + " of the header): " + c.group() + " are numbered from 0 to " + (RecordValidator.maxListSize() - 1)
                        + String.format(Locale.ROOT, " (an agreement has at most %,d %s)", RecordValidator.maxListSize(),
                        c.group().equals(HISTORY) ? "history entries" : c.group()));
            }
            Integer before = seen.putIfAbsent(name, i);
            if (before != null) {
                throw failure(source, "column " + RecordValidator.quote(name) + " is given twice in the header"
                        + " (columns " + letter(before) + " and " + letter(i) + "): give each column once");
            }
            columns[i] = c;
        }
        if (!anyKnown && !mostlyMisspelt(names, unknown)) {
            throw failure(source, "no header row: the first row must name the columns, such as id, title, status;"
                    + " found " + firstCells(names) + separatorHint(names));
        }
        if (!unknown.isEmpty()) {
            String listed = unknown.stream().limit(MAX_NAMED).map(i -> unknownColumn(names.get(i), i))
                    .collect(Collectors.joining(", "));
            String more = unknown.size() > MAX_NAMED ? " and " + (unknown.size() - MAX_NAMED) + " more" : "";
            throw failure(source, (unknown.size() == 1 ? "unknown column " : "unknown columns ") + listed + more
                    + ": the header must use the format's field names (a column the format does not have would be ignored)");
        }
        if (!seen.containsKey("id")) {
            throw failure(source, "the header has no id column: every agreement needs an id");
        }
        return columns;
    }

    private static RegisterFormatException failure(String source, String problem) {
        return new RegisterFormatException(source + ": " + problem);
    }

    /** Whether most of the header's names are near a column's: a misspelt header rather than a row of data. */
    private static boolean mostlyMisspelt(List<String> names, List<Integer> unknown) {
        long near = unknown.stream().filter(i -> nearest(names.get(i)).isPresent()).count();
        return near > 0 && near * 2 >= unknown.size();
    }

    private static String unknownColumn(String name, int i) {
        Optional<String> near = nearest(name);
        return RecordValidator.quote(name) + " (column " + letter(i) + near.map(n -> "; did you mean " + n + "?").orElse("")
                + ")";
    }

    private static String firstCells(List<String> names) {
        List<String> shown = names.stream().filter(n -> !n.isEmpty()).limit(3).map(RecordValidator::quote).toList();
        return String.join(", ", shown) + (names.stream().filter(n -> !n.isEmpty()).count() > 3 ? ", ..." : "");
    }

    private static String separatorHint(List<String> names) {
        boolean oneCell = names.stream().filter(n -> !n.isEmpty()).count() == 1;
        return oneCell && names.stream().anyMatch(n -> n.contains(";") || n.contains("\t"))
                ? " (the columns must be separated by commas)" : "";
    }

    /**
     * Fails the input when a data row has a value under a header cell left empty: its meaning would be
     * lost silently.
     */
    public static void requireNamed(Column[] columns, List<String> cells, int row, String source) {
        for (int i = 0; i < cells.size() && i < columns.length; i++) {
            if (columns[i] == null && !cells.get(i).isBlank()) {
                throw failure(source, "row " + row + ", column " + letter(i) + ": a value ("
                        + RecordValidator.quote(cells.get(i).strip())
                        + ") in a column without a name in the header: name the column or clear the cell");
            }
        }
    }
}
