package org.dsarules.csv;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dsarules.csv.CsvColumns.Column;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.json.RecordValidator;
import org.dsarules.json.RegisterEntry;
import org.dsarules.json.RegisterSource;
import org.dsarules.model.Practice;

/**
 * A {@link RegisterSource} over a CSV register, streaming: the parser gives one row at a time, cell by
 * cell, and only the current row is held (a row never holds more cells than the header has columns).
 * Comment rows (first cell starting with {@code #}) and rows of empty cells are skipped; the first
 * other row is the header.
 */
final class CsvRegisterSource implements RegisterSource {
    /** Most cells a header may have: far more than the format's columns for 1,000 parties. */
    static final int MAX_HEADER_CELLS = 10_000;
    private static final int MAX_NAMED = 5;

    private final CsvParser parser;
    private final String source;
    private Column[] columns;
    private CsvRecords records;
    private int row;
    private int rowStart;
    private int index;
    private RegisterEntry pending;
    private boolean done;
    private boolean closed;
    private RegisterFormatException failure;

    private CsvRegisterSource(CsvParser parser, String source) {
        this.parser = parser;
        this.source = source;
    }

    /** Opens a register: reads its header, so that an input without a valid header fails here. Closes the reader when it throws. */
    static CsvRegisterSource open(Reader reader, String source) {
        CsvParser parser;
        try {
            parser = (CsvParser) CsvRegisterReader.FACTORY.createParser(reader);
        } catch (IOException e) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // nothing more to do: the input was only read
            }
            throw CsvFailures.of(source, e, null, 0);
        }
        CsvRegisterSource s = new CsvRegisterSource(parser, source);
        try {
            s.header();
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** A CSV register has no practice block: always null. */
    @Override
    public Practice practice() {
        return null;
    }

    @Override
    public boolean hasNext() {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IllegalStateException("the register source is closed");
        }
        if (pending != null) {
            return true;
        }
        if (done) {
            return false;
        }
        try {
            for (Row r = nextRow(columns.length, false); r != null; r = nextRow(columns.length, false)) {
                if (r.comment() || r.blank()) {
                    continue;
                }
                for (int i = 0; i < r.cells().size(); i++) {
                    if (columns[i] == null && !r.cells().get(i).isBlank()) {
                        throw CsvFailures.format(source, "row " + row + ", column " + CsvColumns.letter(i) + ": a value ("
                                + RecordValidator.quote(r.cells().get(i).strip())
                                + ") in a column without a name in the header: name the column or clear the cell");
                    }
                }
                pending = records.read(r.cells(), index++, row);
                return true;
            }
            done = true;
            return false;
        } catch (IOException e) {
            failure = CsvFailures.of(source, e, parser.currentLocation(), rowStart);
        } catch (RegisterFormatException e) {
            failure = e;
        }
        throw failure;
    }

    @Override
    public RegisterEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records in " + source);
        }
        RegisterEntry e = pending;
        pending = null;
        return e;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                parser.close();
            } catch (IOException e) {
                // nothing more to do: the input was only read
            }
        }
    }

    private void header() {
        Row r;
        boolean commentsSeen = false;
        try {
            for (r = nextRow(MAX_HEADER_CELLS, true); r != null && (r.comment() || r.blank()); r = nextRow(MAX_HEADER_CELLS, true)) {
                commentsSeen = true;
            }
        } catch (IOException e) {
            throw CsvFailures.of(source, e, parser.currentLocation(), rowStart);
        }
        if (r == null) {
            throw CsvFailures.format(source, "no header row: the input " + (commentsSeen ? "has only comments and empty rows"
                    : "is empty") + "; the first row must name the columns, such as id, title, status");
        }
        List<String> names = r.cells().stream().map(String::strip).toList();
        columns = new Column[names.size()];
        List<Integer> unknown = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean anyKnown = false;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                continue;
            }
            Column c = CsvColumns.column(name);
            if (c == null) {
                unknown.add(i);
                continue;
            }
            anyKnown = true;
            if (c.party() >= RecordValidator.maxListSize()) {
                throw CsvFailures.format(source, "column " + RecordValidator.quote(name) + " (column " + CsvColumns.letter(i)
                        + " of the header): " + c.group() + " are numbered from 0 to " + (RecordValidator.maxListSize() - 1)
                        + String.format(Locale.ROOT, " (an agreement has at most %,d %s)", RecordValidator.maxListSize(),
                        c.group().equals(CsvColumns.HISTORY) ? "history entries" : c.group()));
            }
            Integer before = seen.putIfAbsent(name, i);
            if (before != null) {
                throw CsvFailures.format(source, "column " + RecordValidator.quote(name) + " is given twice in the header"
                        + " (columns " + CsvColumns.letter(before) + " and " + CsvColumns.letter(i) + "): give each column once");
            }
            columns[i] = c;
        }
        if (!anyKnown && !mostlyMisspelt(names, unknown)) {
            throw CsvFailures.format(source, "no header row: the first row must name the columns, such as id, title, status;"
                    + " found " + firstCells(names) + separatorHint(names));
        }
        if (!unknown.isEmpty()) {
            String listed = unknown.stream().limit(MAX_NAMED).map(i -> unknownColumn(names.get(i), i))
                    .collect(Collectors.joining(", "));
            String more = unknown.size() > MAX_NAMED ? " and " + (unknown.size() - MAX_NAMED) + " more" : "";
            throw CsvFailures.format(source, (unknown.size() == 1 ? "unknown column " : "unknown columns ") + listed + more
                    + ": the header must use the format's field names (a column the format does not have would be ignored)");
        }
        if (!seen.containsKey("id")) {
            throw CsvFailures.format(source, "the header has no id column: every agreement needs an id");
        }
        records = new CsvRecords(columns);
    }

    /** Whether most of the header's names are near a column's: a misspelt header rather than a row of data. */
    private static boolean mostlyMisspelt(List<String> names, List<Integer> unknown) {
        long near = unknown.stream().filter(i -> CsvColumns.nearest(names.get(i)).isPresent()).count();
        return near > 0 && near * 2 >= unknown.size();
    }

    private static String unknownColumn(String name, int i) {
        Optional<String> near = CsvColumns.nearest(name);
        return RecordValidator.quote(name) + " (column " + CsvColumns.letter(i) + near.map(n -> "; did you mean " + n + "?").orElse("")
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
     * The next row, or null at the end of the input. Cells past {@code width} are dropped when blank and
     * fail the input otherwise (a data row wider than the header, a header wider than
     * {@link #MAX_HEADER_CELLS}); no cell of a comment row is kept.
     */
    private Row nextRow(int width, boolean header) throws IOException {
        JsonToken t = parser.nextToken();
        if (t == null) {
            return null;
        }
        row++;
        rowStart = parser.currentLocation().getLineNr();
        List<String> cells = new ArrayList<>();
        boolean comment = false;
        boolean blank = true;
        int position = 0;
        for (t = parser.nextToken(); t != null && t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            String cell = parser.getText();
            if (position == 0 && cell.startsWith("#")) {
                comment = true;
            }
            if (!comment) {
                if (position < width) {
                    cells.add(cell);
                    blank &= cell.isBlank();
                } else if (!cell.isBlank()) {
                    throw CsvFailures.format(source, header
                            ? String.format(Locale.ROOT, "row %d has more than %,d cells", row, MAX_HEADER_CELLS)
                            : "row " + row + ", column " + CsvColumns.letter(position) + ": a value ("
                            + RecordValidator.quote(cell.strip()) + ") beyond the header's last column ("
                            + CsvColumns.letter(width - 1) + "): the row has more cells than the header");
                }
            }
            position++;
        }
        return new Row(cells, comment, blank && !comment);
    }

    /** One row: its cells (none kept for a comment), and whether it is a comment or has only blank cells. */
    private record Row(List<String> cells, boolean comment, boolean blank) {
    }

    @Override
    public long position() {
        return parser.currentLocation().getCharOffset();
    }
}
