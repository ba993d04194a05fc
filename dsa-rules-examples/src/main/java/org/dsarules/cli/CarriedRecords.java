package org.dsarules.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dsarules.register.RegisterFiles;
import org.dsarules.register.SheetColumns;
import org.dsarules.register.csv.CsvCells;
import org.dsarules.register.xlsx.XlsxCells;

/**
 * The records in error of a register that {@code answer} rewrites, carried into the register it writes
 * exactly as they were read (issue 26): no answer applies to a record that could not be read, and the new
 * register must drop none. The register writer writes the valid agreements; this puts each record in error
 * back at its own place among them, its cells as the input held them, under the same column names (a column
 * only a record in error fills is added to the header): CSV cells as typed (a cell a spreadsheet would run is
 * written with the {@code '} every CSV the project writes carries, which the reader removes), {@code .xlsx}
 * cells with their type (a date cell stays a date, a number a number; a formula by the value it saved, which
 * is what was read), JSON records as the same tree (numbers kept exactly).
 *
 * <p>The input's rows are found as the readers find them: the first visible sheet of a workbook; comment rows
 * (first cell starting with {@code #}) and empty rows skipped; the first other row the header; a CSV file not
 * UTF-8 read as Windows-1252.
 */
final class CarriedRecords {
    private static final JsonNodeFactory EXACT = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper JSON = JsonMapper.builder().nodeFactory(EXACT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private CarriedRecords() {
    }

    /**
     * The register {@code written} (the writer's bytes, valid agreements only), with the records at {@code inError}
     * (0-based positions among the input's records, ascending) put back from {@code input}.
     */
    static byte[] splice(RegisterFiles.Format format, Path input, List<Integer> inError, byte[] written) throws IOException {
        if (inError.isEmpty()) {
            return written;
        }
        return switch (format) {
            case JSON -> json(input, inError, written);
            case CSV -> csv(input, inError, written);
            case XLSX -> xlsx(input, inError, written);
        };
    }

    // ---- JSON: the same tree, at its place in "agreements" ----

    private static byte[] json(Path input, List<Integer> inError, byte[] written) throws IOException {
        JsonNode in = JSON.readTree(input.toFile());
        JsonNode inAgreements = in.isArray() ? in : in.get("agreements");
        JsonNode out = JSON.readTree(written);
        ArrayNode outAgreements = (ArrayNode) out.get("agreements");
        for (int i : inError) {
            outAgreements.insert(i, inAgreements.get(i).deepCopy());
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(written.length * 2);
        try (JsonGenerator g = JSON.getFactory().createGenerator(b)) {
            g.useDefaultPrettyPrinter();
            JSON.writeTree(g, out);
            g.writeRaw('\n');
        }
        return b.toByteArray();
    }

    // ---- CSV: the cells as typed, under the same column names ----

    private static byte[] csv(Path input, List<Integer> inError, byte[] written) throws IOException {
        List<List<String>> inRows = records(csvRows(decode(Files.readAllBytes(input)), true));
        List<String> inHeader = canonical(inRows.get(0), input);
        // the written register: its cells kept as written (already guarded), its header widened if needed
        List<List<String>> outRows = csvRows(new String(written, StandardCharsets.UTF_8), false);
        List<String> header = new ArrayList<>(outRows.get(0));
        for (int i : inError) {
            List<String> cells = inRows.get(i + 1);
            for (int c = 0; c < cells.size() && c < inHeader.size(); c++) {
                String name = inHeader.get(c);
                if (name != null && !cells.get(c).isEmpty() && !header.contains(name)) {
                    header.add(firstOwn(header), name);
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : outRows.subList(1, outRows.size())) {
            rows.add(widen(outRows.get(0), r, header));
        }
        for (int i : inError) {
            List<String> cells = inRows.get(i + 1);
            List<String> row = new ArrayList<>();
            for (String name : header) {
                int c = inHeader.indexOf(name);
                row.add(c >= 0 && c < cells.size() ? CsvCells.guard(cells.get(c)) : "");
            }
            rows.add(Math.min(i, rows.size()), row);
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(written.length * 2);
        Writer w = new OutputStreamWriter(b, StandardCharsets.UTF_8);
        try (JsonGenerator g = CSV.createGenerator(w)) {
            writeRow(g, header);
            for (List<String> r : rows) {
                writeRow(g, r);
            }
        }
        return b.toByteArray();
    }

    private static void writeRow(JsonGenerator g, List<String> cells) throws IOException {
        g.writeStartArray();
        for (String c : cells) {
            g.writeString(c == null ? "" : c);
        }
        g.writeEndArray();
    }

    /** Where a column of the format goes in {@code header}: before the practice's own columns, which come last. */
    private static int firstOwn(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).startsWith("#")) {
                return i;
            }
        }
        return header.size();
    }

    private static List<String> widen(List<String> from, List<String> cells, List<String> to) {
        if (from.equals(to)) {
            return cells;
        }
        List<String> out = new ArrayList<>(to.size());
        for (String name : to) {
            int c = from.indexOf(name);
            out.add(c >= 0 && c < cells.size() ? cells.get(c) : "");
        }
        return out;
    }

    /** UTF-8 (a byte order mark skipped), or Windows-1252 when the bytes are not UTF-8, as the reader decides. */
    private static String decode(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static List<List<String>> csvRows(String text, boolean unguard) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader r = new StringReader(text); CsvParser p = (CsvParser) CSV.createParser(r)) {
            p.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            List<String> row = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY) {
                    row = new ArrayList<>();
                } else if (t == JsonToken.END_ARRAY) {
                    if (row != null) {
                        rows.add(row);
                    }
                    row = null;
                } else if (row != null) {
                    row.add(unguard ? CsvCells.unguard(p.getText()) : p.getText());
                }
            }
        }
        return rows;
    }

    /** The header, then each record's row, in order: comment rows and empty rows left out, as the readers do. */
    private static List<List<String>> records(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : rows) {
            if (!(r.isEmpty() || r.get(0).startsWith("#") || r.stream().allMatch(String::isBlank))) {
                out.add(r);
            }
        }
        return out;
    }

    /** Each header cell as the format names its column (null for a cell left empty), so that "ID" meets "id". */
    private static List<String> canonical(List<String> header, Path input) {
        SheetColumns.Column[] columns = SheetColumns.header(header, input.toString());
        List<String> out = new ArrayList<>(columns.length);
        for (SheetColumns.Column c : columns) {
            out.add(c == null ? null : c.name());
        }
        return out;
    }

    // ---- xlsx: the cells with their type, in the rows they had among the records ----

    private static byte[] xlsx(Path input, List<Integer> inError, byte[] written) throws IOException {
        try (InputStream in = Files.newInputStream(input); Workbook source = WorkbookFactory.create(in);
                XSSFWorkbook out = new XSSFWorkbook(new ByteArrayInputStream(written))) {
            Sheet from = firstVisible(source);
            // the records' sheet rows, in order, found as the reader finds them
            List<Integer> sheetRows = new ArrayList<>();
            List<String> inHeader = null;
            for (XlsxCells.Line line : XlsxCells.read(source, input.toString())) {
                List<String> cells = line.cells();
                if (cells.isEmpty() || cells.get(0).startsWith("#") || cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (inHeader == null) {
                    inHeader = canonical(cells, input);
                } else {
                    sheetRows.add(line.row() - 1);
                }
            }
            Sheet to = out.getSheetAt(0);
            Map<String, Integer> outColumns = new HashMap<>();
            for (Cell c : to.getRow(0)) {
                outColumns.put(c.getStringCellValue(), c.getColumnIndex());
            }
            Map<String, CellStyle> styles = new HashMap<>();
            for (int i : inError) {
                Row source0 = from.getRow(sheetRows.get(i));
                // the written rows are the records in order: record i goes to sheet row i + 1, the later ones move down
                int at = i + 1;
                if (at <= to.getLastRowNum()) {
                    to.shiftRows(at, to.getLastRowNum(), 1);
                }
                Row target = to.createRow(at);
                if (source0 == null) {
                    continue;
                }
                for (Cell c : source0) {
                    int col = c.getColumnIndex();
                    String name = col < inHeader.size() ? inHeader.get(col) : null;
                    if (name == null || c.getCellType() == CellType.BLANK) {
                        continue;
                    }
                    Integer o = outColumns.get(name);
                    if (o == null) {
                        // the header row fetched again: shifting rows may have replaced the sheet's row objects
                        Row head = to.getRow(0);
                        o = Math.max(head.getLastCellNum(), 0);
                        head.createCell(o).setCellValue(name);
                        outColumns.put(name, o);
                    }
                    copy(c, target.createCell(o), out, styles);
                }
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream(written.length * 2);
            out.write(b);
            return b.toByteArray();
        }
    }

    /** A cell's value with its type; a number keeps its format (a date stays a date); a formula gives its saved value. */
    private static void copy(Cell from, Cell to, Workbook book, Map<String, CellStyle> styles) {
        CellType type = from.getCellType() == CellType.FORMULA ? from.getCachedFormulaResultType() : from.getCellType();
        switch (type) {
            case NUMERIC -> {
                to.setCellValue(from.getNumericCellValue());
                String format = from.getCellStyle().getDataFormatString();
                if (format != null && !format.equals("General")) {
                    to.setCellStyle(styles.computeIfAbsent(format, f -> {
                        CellStyle s = book.createCellStyle();
                        s.setDataFormat(book.createDataFormat().getFormat(f));
                        return s;
                    }));
                } else if (DateUtil.isCellDateFormatted(from)) {
                    to.setCellStyle(styles.computeIfAbsent("yyyy-mm-dd", f -> {
                        CellStyle s = book.createCellStyle();
                        s.setDataFormat(book.createDataFormat().getFormat(f));
                        return s;
                    }));
                }
            }
            case BOOLEAN -> to.setCellValue(from.getBooleanCellValue());
            case ERROR -> to.setCellErrorValue(from.getErrorCellValue());
            case STRING -> to.setCellValue(from.getRichStringCellValue().getString());
            default -> {
                if (from.getCellType() == CellType.FORMULA) {
                    // a formula without a saved value (its record is in error for it): the formula, as typed
                    to.setCellFormula(from.getCellFormula());
                }
            }
        }
    }

    private static Sheet firstVisible(Workbook book) {
        for (int i = 0; i < book.getNumberOfSheets(); i++) {
            if (!book.isSheetHidden(i) && !book.isSheetVeryHidden(i)) {
                return book.getSheetAt(i);
            }
        }
        return book.getSheetAt(0);
    }
}
