package org.dsarules.register.csv;

/**
 * The one guard every CSV the project writes puts on its cells against CSV (formula) injection, and its
 * inverse for every spreadsheet the project reads. A spreadsheet program opening a CSV runs a cell that
 * starts with {@code =}, {@code +}, {@code -} or {@code @} as a formula ({@code =HYPERLINK(...)},
 * {@code +cmd|...}), and a tab or carriage return before one of them does not stop it; so, as OWASP's
 * "CSV Injection" page advises, such a cell is written with a single quote ({@code '}) in front, which
 * makes the program show it as text. Every such cell is guarded, with no exception for values that look
 * harmless: a negative number ({@code -5}), the placeholder {@code -} or a title starting with a dash is
 * written {@code '-5}, {@code '-}, {@code '- draft} (telling harmless from harmful is how guards fail).
 *
 * <p>Reading is the exact inverse, so that the project's readers read back what its writers wrote: a
 * cell that starts with {@code '} followed by what would be guarded loses that one quote. A cell whose own
 * text starts with quotes before such a character gets one more quote when written, so that every text
 * survives a round trip unchanged.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** The cell as it is written to a CSV file: with one {@code '} in front when a spreadsheet could run it. */
    public static String guard(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return needsGuard(cell, 0) ? "'" + cell : cell;
    }

    /** The text of a cell read from a spreadsheet: the guard {@link #guard} added, removed. */
    public static String unguard(String cell) {
        if (cell == null || cell.length() < 2 || cell.charAt(0) != '\'') {
            return cell;
        }
        return needsGuard(cell, 1) ? cell.substring(1) : cell;
    }

    /** Whether, after any run of quotes from {@code from}, the cell starts with a character a spreadsheet runs. */
    private static boolean needsGuard(String cell, int from) {
        int i = from;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        if (i == cell.length()) {
            return false;
        }
        char c = cell.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
