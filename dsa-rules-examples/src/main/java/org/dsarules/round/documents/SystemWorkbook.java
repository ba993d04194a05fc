package org.dsarules.round.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.Summary;
import org.dsarules.documents.Workbooks;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.SystemAudit;

/**
 * The system report as an Excel workbook, for an LMC that sorts and filters: the first sheet,
 * "Programmes", has a row per programme and practice holding it (the programme, the practice, its
 * agreement, the outcome and the deciding rule, whether the outcomes across practices differ, and the
 * facts that differ with this practice's value); the second, "Practices", the counts per practice as
 * numbers; the third, "Records in error", every record that could not be decided, with its practice,
 * register, entry, reference and problem (so every record of every register is in the workbook). The same content as the text and JSON system reports; every text cell is text, so nothing
 * a register holds is read by Excel as a formula. Deterministic: no clock is read.
 */
public final class SystemWorkbook {
    /** The first sheet's columns. */
    public static final List<String> PROGRAMME_COLUMNS = List.of("Programme", "Practices holding it", "Practice",
            "ODS code", "Reference", "Title", "Outcome", "Deciding rule", "Outcomes differ", "Facts that differ");
    /** The second sheet's columns. */
    public static final List<String> PRACTICE_COLUMNS = List.of("Practice", "ODS code", "Register", "WITHDRAW",
            "REFER_TO_BMA", "ASK_ICB_FOR_INFORMATION", "KEEP", "ERROR");

    /** The third sheet's columns: every record in error, so that every record of every register is in the workbook. */
    public static final List<String> ERROR_COLUMNS = List.of("Practice", "ODS code", "Register", "Entry", "Reference",
            "Field", "Code", "Problem");

    private SystemWorkbook() {
    }

    /** Writes the workbook. Does not close {@code out}. */
    public static void write(SystemAudit s, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle bold = Workbooks.bold(book);
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(true);

            Sheet programmes = book.createSheet("Programmes");
            Workbooks.header(programmes, PROGRAMME_COLUMNS, bold);
            int r = 1;
            for (SystemAudit.Programme p : s.programmes()) {
                for (int i = 0; i < p.holdings().size(); i++) {
                    SystemAudit.Holding h = p.holdings().get(i);
                    Row row = programmes.createRow(r++);
                    List<String> facts = new ArrayList<>();
                    for (SystemAudit.Difference d : p.differences()) {
                        String v = d.values().get(i);
                        facts.add(d.field() + ": " + (v == null ? "(not known)" : v));
                    }
                    text(row, 0, p.label());
                    row.createCell(1).setCellValue(p.practices().size());
                    text(row, 2, h.practiceName() != null ? h.practiceName() : h.practice());
                    text(row, 3, h.practice());
                    text(row, 4, h.agreement().id());
                    text(row, 5, h.agreement().title());
                    text(row, 6, h.outcome().name());
                    text(row, 7, h.decision().decisiveRule());
                    text(row, 8, p.outcomesDiffer() ? "yes" : "no");
                    if (!facts.isEmpty()) {
                        text(row, 9, String.join("\n", facts));
                        row.getCell(9).setCellStyle(wrap);
                    }
                }
            }
            programmes.createFreezePane(0, 1);
            programmes.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 0), 0,
                    PROGRAMME_COLUMNS.size() - 1));
            int[] widths = {36, 10, 28, 10, 12, 36, 26, 32, 10, 48};
            for (int i = 0; i < widths.length; i++) {
                programmes.setColumnWidth(i, widths[i] * 256);
            }

            Sheet practices = book.createSheet("Practices");
            Workbooks.header(practices, PRACTICE_COLUMNS, bold);
            r = 1;
            for (AuditedRegister a : s.registers()) {
                Row row = practices.createRow(r++);
                String ods = a.odsCode() != null ? a.odsCode() : a.name();
                text(row, 0, a.practice() != null && a.practice().name() != null ? a.practice().name() : ods);
                text(row, 1, ods);
                text(row, 2, a.name());
                Summary sum = a.result().summary();
                Outcome[] order = {Outcome.WITHDRAW, Outcome.REFER_TO_BMA, Outcome.ASK_ICB_FOR_INFORMATION, Outcome.KEEP};
                for (int i = 0; i < order.length; i++) {
                    row.createCell(3 + i).setCellValue(sum.count(order[i]));
                }
                row.createCell(7).setCellValue(sum.errors());
            }
            practices.createFreezePane(0, 1);
            for (int i = 0; i < PRACTICE_COLUMNS.size(); i++) {
                practices.setColumnWidth(i, (i < 3 ? 30 : 14) * 256);
            }

            Sheet errors = book.createSheet("Records in error");
            Workbooks.header(errors, ERROR_COLUMNS, bold);
            r = 1;
            for (SystemAudit.InError e : s.inError()) {
                Row row = errors.createRow(r++);
                text(row, 0, e.practiceName());
                text(row, 1, e.practice());
                text(row, 2, e.register());
                row.createCell(3).setCellValue(e.entry());
                text(row, 4, e.dsaId());
                text(row, 5, e.error().field());
                text(row, 6, e.error().code().name());
                text(row, 7, e.error().message());
                row.getCell(7).setCellStyle(wrap);
            }
            errors.createFreezePane(0, 1);
            int[] errorWidths = {28, 10, 28, 8, 12, 24, 18, 80};
            for (int i = 0; i < errorWidths.length; i++) {
                errors.setColumnWidth(i, errorWidths[i] * 256);
            }
            book.write(out);
        }
        out.flush();
    }

    private static void text(Row row, int column, String value) {
        // an absent value is an absent cell, which reads back as empty
        if (value != null && !value.isEmpty()) {
            row.createCell(column).setCellValue(value);
        }
    }
}
