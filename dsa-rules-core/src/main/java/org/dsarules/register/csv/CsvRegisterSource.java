package org.dsarules.register.csv;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.model.Practice;
import org.dsarules.register.RecordValidator;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.SheetColumns.Column;
import org.dsarules.register.SheetColumns;
import org.dsarules.register.SheetRecords;
import org.dsarules.register.StreamingSource;

/**
 * A {@link RegisterSource} over a CSV register, streaming: the parser gives one row at a time, cell by
 * cell, and only the current row is held (a row never holds more cells than the header has columns).
 * Comment rows (first cell starting with {@code #}) and rows of empty cells are skipped; the first
 * other row is the header.
 */
final class CsvRegisterSource extends StreamingSource {
    /** Most cells a header may have: far more than the format's columns for 1,000 parties. */
    static final int MAX_HEADER_CELLS = 10_000;

    private final CsvParser parser;
    private Column[] columns;
    private SheetRecords records;
    private int row;
    private int rowStart;
    private int index;
    private java.util.List<String> warnings = java.util.List.of();

    private CsvRegisterSource(CsvParser parser, String source) {
        super(source);
        this.parser = parser;
    }

    /**
     * Opens a register: reads its header, so that an input without a valid header fails here; the
     * source (and so the reader) is closed when that throws.
     */
    static CsvRegisterSource open(Reader reader, String source) throws IOException {
        return started(new CsvRegisterSource((CsvParser) CsvRegisterReader.FACTORY.createParser(reader), source),
                CsvRegisterSource::header);
    }

    /**
     * The practice block of the {@code practice.odsCode}, {@code practice.name} and {@code practice.icb}
     * columns, from the first data row that fills any of them; null when none does (or none read yet).
     */
    @Override
    public java.util.List<String> warnings() {
        return warnings;
    }

    /** This source, with the lines its opening gave about the file ({@link RegisterSource#warnings()}). */
    CsvRegisterSource withWarnings(java.util.List<String> lines) {
        warnings = java.util.List.copyOf(lines);
        return this;
    }

    @Override
    public Practice practice() {
        return records == null ? null : records.practice();
    }

    @Override
    protected RegisterEntry read() throws IOException {
        for (Row r = nextRow(columns.length, false); r != null; r = nextRow(columns.length, false)) {
            if (r.comment() || r.blank()) {
                continue;
            }
            SheetColumns.requireNamed(columns, r.cells(), row, source);
            return records.read(r.cells(), index++, row);
        }
        return null;
    }

    @Override
    protected RegisterFormatException failure(IOException e) {
        return CsvFailures.of(source, e, parser.currentLocation(), rowStart);
    }

    @Override
    protected void closeInput() throws IOException {
        parser.close();
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
        columns = SheetColumns.header(r.cells(), source);
        records = new SheetRecords(columns);
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
            String cell = CsvCells.unguard(parser.getText());
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
                            : "row " + row + ", column " + SheetColumns.letter(position) + ": a value ("
                            + RecordValidator.quote(cell.strip()) + ") beyond the header's last column ("
                            + SheetColumns.letter(width - 1) + "): the row has more cells than the header");
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
