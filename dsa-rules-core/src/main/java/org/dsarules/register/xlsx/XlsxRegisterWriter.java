package org.dsarules.register.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dsarules.model.Register;
import org.dsarules.register.RegisterWriter;
import org.dsarules.register.SheetColumns;
import org.dsarules.register.SheetRows;

/**
 * Writes a register as an Excel workbook: one sheet, "Register", with the CSV register's columns; a
 * date is an Excel date cell (shown {@code yyyy-mm-dd}), every other cell text, so that Excel keeps
 * ids such as {@code 007} and enum names as they are.
 */
public final class XlsxRegisterWriter implements RegisterWriter {

    @Override
    public void write(Register register, OutputStream out) throws IOException {
        SheetRows rows = SheetRows.of(register);
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Register");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row h = sheet.createRow(0);
            List<String> header = rows.header();
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.rows().size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> cells = rows.rows().get(r);
                for (int i = 0; i < cells.size(); i++) {
                    String v = cells.get(i);
                    if (v == null) {
                        continue;
                    }
                    SheetColumns.Column c = SheetColumns.column(header.get(i));
                    if (c != null && c.kind() == SheetColumns.Kind.DATE) {
                        Cell cell = row.createCell(i);
                        cell.setCellValue(LocalDate.parse(v));
                        cell.setCellStyle(date);
                    } else {
                        row.createCell(i).setCellValue(v);
                    }
                }
            }
            book.write(out);
        }
        out.flush();
    }
}
