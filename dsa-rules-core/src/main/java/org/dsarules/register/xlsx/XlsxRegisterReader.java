package org.dsarules.register.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.dsarules.register.xlsx.XlsxCells.Line;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.dsarules.decision.ErrorCode;
import org.dsarules.decision.RecordError;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.model.Practice;
import org.dsarules.register.FormReader;
import org.dsarules.register.RecordValidator;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterSource;
import org.dsarules.register.SheetColumns;
import org.dsarules.register.SheetRecords;
import org.dsarules.register.StreamingSource;

/**
 * Reads a register saved as an Excel workbook ({@code .xlsx}), with the CSV
 * register's columns and cell syntax ({@code record-format.md} v1.1), from its first visible sheet. Each
 * cell is read as the file saved it ({@link XlsxCells}): a cell Excel stores as a date is that date; a
 * date typed as text is read as the CSV reader reads it; a number is its saved value in plain decimal
 * notation ({@code 12} not {@code 12.0}, {@code 1.5} even when shown rounded); a boolean cell is
 * {@code true} or {@code false}; a formula counts by its saved value. A cell with no value that can be
 * read (a formula with none saved, an error such as {@code #N/A}, a merged cell) puts its record in
 * error naming the cell. As in CSV, a row whose first cell starts with {@code #} is a comment, an empty row
 * is skipped, the first other row is the header, and an error names the spreadsheet row.
 *
 * <p>The workbook is read into memory as a whole (the form a spreadsheet program saves): for registers
 * of a practice's size, not for millions of agreements (use CSV or JSON for those).
 */
public final class XlsxRegisterReader extends FormReader {
    private static final XlsxRegisterReader DEFAULTS = new XlsxRegisterReader();

    private XlsxRegisterReader() {
    }

    public static XlsxRegisterReader defaults() {
        return DEFAULTS;
    }

    /**
     * Opens a workbook; messages call it {@code sourceName}. Reads the whole workbook and its header at once.
     *
     * @throws RegisterFormatException when it is not a workbook or its first visible sheet has no valid header
     */
    @Override
    public RegisterSource open(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        List<Line> lines;
        try (in; Workbook book = WorkbookFactory.create(in)) {
            // the cells as text, so that nothing is read from the workbook once it is closed
            lines = XlsxCells.read(book, sourceName);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RegisterFormatException r) {
                throw r;
            }
            throw new RegisterFormatException(sourceName + ": not an Excel workbook (.xlsx) that can be read: "
                    + reason(e), e);
        }
        return new Source(lines.iterator(), sourceName);
    }

    /**
     * Why a workbook could not be opened, in words without the library's class names (a message such as
     * {@code org.apache.xmlbeans.XmlException: error: ...} names code the reader never wrote).
     */
    public static String reason(Exception e) {
        String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        // "org.apache.xmlbeans.XmlException: error: Unexpected end of file" -> "error: Unexpected end of file"
        m = m.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*", "").strip();
        return m.isEmpty() ? "the file is damaged or is not a workbook" : m;
    }


    /** The first visible sheet's rows as cell texts; the workbook is already in memory, so nothing is left to close. */
    private static final class Source extends StreamingSource {
        private final Iterator<Line> rows;
        private SheetRecords records;
        private int width;
        private SheetColumns.Column[] columns;
        private List<String> header;
        private int index;

        Source(Iterator<Line> rows, String source) {
            super(source);
            this.rows = rows;
            while (rows.hasNext()) {
                Line line = rows.next();
                List<String> cells = line.cells();
                if (skipped(cells)) {
                    continue;
                }
                Map.Entry<Integer, String> problem = line.firstProblem(i -> true);
                if (problem != null) {
                    throw new RegisterFormatException(source + ": row " + line.row() + " (the header): " + problem.getValue());
                }
                header = cells;
                columns = SheetColumns.header(cells, source);
                width = columns.length;
                records = new SheetRecords(columns);
                return;
            }
            throw new RegisterFormatException(source + ": no header row: the first visible sheet is empty; its first row must"
                    + " name the columns, such as id, title, status");
        }

        @Override
        public Practice practice() {
            return records.practice();
        }

        @Override
        protected RegisterEntry read() {
            while (rows.hasNext()) {
                Line r = rows.next();
                if (skipped(r.cells())) {
                    continue;
                }
                List<String> cells = r.cells().subList(0, Math.min(width, r.cells().size()));
                for (int i = width; i < r.cells().size(); i++) {
                    if (!r.cells().get(i).isBlank()) {
                        throw new RegisterFormatException(source + ": row " + r.row() + ", column " + SheetColumns.letter(i)
                                + ": a value (" + RecordValidator.quote(r.cells().get(i).strip())
                                + ") beyond the header's last column (" + SheetColumns.letter(width - 1)
                                + "): the row has more cells than the header");
                    }
                }
                SheetColumns.requireNamed(columns, cells, r.row(), source);
                Map.Entry<Integer, String> problem = r.firstProblem(i -> i >= width || !isOwn(columns[i]));
                if (problem == null) {
                    return records.read(cells, index++, r.row());
                }
                return cellError(r, problem.getKey(), problem.getValue());
            }
            return null;
        }

        @Override
        protected RegisterFormatException failure(IOException e) {
            return new RegisterFormatException(source + ": cannot be read: " + e.getMessage(), e);
        }

        @Override
        protected void closeInput() {
            // the workbook was read whole and closed when it was opened
        }

        /**
         * The record of a row with a cell that has no readable value: the record's other cells still give
         * its id, and the record is in error naming the cell ({@link ErrorCode#BAD_CELL}).
         */
        private RegisterEntry cellError(Line r, int column, String problem) {
            List<String> cells = new ArrayList<>(r.cells().subList(0, Math.min(width, r.cells().size())));
            for (int i : r.problems().keySet()) {
                if (i < cells.size()) {
                    cells.set(i, "");
                }
            }
            int at = index++;
            RegisterEntry read = records.read(cells, at, r.row());
            String id = read instanceof RegisterEntry.Valid v ? v.agreement().id() : ((RegisterEntry.Invalid) read).error().dsaId();
            String name = column < header.size() && !header.get(column).isBlank() ? header.get(column).strip() : null;
            // the problem reads "cell F4: ..."
            int colon = problem.indexOf(": ");
            String cell = problem.substring(0, colon);
            return new RegisterEntry.Invalid(new RecordError(at, id, name, ErrorCode.BAD_CELL, "row " + r.row() + ", "
                    + (name != null ? "column " + name + " (" + cell + ")" : cell) + problem.substring(colon)));
        }

        private static boolean isOwn(SheetColumns.Column c) {
            return c != null && c.name() != null && c.name().startsWith("#");
        }

        private static boolean skipped(List<String> cells) {
            return cells.isEmpty() || cells.get(0).startsWith("#") || cells.stream().allMatch(String::isBlank);
        }
    }

}
