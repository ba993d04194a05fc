package org.dsarules.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsarules.engine.Suggest;
import org.dsarules.json.RecordValidator;

/**
 * The columns of a CSV register: an agreement's fields, with {@code legalRequirement} and
 * {@code icbAssessment} flattened with {@code .} and parties as {@code parties[N].field}, and how each
 * column's cells become JSON values.
 */
final class CsvColumns {
    static final String PARTIES = "parties";
    static final String HISTORY = "history";
    static final String LEGAL_REQUIREMENT = "legalRequirement";
    static final String ICB_ASSESSMENT = "icbAssessment";

    /** How a column's cells become JSON values. */
    enum Kind {
        /** Free text, taken as it is. */
        TEXT,
        /** An enum value or a date: text with the white space around it removed. */
        VALUE,
        /** {@code true} or {@code false}, in any case. */
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
    record Column(String name, String group, int party, String field, Kind kind) {
    }

    /**
     * How each field's cells are read, by field name ({@code legalRequirement.kind}, and
     * {@code parties.name} for a party's). A field of the format missing here is read as text.
     */
    static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("id", Kind.TEXT),
            Map.entry("title", Kind.TEXT),
            Map.entry("programme", Kind.TEXT),
            Map.entry("status", Kind.VALUE),
            Map.entry("requestedBy", Kind.TEXT),
            Map.entry("signedOn", Kind.VALUE),
            Map.entry("reviewDue", Kind.VALUE),
            Map.entry("practiceRole", Kind.VALUE),
            Map.entry("purposes", Kind.LIST),
            Map.entry("article6Bases", Kind.LIST),
            Map.entry("article9Conditions", Kind.LIST),
            Map.entry("commonLawBasis", Kind.VALUE),
            Map.entry("commonLawBasisExpires", Kind.VALUE),
            Map.entry("identifiability", Kind.VALUE),
            Map.entry("nationalDataOptOutApplied", Kind.BOOLEAN),
            Map.entry("type1OptOutApplied", Kind.BOOLEAN),
            Map.entry("commercialAccess", Kind.BOOLEAN),
            Map.entry("dpiaProvided", Kind.BOOLEAN),
            Map.entry("lmcAdvice", Kind.VALUE),
            Map.entry("notes", Kind.TEXT),
            Map.entry("legalRequirement.kind", Kind.VALUE),
            Map.entry("legalRequirement.reference", Kind.TEXT),
            Map.entry("legalRequirement.expiresOn", Kind.VALUE),
            Map.entry("icbAssessment.status", Kind.VALUE),
            Map.entry("icbAssessment.conclusion", Kind.VALUE),
            Map.entry("icbAssessment.requestedOn", Kind.VALUE),
            Map.entry("icbAssessment.receivedOn", Kind.VALUE),
            Map.entry("parties.name", Kind.TEXT),
            Map.entry("parties.kind", Kind.VALUE),
            Map.entry("parties.role", Kind.VALUE),
            Map.entry("parties.instructedBy", Kind.TEXT),
            Map.entry("parties.directCareProvider", Kind.BOOLEAN),
            Map.entry("history.date", Kind.VALUE),
            Map.entry("history.field", Kind.VALUE),
            Map.entry("history.oldValue", Kind.TEXT),
            Map.entry("history.newValue", Kind.TEXT),
            Map.entry("history.source", Kind.TEXT));

    private static final Pattern PARTY = Pattern.compile("parties\\[(0|[1-9][0-9]{0,8})\\]\\.([A-Za-z0-9]+)");
    private static final Pattern HISTORY_ENTRY = Pattern.compile("history\\[(0|[1-9][0-9]{0,8})\\]\\.([A-Za-z0-9]+)");
    private static final Pattern ANY_INDEX = Pattern.compile("\\[\\s*([0-9]{1,3})\\s*\\]");

    private CsvColumns() {
    }

    /** The column a header name denotes, or null when the format has no such column (the index of a party aside). */
    static Column column(String name) {
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
            return null;
        }
        if (isStructured(name) || !RecordValidator.agreementFields().contains(name)) {
            return null;
        }
        return new Column(name, null, -1, name, kind(name));
    }

    /** Whether the name is that of a party column, whatever its index. */
    static boolean isPartyColumn(String name) {
        return PARTY.matcher(name).matches();
    }

    /** Every column of the format, in {@code record-format.md} order, with the columns of {@code parties} parties and no history. */
    static List<String> names(int parties) {
        return names(parties, 0);
    }

    /**
     * Every column of the format, in {@code record-format.md} order, with the columns of {@code parties}
     * parties and of {@code history} history entries.
     */
    static List<String> names(int parties, int history) {
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

    static String partyColumn(int index, String field) {
        return PARTIES + "[" + index + "]." + field;
    }

    /** The column a misspelt name most likely means: a party column of the same index when it gives one. */
    static Optional<String> nearest(String wrong) {
        Matcher m = ANY_INDEX.matcher(wrong);
        int index = m.find() ? Integer.parseInt(m.group(1)) : 0;
        int partyIndex = index < RecordValidator.maxListSize() ? index : 0;
        List<String> candidates = new ArrayList<>(names(0));
        for (String p : RecordValidator.partyFields()) {
            candidates.add(partyColumn(partyIndex, p));
        }
        return Suggest.nearest(wrong, candidates);
    }

    /** The spreadsheet letter of a 0-based column: A, B, ..., Z, AA, AB, ... */
    static String letter(int column) {
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
}
