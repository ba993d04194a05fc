package org.dsarules.register.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
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
 * Reads a register saved as an Excel workbook ({@code .xlsx}): its first sheet, with the CSV
 * register's columns and cell syntax ({@code record-format.md} v1.1). A cell Excel stores as a date
 * is that date; a date typed as text is read as the CSV reader reads it; a number is its text
 * ({@code 12} not {@code 12.0}); a boolean cell is {@code true} or {@code false}; a formula counts by
 * its cached value. As in CSV, a row whose first cell starts with {@code #} is a comment, an empty row
 * is skipped, the first other row is the header, and an error names the spreadsheet row.
 *
 * <p>The workbook is read into memory as a whole (the form a spreadsheet program saves): for registers
 * of a practice's size, not for millions of agreements (use CSV or JSON for those).
 */
public final class XlsxRegisterReader extends FormReader {
    private static final XlsxRegisterReader DEFAULTS = new XlsxRegisterReader();
    private static final DataFormatter TEXT = new DataFormatter(Locale.ROOT);

    private XlsxRegisterReader() {
    }

    public static XlsxRegisterReader defaults() {
        return DEFAULTS;
    }

    /**
     * Opens a workbook; messages call it {@code sourceName}. Reads the whole workbook and its header at once.
     *
     * @throws RegisterFormatException when it is not a workbook or its first sheet has no valid header
     */
    @Override
    public RegisterSource open(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        List<Line> lines = new ArrayList<>();
        try (in; Workbook book = WorkbookFactory.create(in)) {
            if (book.getNumberOfSheets() == 0) {
                throw new RegisterFormatException(sourceName + ": the workbook has no sheet");
            }
            // the cells as text, so that nothing is read from the workbook once it is closed
            for (Row r : book.getSheetAt(0)) {
                lines.add(new Line(r.getRowNum() + 1, cells(r)));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RegisterFormatException r) {
                throw r;
            }
            throw new RegisterFormatException(sourceName + ": not an Excel workbook (.xlsx) that can be read: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")), e);
        }
        return new Source(lines.iterator(), sourceName);
    }

    /** One row of the sheet: its 1-based row number and its cells as text. */
    private record Line(int row, List<String> cells) {
    }


    /** The first sheet's rows as cell texts; the workbook is already in memory, so nothing is left to close. */
    private static final class Source extends StreamingSource {
        private final Iterator<Line> rows;
        private SheetRecords records;
        private int width;
        private SheetColumns.Column[] columns;
        private int index;

        Source(Iterator<Line> rows, String source) {
            super(source);
            this.rows = rows;
            while (rows.hasNext()) {
                List<String> cells = rows.next().cells();
                if (skipped(cells)) {
                    continue;
                }
                columns = SheetColumns.header(cells, source);
                width = columns.length;
                records = new SheetRecords(columns);
                return;
            }
            throw new RegisterFormatException(source + ": no header row: the first sheet is empty; its first row must"
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
                return records.read(cells, index++, r.row());
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

        private static boolean skipped(List<String> cells) {
            return cells.isEmpty() || cells.get(0).startsWith("#") || cells.stream().allMatch(String::isBlank);
        }
    }

    /**
     * A row's cells as text, as the CSV cell syntax would have them; an absent cell is empty. Public so
     * that the ICB questionnaire's workbook is read cell by cell exactly as a register is.
     */
    public static List<String> cells(Row r) {
        int last = r.getLastCellNum();
        List<String> cells = new ArrayList<>(Math.max(last, 0));
        for (int i = 0; i < last; i++) {
            cells.add(text(r.getCell(i)));
        }
        return cells;
    }

    /** One cell as the CSV cell syntax would have it. */
    static String text(Cell c) {
        if (c == null) {
            return "";
        }
        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        return switch (type) {
            case STRING -> c.getStringCellValue();
            case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(c)) {
                    LocalDateTime t = c.getLocalDateTimeCellValue();
                    LocalDate d = t.toLocalDate();
                    yield d.toString();
                }
                double v = c.getNumericCellValue();
                yield v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : TEXT.formatCellValue(c);
            }
            default -> "";
        };
    }
}
