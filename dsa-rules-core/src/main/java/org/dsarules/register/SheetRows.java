package org.dsarules.register;

import java.util.ArrayList;
import java.util.List;
import org.dsarules.model.Agreement;
import org.dsarules.model.HistoryEntry;
import org.dsarules.model.Practice;
import org.dsarules.model.Register;

/**
 * A register laid out as a spreadsheet for the CSV and {@code .xlsx} writers: a header and one row
 * of cell texts per agreement, in the cell syntax {@link SheetRecords} reads back (null for an empty
 * cell). The practice columns come first when the register has a practice block, filled on every row.
 *
 * @param header the column names
 * @param rows   one list of cells per agreement, as long as the header
 */
public record SheetRows(List<String> header, List<List<String>> rows) {

    /**
     * Lays out a register.
     *
     * @throws IllegalArgumentException when a row's first cell would start with {@code #} (it would
     *                                  read back as a comment), naming the agreement
     */
    public static SheetRows of(Register register) {
        int parties = 0;
        int history = 0;
        for (Agreement a : register.agreements()) {
            parties = Math.max(parties, a.partyList().size());
            history = Math.max(history, a.history() == null ? 0 : a.history().size());
        }
        Practice p = register.practice();
        List<String> header = new ArrayList<>();
        if (p != null) {
            SheetColumns.PRACTICE_FIELDS.forEach(f -> header.add(SheetColumns.PRACTICE + "." + f));
        }
        header.addAll(SheetColumns.names(parties, history));
        List<List<String>> rows = new ArrayList<>(register.agreements().size());
        for (Agreement a : register.agreements()) {
            List<String> row = new ArrayList<>(header.size());
            for (String column : header) {
                row.add(cell(a, p, column));
            }
            String first = row.get(0);
            if (first != null && first.startsWith("#")) {
                throw new IllegalArgumentException("agreement " + Messages.quote(a.id()) + ": " + header.get(0) + " "
                        + Messages.quote(first) + " starts with #, which makes a spreadsheet row a comment; it cannot be"
                        + " written as CSV or xlsx (write the register as JSON)");
            }
            rows.add(row);
        }
        return new SheetRows(List.copyOf(header), List.copyOf(rows));
    }

    private static String cell(Agreement a, Practice p, String column) {
        SheetColumns.Column c = SheetColumns.column(column);
        if (SheetColumns.PRACTICE.equals(c.group())) {
            return switch (c.field()) {
                case "odsCode" -> p.odsCode();
                case "name" -> p.name();
                default -> p.icb();
            };
        }
        if (column.equals("id")) {
            return a.id();
        }
        if (SheetColumns.HISTORY.equals(c.group())) {
            if (a.history() == null || c.party() >= a.history().size()) {
                return null;
            }
            HistoryEntry h = a.history().get(c.party());
            return switch (c.field()) {
                case "date" -> h.date().toString();
                case "field" -> h.field();
                case "oldValue" -> h.oldValue();
                case "newValue" -> h.newValue();
                case "comment" -> h.comment();
                default -> h.source();
            };
        }
        return Fields.get(a, column);
    }
}
