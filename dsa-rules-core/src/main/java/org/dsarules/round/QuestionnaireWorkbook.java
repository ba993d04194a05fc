package org.dsarules.round;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.register.xlsx.XlsxCells;
import org.dsarules.register.xlsx.XlsxRegisterReader;

/**
 * The ICB questionnaire as an Excel workbook ({@code .xlsx}): the first sheet, "Questionnaire", holds
 * the CSV questionnaire's header and rows, the same columns in the same order, every cell text (so
 * that Excel keeps ids such as {@code 007} as they are). An answered workbook is read from its first
 * sheet, each cell as the register's xlsx reader reads it (a date cell is {@code yyyy-mm-dd}), and then
 * exactly as an answered CSV is: the same header check, the same rows, the same {@link Answers} path.
 *
 * <p>Apache POI is an optional dependency of dsa-rules-core: this class is loaded only when a workbook
 * is asked for, and POI's absence is a one-line message.
 */
public final class QuestionnaireWorkbook {
    /** The first sheet's name. */
    public static final String SHEET = "Questionnaire";

    private QuestionnaireWorkbook() {
    }

    /** Writes the header and the rows as a workbook. Does not close {@code out}. */
    public static void write(List<Questionnaire.Row> rows, OutputStream out) throws IOException {
        try {
            writeBook(rows, out);
        } catch (NoClassDefFoundError e) {
            throw noPoi(e);
        }
    }

    private static void writeBook(List<Questionnaire.Row> rows, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(SHEET);
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row h = sheet.createRow(0);
            for (int i = 0; i < Questionnaire.WRITTEN_COLUMNS.size(); i++) {
                h.createCell(i).setCellValue(Questionnaire.WRITTEN_COLUMNS.get(i));
                h.getCell(i).setCellStyle(bold);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> cells = rows.get(r).cells();
                for (int i = 0; i < cells.size(); i++) {
                    // an empty cell is left absent, which reads back as empty, as an empty CSV cell does
                    if (!cells.get(i).isEmpty()) {
                        row.createCell(i).setCellValue(cells.get(i));
                    }
                }
            }
            // the header stays in view; the question column wide enough to read, the answer column to type in
            sheet.createFreezePane(0, 1);
            int[] widths = {10, 14, 30, 30, 28, 60, 30, 24, 40};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            book.write(out);
        }
        out.flush();
    }

    /**
     * Reads an answered questionnaire (or LMC advice file) from the workbook's first visible sheet.
     *
     * @throws RegisterFormatException naming the file, when it is not a readable workbook or lacks a column
     */
    public static List<Questionnaire.Row> read(Path file) {
        return read(file, null);
    }

    /** As {@link #read(Path)}, adding to {@code warnings} (when not null) a line naming the columns ignored. */
    static List<Questionnaire.Row> read(Path file, List<String> warnings) {
        List<Questionnaire.Line> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); Workbook book = WorkbookFactory.create(in)) {
            for (XlsxCells.Line r : XlsxCells.read(book, file.toString())) {
                lines.add(new Questionnaire.Line(r.row(), r.cells(), r.problems()));
            }
        } catch (NoSuchFileException e) {
            throw new RegisterFormatException(file + ": cannot read the questionnaire: no such file", e);
        } catch (NoClassDefFoundError e) {
            throw noPoi(e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RegisterFormatException r) {
                throw r;
            }
            throw new RegisterFormatException(file + ": not an Excel workbook (.xlsx) questionnaire that can be read: "
                    + XlsxRegisterReader.reason(e), e);
        }
        return Questionnaire.read(lines.iterator(), file.toString(), warnings);
    }

    static RegisterFormatException noPoi(NoClassDefFoundError e) {
        return new RegisterFormatException("reading or writing an .xlsx questionnaire needs Apache POI "
                + "(org.apache.poi:poi-ooxml) on the class path; use the CSV questionnaire instead", e);
    }
}
