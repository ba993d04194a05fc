package org.dsarules.register;

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
 * The cell syntax of a spreadsheet register ({@code record-format.md}, CSV, with v1.1's additions),
 * shared by the CSV and {@code .xlsx} readers and by {@link Fields#set}: how the text of one cell
 * becomes a value. An empty cell (or one of white space only) is absent, that is not known; callers
 * check that first. White space around an enum value, a date, a boolean and each list item is ignored.
 *
 * <ul>
 * <li>a date is {@code YYYY-MM-DD}, or the UK way {@code D/M/YYYY} or {@code DD/MM/YYYY}: day first,
 *     always; an error shows the accepted forms and, where the cell is a real date in another obvious
 *     form ({@code 2022-9-14}, {@code 14.09.2022}, {@code 14-09-2022}, {@code 2022/09/14}), the
 *     corrected value;</li>
 * <li>a boolean is {@code true}, {@code false}, {@code yes}, {@code no}, {@code y} or {@code n}, in any case;</li>
 * <li>a list is its values separated by {@code ;} (empty items skipped), {@code []} alone the empty
 *     list; a value holding {@code ,} where {@code ;} is meant gets a message saying so.</li>
 * </ul>
 * Problems are thrown as {@link BadCell}, whose message does not name the cell: the caller adds the
 * column or field path and the row.
 */
public final class CellSyntax {
    private static final Pattern ISO = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
    private static final Pattern UK = Pattern.compile("([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})");
    /** Other obvious forms, for the suggestion only: year first with one-digit parts or slashes. */
    private static final Pattern YEAR_FIRST = Pattern.compile("([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})");
    /** Day first, the year in two digits ({@code 14/09/22}), as a spreadsheet shows a short date. */
    private static final Pattern TWO_DIGIT_YEAR = Pattern.compile("([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{2})");
    /** Day first with dots or dashes. */
    private static final Pattern DAY_FIRST = Pattern.compile("([0-9]{1,2})[-.]([0-9]{1,2})[-.]([0-9]{4})");
    static final String DATE_FORMS = "YYYY-MM-DD, D/M/YYYY or DD/MM/YYYY (day first)";
    static final String BOOLEAN_WORDS = "true or false (also yes, no, y or n, in any case)";

    private CellSyntax() {
    }

    /** A cell that cannot be read as its column's kind; the message says why, without naming the cell. */
    public static final class BadCell extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final ErrorCode code;

        public BadCell(ErrorCode code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public ErrorCode code() {
            return code;
        }
    }

    /** Whether a cell is absent: empty or white space only. */
    public static boolean isAbsent(String cell) {
        return cell == null || cell.isBlank();
    }

    /** Free text, taken as it is; refused when it is not valid Unicode. */
    public static String text(String cell) {
        int bad = Messages.loneSurrogate(cell);
        if (bad >= 0) {
            throw new BadCell(ErrorCode.BAD_TEXT, "not valid Unicode text: it holds half of a UTF-16 surrogate pair (\\u"
                    + String.format("%04x", (int) cell.charAt(bad)) + ") at character " + (bad + 1)
                    + "; retype the value or save the file as UTF-8");
        }
        return cell;
    }

    /** A boolean: true, false, yes, no, y, n in any case. */
    public static Boolean bool(String cell) {
        String v = cell.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "y" -> Boolean.TRUE;
            case "false", "no", "n" -> Boolean.FALSE;
            default -> throw new BadCell(ErrorCode.BAD_BOOLEAN, Messages.quote(text(cell.strip())) + " is not "
                    + BOOLEAN_WORDS + ": write one of these, or leave the cell empty when not known");
        };
    }

    /** A date: {@code YYYY-MM-DD}, {@code D/M/YYYY} or {@code DD/MM/YYYY}, day first. */
    public static LocalDate date(String cell) {
        String v = cell.strip();
        Matcher iso = ISO.matcher(v);
        if (iso.matches()) {
            return real(v, iso.group(1), iso.group(2), iso.group(3));
        }
        Matcher uk = UK.matcher(v);
        if (uk.matches()) {
            return real(v, uk.group(3), uk.group(2), uk.group(1));
        }
        String hint = suggestion(v).map(d -> "; did you mean " + d + "?").orElse("");
        throw new BadCell(ErrorCode.BAD_DATE, Messages.quote(text(v)) + " is not a date: write " + DATE_FORMS
                + ", or leave it empty if not known" + hint);
    }

    /** The date a cell in another obvious form means, as {@code YYYY-MM-DD}, when it is a real date. */
    static Optional<String> suggestion(String v) {
        Matcher two = TWO_DIGIT_YEAR.matcher(v);
        if (two.matches()) {
            // a two-digit year is this century's: a register's dates are of agreements signed since 2000
            return realOrEmpty("20" + two.group(3), two.group(2), two.group(1));
        }
        Matcher y = YEAR_FIRST.matcher(v);
        if (y.matches()) {
            return realOrEmpty(y.group(1), y.group(2), y.group(3));
        }
        Matcher d = DAY_FIRST.matcher(v);
        if (d.matches()) {
            return realOrEmpty(d.group(3), d.group(2), d.group(1));
        }
        return Optional.empty();
    }

    private static Optional<String> realOrEmpty(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)).toString());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static LocalDate real(String v, String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw new BadCell(ErrorCode.BAD_DATE, Messages.quote(v) + " is not a real date (day " + Integer.parseInt(day)
                    + " of month " + Integer.parseInt(month) + " of " + year + " does not exist): write " + DATE_FORMS
                    + ", or leave it empty if not known");
        }
    }

    /** An enum value by name, ignoring case, with a "did you mean" for a near miss. */
    public static <E extends Enum<E>> E enumValue(String cell, Class<E> type) {
        String s = cell.strip();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s)) {
                return e;
            }
        }
        List<String> names = names(type);
        Optional<String> near = Suggest.nearest(s, names).filter(n -> n.length() > 1);
        throw new BadCell(ErrorCode.BAD_ENUM, Messages.quote(text(s)) + " is not one of " + String.join(", ", names)
                + near.map(n -> " (did you mean " + n + "?)").orElse("") + "; leave it empty if not known");
    }

    /**
     * A list of enum values separated by {@code ;}; {@code []} is the empty list.
     *
     * @param max most items the list may have
     */
    public static <E extends Enum<E>> List<E> enumList(String cell, Class<E> type, int max) {
        String v = cell.strip();
        if (v.equals("[]")) {
            return List.of();
        }
        List<String> items = Arrays.stream(v.split(";", -1)).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (items.isEmpty()) {
            throw new BadCell(ErrorCode.BAD_LIST, Messages.quote(text(v)) + " has no value between its ';' separators:"
                    + " write values separated by ';', [] for the empty list, or leave the cell empty when not known");
        }
        if (items.size() > max) {
            throw new BadCell(ErrorCode.TOO_MANY_ITEMS, String.format(Locale.ROOT,
                    "more than %,d values (%,d); one agreement may have at most %,d", max, items.size(), max));
        }
        List<E> values = new ArrayList<>(items.size());
        for (String item : items) {
            try {
                values.add(enumValue(item, type));
            } catch (BadCell e) {
                if (item.contains(",") && Arrays.stream(item.split(",")).map(String::strip)
                        .allMatch(part -> names(type).stream().anyMatch(n -> n.equalsIgnoreCase(part)))) {
                    throw new BadCell(ErrorCode.BAD_LIST, Messages.quote(text(v)) + ": values are separated by ';', not ','"
                            + " (write " + String.join("; ", Arrays.stream(item.split(",")).map(String::strip).toList())
                            + ")");
                }
                throw e;
            }
        }
        return values;
    }

    /** A value as a cell writes it: enum names, {@code YYYY-MM-DD}, {@code true}/{@code false}, lists joined with {@code "; "}. */
    public static String cell(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "[]" : list.stream().map(CellSyntax::cell).collect(Collectors.joining("; "));
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value.toString();
    }

    static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
