package org.dsarules.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dsarules.DsaRules;
import org.dsarules.catalogue.Catalogue;
import org.dsarules.catalogue.CatalogueEntry;
import org.dsarules.register.csv.CsvTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dsa-audit template}: an empty register to start a spreadsheet from. */
@Command(name = "template",
        description = {"Print an empty register with every column, and a comment row (starting with #) that "
                + "explains each column and its allowed values. Open it in a spreadsheet, fill one agreement a row, "
                + "save as CSV UTF-8, and audit it.",
            "With --format xlsx --out FILE: an Excel workbook with the same columns, whose programme column offers"
                + " the names of the catalogue of known programmes as a drop-down (any other name may still be typed)."})
final class TemplateCommand implements Callable<Integer> {

    enum Format { csv, xlsx }

    /** The sheet that holds the drop-down's names: hidden, so that the practice sees only its register. */
    static final String PROGRAMMES_SHEET = "Known programmes";
    /** How many rows of the register the drop-down covers: far more than any practice's agreements. */
    static final int ROWS = 2000;
    /**
     * The date in every zip entry and in the workbook's created and modified dates, so that the same catalogue
     * gives the same bytes on every run (issue 27). The other workbooks take their as-of date; a template decides
     * nothing and has none, and a date from the clock is what made two runs differ. 1 January 1980 is the
     * earliest date a zip entry can hold: no reader takes it for the day the template was written.
     */
    static final LocalDate WORKBOOK_DATE = LocalDate.of(1980, 1, 1);

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv or xlsx. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (required for xlsx).")
    Path out;

    @Mixin
    CatalogueOptions catalogueOptions;

    @Override
    public Integer call() throws Exception {
        if (format == Format.xlsx && out == null) {
            throw new CliException("template --format xlsx writes a workbook: give --out FILE.xlsx");
        }
        // A --catalogue file is an input: refused as an output before it is read, let alone replaced (issue 27).
        Inputs.refuseOverwrite(out, catalogueOptions.files);
        if (format == Format.xlsx) {
            // The catalogue is read before anything is written: a bad one leaves the --out file as it was.
            List<String> names = programmeNames();
            SafeOutput.write(out, FixedTimeZip.of(WORKBOOK_DATE, o -> xlsx(names, o)));
            return ExitStatus.OK;
        }
        if (out != null) {
            // Through SafeOutput as every --out: whole or not at all, and one line on a full disk or a missing
            // folder (a PrintWriter would swallow the error and exit 0 with nothing written).
            SafeOutput.write(out, os -> {
                Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                CsvTemplate.write(w);
                w.flush();
            });
            return ExitStatus.OK;
        }
        PrintWriter o = spec.commandLine().getOut();
        CsvTemplate.write(o);
        o.flush();
        return ExitStatus.OK;
    }

    /** Every name of every entry of the catalogue in use, entry by entry (an entry's own name first). */
    private List<String> programmeNames() {
        Catalogue asked = catalogueOptions.catalogue(spec.commandLine().getErr());
        ClassLoader loader = DsaRules.class.getClassLoader();
        Catalogue c = asked != null ? asked
                : loader.getResource(Catalogue.SHIPPED_INDEX) == null ? Catalogue.empty() : Catalogue.shipped(loader);
        Set<String> names = new LinkedHashSet<>();
        for (CatalogueEntry e : c.entries()) {
            names.addAll(e.names());
        }
        return new ArrayList<>(names);
    }

    /**
     * The register's columns on a sheet, and the known programmes' names on a hidden sheet that a list
     * validation on the programme column refers to. The validation warns, never refuses: a programme the
     * catalogue does not know (the ICB's own) is typed as it is.
     */
    static void xlsx(List<String> programmes, OutputStream o) throws IOException {
        List<String> columns = CsvTemplate.columns();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Register");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i));
                header.getCell(i).setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int column = columns.indexOf("programme");
            if (column >= 0 && !programmes.isEmpty()) {
                Sheet names = book.createSheet(PROGRAMMES_SHEET);
                for (int i = 0; i < programmes.size(); i++) {
                    names.createRow(i).createCell(0).setCellValue(programmes.get(i));
                }
                book.setSheetHidden(book.getSheetIndex(names), true);
                DataValidationHelper helper = sheet.getDataValidationHelper();
                DataValidationConstraint list = helper.createFormulaListConstraint(
                        "'" + PROGRAMMES_SHEET + "'!$A$1:$A$" + programmes.size());
                DataValidation v = helper.createValidation(list, new CellRangeAddressList(1, ROWS, column, column));
                v.setErrorStyle(DataValidation.ErrorStyle.INFO);
                v.setShowErrorBox(false);
                v.setSuppressDropDownArrow(true); // for XSSF, true shows the arrow
                v.createPromptBox("programme", "A known programme fills the facts the register leaves empty from"
                        + " published sources; another name may be typed.");
                v.setShowPromptBox(true);
                sheet.addValidationData(v);
            }
            book.setActiveSheet(0);
            book.write(o);
        }
    }
}
