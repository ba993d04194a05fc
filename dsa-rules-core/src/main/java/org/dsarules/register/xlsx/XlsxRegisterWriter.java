package org.dsarules.register.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dsarules.model.Register;
import org.dsarules.register.RegisterWriter;
import org.dsarules.register.SheetColumns;
import org.dsarules.register.SheetRows;
import org.dsarules.register.csv.CsvCells;

/**
 * Writes a register as an Excel workbook: one sheet, "Register", with the CSV register's columns, each
 * cell of the type a spreadsheet program would have given it (issue 25), so that a register the project
 * writes back (by {@code answer} or {@code sent}) is still sorted, filtered and edited as the practice
 * typed it, and {@link XlsxRegisterReader} reads it back to the same register:
 *
 * <ul>
 * <li>a true-or-false field ({@code commercialAccess}, ...) is a boolean cell, TRUE or FALSE;</li>
 * <li>a date field is a date cell shown {@code yyyy-mm-dd};</li>
 * <li>every other field of the format is text, so that Excel keeps ids such as {@code 007}, enum names
 *     and a title such as {@code 2024} as they are;</li>
 * <li>a practice's own column ({@code # ...}) holds what the practice typed, which the reader read as text:
 *     a cell that reads back exactly as a boolean ({@code true}), a date ({@code 2026-03-31}) or a number
 *     ({@code 12}, {@code 1.5}) is written as one, any other as text ({@code 007}, {@code 1.50} stay text).</li>
 * </ul>
 *
 * <p>A text cell that a spreadsheet would run as a formula once edited ({@code =HYPERLINK(...)}, {@code +cmd|...},
 * {@code -5}) is marked as text with Excel's quote prefix, which keeps it text when the cell is edited; its
 * value is unchanged. A text that starts with a {@code '} before such a character gets one more, which the
 * reader removes ({@link CsvCells}), so that every text reads back as written.
 *
 * <p>The bytes are the same whenever the same register is written: the workbook records no creation date
 * and every entry of its zip carries one fixed time.
 */
public final class XlsxRegisterWriter implements RegisterWriter {
    /** The time on every zip entry: the earliest a zip can record, as reproducible builds use. */
    static final LocalDateTime ZIP_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,15})?");

    @Override
    public void write(Register register, OutputStream out) throws IOException {
        SheetRows rows = SheetRows.of(register);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            // no clock in the file: the workbook says nothing of when it was created
            book.getProperties().getCoreProperties().setCreated(Optional.empty());
            Sheet sheet = book.createSheet("Register");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle quoted = book.createCellStyle();
            quoted.setQuotePrefixed(true);
            Row h = sheet.createRow(0);
            List<String> header = rows.header();
            for (int i = 0; i < header.size(); i++) {
                text(h.createCell(i), header.get(i), quoted);
            }
            // a practice's own column (# ...) has no kind of the format's: its cells' own kinds are found below
            boolean[] own = new boolean[header.size()];
            SheetColumns.Kind[] kinds = new SheetColumns.Kind[header.size()];
            for (int i = 0; i < header.size(); i++) {
                own[i] = header.get(i).startsWith("#");
                SheetColumns.Column c = own[i] ? null : SheetColumns.column(header.get(i));
                kinds[i] = c == null ? SheetColumns.Kind.TEXT : c.kind();
            }
            for (int r = 0; r < rows.rows().size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> cells = rows.rows().get(r);
                for (int i = 0; i < cells.size(); i++) {
                    String v = cells.get(i);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    SheetColumns.Kind kind = own[i] ? own(v) : kinds[i];
                    switch (kind) {
                        case DATE -> {
                            LocalDate d = LocalDate.parse(v);
                            if (d.getYear() >= 1900) {
                                cell.setCellValue(d);
                                cell.setCellStyle(date);
                            } else {
                                // Excel's dates start in 1900: an earlier one is text, which the reader reads as a date
                                text(cell, v, quoted);
                            }
                        }
                        case BOOLEAN -> {
                            if (v.equals("true") || v.equals("false")) {
                                cell.setCellValue(Boolean.parseBoolean(v));
                            } else {
                                text(cell, v, quoted);
                            }
                        }
                        default -> {
                            if (own[i] && NUMBER.matcher(v).matches() && readsBackAsNumber(v)) {
                                cell.setCellValue(Double.parseDouble(v));
                            } else {
                                text(cell, v, quoted);
                            }
                        }
                    }
                }
            }
            book.write(buffer);
        }
        fixTimes(buffer.toByteArray(), out);
        out.flush();
    }

    /**
     * The kind of a practice's own cell: what the reader reads it back as. A date or a boolean only when
     * the typed cell reads back as exactly this text; a number is tested by the caller.
     */
    private static SheetColumns.Kind own(String v) {
        if (v.equals("true") || v.equals("false")) {
            return SheetColumns.Kind.BOOLEAN;
        }
        if (ISO_DATE.matcher(v).matches()) {
            try {
                LocalDate d = LocalDate.parse(v);
                if (d.toString().equals(v)) {
                    return SheetColumns.Kind.DATE;
                }
            } catch (DateTimeException e) {
                // "2026-02-30" is text, as typed
            }
        }
        return SheetColumns.Kind.TEXT;
    }

    /** Whether the number cell of {@code v} reads back as {@code v} ({@code 12}, {@code 1.5}; not {@code 007}, {@code 1.50}). */
    private static boolean readsBackAsNumber(String v) {
        return XlsxCells.number(Double.parseDouble(v)).equals(v) && !v.equals("-0");
    }

    /** A text cell: read back as written, and kept text by Excel even when edited. */
    private static void text(Cell cell, String v, CellStyle quoted) {
        String guarded = CsvCells.guard(v);
        // the reader removes a guard quote it finds; one the text has of its own is doubled to survive that
        cell.setCellValue(v.startsWith("'") ? guarded : v);
        if (!guarded.equals(v)) {
            cell.setCellStyle(quoted);
        }
    }

    /** Copies the workbook's zip with one fixed time on every entry, so that the same register gives the same bytes. */
    private static void fixTimes(byte[] zip, OutputStream out) throws IOException {
        ZipOutputStream z = new ZipOutputStream(out);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                // the zip format's local time fields: the same on every machine, whatever its zone
                copy.setTimeLocal(ZIP_TIME);
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        z.finish();
    }
}
