package org.dsarules.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dsarules.decision.RecordError;

/**
 * The audit as an {@code .xlsx} workbook, the form practices and LMCs track work in: a sheet
 * "Agreements" with a row per agreement (reference, title, organisation, outcome, why in plain words,
 * next steps, questions for the ICB, what would settle it, red flags in words, notes), most urgent first,
 * and a sheet "Not decided" with the records in error. Every cell is text: register data is never read
 * as a formula.
 */
public final class AuditWorkbook {
    private AuditWorkbook() {
    }

    /** The header of the "Agreements" sheet, in column order. */
    public static final List<String> COLUMNS = List.of("Reference", "Title", "Organisation", "Outcome", "Why",
            "Next steps", "Questions for the ICB", "What would settle it", "Red flags", "Review due", "Notes");

    /** Writes the workbook to {@code out} (not closed). */
    public static void write(DocumentModel audited, OutputStream out) throws IOException {
        View v = new View(audited);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = Workbooks.bold(wb);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);

            Sheet sheet = wb.createSheet("Agreements");
            Workbooks.header(sheet, COLUMNS, bold);
            int r = 1;
            for (Item i : v.items()) {
                Row row = sheet.createRow(r++);
                List<String> cells = List.of(i.id(), i.title(), i.organisation(), i.outcomeLabel(), i.summary(),
                        lines(i.nextSteps()), lines(i.questions()), lines(i.settlements()), lines(i.redFlagWords()),
                        i.reviewDue(), Plain.line(i.notes()));
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c));
                    if (c >= 4) {
                        row.getCell(c).setCellStyle(wrap);
                    }
                }
            }
            int[] widths = {12, 36, 28, 16, 60, 60, 60, 50, 40, 18, 40};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(0, 1);
            if (r > 1) {
                sheet.setAutoFilter(new CellRangeAddress(0, r - 1, 0, COLUMNS.size() - 1));
            }

            Sheet errors = wb.createSheet("Not decided");
            Workbooks.header(errors, List.of("Record", "Reference", "Field", "Problem"), bold);
            int e = 1;
            for (RecordError err : v.errors()) {
                Row row = errors.createRow(e++);
                row.createCell(0).setCellValue(err.index());
                row.createCell(1).setCellValue(err.dsaId() == null ? "" : err.dsaId());
                row.createCell(2).setCellValue(err.field() == null ? "" : err.field());
                row.createCell(3).setCellValue(Plain.line(err.message()));
            }
            errors.setColumnWidth(3, 90 * 256);
            wb.write(out);
        }
    }

    private static String lines(List<String> items) {
        return String.join("\n", items);
    }
}
