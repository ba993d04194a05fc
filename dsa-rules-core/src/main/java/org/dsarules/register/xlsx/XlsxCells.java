package org.dsarules.register.xlsx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTRow;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.register.csv.CsvCells;

/**
 * The cells of a workbook's first visible sheet as the file saved them, shared by the register and the
 * questionnaire readers so that both read a cell the same way. A cell is read as its saved value, never
 * through its display format and never recomputed: a number is its saved number in plain decimal notation
 * ({@code 1.5} even when shown as {@code 2}; {@code 12}, not {@code 12.0}), whatever the column (so an
 * id typed as the number {@code 00123} reads {@code 123}: type it as text to keep the zeros); a cell
 * with a date format is that date; a formula is its saved (cached) result.
 *
 * <p>What a cell cannot honestly give is a problem of that cell, not a value: a formula with no saved
 * value (programs that write workbooks often save none), an error such as {@code #N/A} or {@code #REF!},
 * and any cell of a merged range (its value shows across several cells, but only the first holds it).
 * The reader makes each such problem an error of the record (or questionnaire row) that holds the cell.
 */
public final class XlsxCells {

    private XlsxCells() {
    }

    /**
     * One row of the sheet.
     *
     * @param row      its 1-based row number
     * @param cells    its cells as text (an absent cell is empty)
     * @param problems by 0-based column, what makes a cell unreadable, naming the cell ({@code cell F4: ...})
     */
    public record Line(int row, List<String> cells, Map<Integer, String> problems) {
        public Line {
            cells = List.copyOf(cells);
            problems = Map.copyOf(problems);
        }

        /** The first problem among the columns {@code wanted} accepts, in column order, or null. */
        public Map.Entry<Integer, String> firstProblem(java.util.function.IntPredicate wanted) {
            return new TreeMap<>(problems).entrySet().stream().filter(e -> wanted.test(e.getKey())).findFirst().orElse(null);
        }
    }

    /**
     * The rows of the workbook's first visible sheet (a hidden or very hidden sheet is never the one
     * read: a person opening the file does not see it).
     *
     * @throws RegisterFormatException naming {@code source}: no sheet, no visible sheet, or a row number
     *                                 saved twice in the sheet's file
     */
    public static List<Line> read(Workbook book, String source) {
        Sheet sheet = firstVisible(book, source);
        requireDistinctRows(sheet, source);
        List<CellRangeAddress> merged = sheet.getMergedRegions().stream().filter(m -> m.getNumberOfCells() > 1).toList();
        List<Line> lines = new ArrayList<>();
        for (Row r : sheet) {
            int last = Math.max(r.getLastCellNum(), 0);
            List<String> cells = new ArrayList<>(last);
            Map<Integer, String> problems = new HashMap<>();
            for (int i = 0; i < last; i++) {
                Cell c = r.getCell(i);
                cells.add(text(c, problems, i));
            }
            // Every cell of a merged range is a problem, even one with no cell saved in this row.
            for (CellRangeAddress range : merged) {
                if (range.getFirstRow() <= r.getRowNum() && r.getRowNum() <= range.getLastRow()) {
                    for (int c = range.getFirstColumn(); c <= range.getLastColumn(); c++) {
                        problems.put(c, "cell " + ref(r.getRowNum(), c) + ": cells " + range.formatAsString()
                                + " are merged: a merged cell's value is saved in its first cell only, so which rows and"
                                + " columns it belongs to is not known; unmerge the cells and type the value in each"
                                + " cell it belongs to");
                        while (cells.size() <= c) {
                            cells.add("");
                        }
                    }
                }
            }
            lines.add(new Line(r.getRowNum() + 1, cells, problems));
        }
        return lines;
    }

    private static Sheet firstVisible(Workbook book, String source) {
        if (book.getNumberOfSheets() == 0) {
            throw new RegisterFormatException(source + ": the workbook has no sheet");
        }
        for (int i = 0; i < book.getNumberOfSheets(); i++) {
            if (!book.isSheetHidden(i) && !book.isSheetVeryHidden(i)) {
                return book.getSheetAt(i);
            }
        }
        throw new RegisterFormatException(source + ": every sheet of the workbook is hidden: the first visible sheet is"
                + " the one read; unhide the sheet that holds the data");
    }

    /**
     * Fails when the sheet's file saves one row number twice: a spreadsheet program never writes that, and
     * the library that opens the file keeps only the last, so the first would be lost without a word.
     */
    private static void requireDistinctRows(Sheet sheet, String source) {
        if (!(sheet instanceof XSSFSheet x)) {
            return;
        }
        Map<Long, Integer> seen = new HashMap<>();
        for (CTRow row : x.getCTWorksheet().getSheetData().getRowArray()) {
            if (row.isSetR() && seen.merge(row.getR(), 1, Integer::sum) == 2) {
                throw new RegisterFormatException(source + ": row " + row.getR() + " of sheet \"" + sheet.getSheetName()
                        + "\" is saved twice in the file (the file was not written by a spreadsheet program, or is"
                        + " damaged), so one of them would be lost: open and save the file in a spreadsheet program,"
                        + " and check that row");
            }
        }
    }

    /** A cell's address as a spreadsheet shows it ({@code F4}). */
    public static String ref(int row, int column) {
        return new CellReference(row, column).formatAsString(false);
    }

    /** One cell's saved value as the CSV cell syntax would have it; a cell with no readable value adds its problem. */
    private static String text(Cell c, Map<Integer, String> problems, int column) {
        if (c == null) {
            return "";
        }
        CellType type = c.getCellType();
        if (type == CellType.FORMULA) {
            if (c instanceof XSSFCell x && !x.getCTCell().isSetV()) {
                problems.putIfAbsent(column, "cell " + ref(c.getRowIndex(), column) + ": a formula ("
                        + quoteFormula(c) + ") with no saved value; open and save the file in a spreadsheet program,"
                        + " or type the value");
                return "";
            }
            type = c.getCachedFormulaResultType();
        }
        return switch (type) {
            // a CSV the project wrote, opened and saved as a workbook, keeps its guard quote: read it as the CSV
            case STRING -> CsvCells.unguard(c.getStringCellValue());
            case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(c)) {
                    LocalDate d = c.getLocalDateTimeCellValue().toLocalDate();
                    yield d.toString();
                }
                yield number(c.getNumericCellValue());
            }
            case ERROR -> {
                String error = errorText(c.getErrorCellValue());
                problems.putIfAbsent(column, "cell " + ref(c.getRowIndex(), column) + ": the error " + error
                        + (c.getCellType() == CellType.FORMULA ? " (a formula that failed)" : "")
                        + " is not a value; type the value, or leave the cell empty when it is not known");
                yield error;
            }
            default -> "";
        };
    }

    private static String quoteFormula(Cell c) {
        String f = c.getCellFormula();
        return "=" + (f.length() > 60 ? f.substring(0, 60) + "..." : f);
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }

    /** A saved number in plain decimal notation, as few digits as give it back exactly: {@code 12}, {@code 1.5}, {@code -0.25}. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
