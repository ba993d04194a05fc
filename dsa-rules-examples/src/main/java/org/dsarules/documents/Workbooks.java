package org.dsarules.documents;

import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** What the practice's audit workbook and the LMC's system workbook share: a bold header row. */
public final class Workbooks {
    private Workbooks() {
    }

    /** A bold cell style of {@code wb}, for header rows. */
    public static CellStyle bold(Workbook wb) {
        CellStyle bold = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(true);
        bold.setFont(font);
        return bold;
    }

    /** Writes {@code names} as row 0 of {@code sheet}, in {@code style}. */
    public static void header(Sheet sheet, List<String> names, CellStyle style) {
        Row h = sheet.createRow(0);
        for (int c = 0; c < names.size(); c++) {
            h.createCell(c).setCellValue(names.get(c));
            h.getCell(c).setCellStyle(style);
        }
    }
}
