package org.dsarules.round;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.dsarules.decision.Decided;
import org.dsarules.decision.Decision;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.internal.Utf8Input;
import org.dsarules.model.Agreement;
import org.dsarules.register.Fields;
import org.dsarules.register.csv.CsvCells;
import org.dsarules.internal.JacksonSupport;

/**
 * The ICB questionnaire of {@code record-format.md} v1.1: a CSV (or the first sheet of an Excel
 * workbook, see {@link QuestionnaireWorkbook}) with a row per question and the columns {@code practice, agreementId, programme, title, field, question, allowed, answer}, in that
 * order. Written from audited registers, read back once answered (see {@link Answers}).
 *
 * <p>The {@code programme} column holds the agreement's {@code programme} as given or, without one,
 * {@code title / requestedBy} when both are given: either way text whose key ({@link Programmes#key},
 * ignoring case and white space) is the agreement's programme key, so a row matches its programme's
 * agreements in every register.
 */
public final class Questionnaire {
    /** The columns, in the order v1.1 fixes. */
    public static final List<String> COLUMNS =
            List.of("practice", "agreementId", "programme", "title", "field", "question", "allowed", "answer");

    /**
     * The optional column v1.2 adds, after the others: the ICB's own words on its answer, kept in the
     * applied answer's history entry. Written (empty) in every questionnaire, so the ICB has a place for them.
     */
    public static final String COMMENT = "comment";

    /** The columns written: the v1.1 columns, then {@link #COMMENT}. */
    public static final List<String> WRITTEN_COLUMNS = java.util.stream.Stream.concat(COLUMNS.stream(),
            java.util.stream.Stream.of(COMMENT)).toList();

    /**
     * Fields whose answer may differ between the practices holding one programme: asked per practice in
     * a system questionnaire. Everything else is a fact of the agreement itself, asked once.
     */
    public static final Set<String> PRACTICE_FIELDS =
            Set.of("status", "signedOn", "reviewDue", "lmcAdvice", "notes", "icbAssessment.requestedOn");

    private static final CsvMapper CSV = JacksonSupport.csvMapper();

    private Questionnaire() {
    }

    /**
     * One row.
     *
     * @param row         its spreadsheet row number (the header is row 1), or 0 for a row not read from a file
     * @param practice    the practice's ODS code, or null
     * @param agreementId the agreement's id, or null for a row asked once for a whole programme
     * @param programme   the programme's name (see the class comment), or null
     * @param title       the agreement's title, or null
     * @param field       the field path the answer fills
     * @param question    the question
     * @param allowed     the values the answer may take, in words
     * @param answer      the answer, or null while unanswered
     * @param problem     why a cell of the row the answer depends on could not be read (an {@code .xlsx}
     *                    formula with no saved value, an error cell, a merged cell), naming the column and
     *                    cell; null for a row read whole. A row with a problem is refused, never applied.
     * @param comment     the ICB's own words on the row (the optional {@code comment} column, record-format.md
     *                    v1.2), kept in the history entry of an applied answer; null when none
     */
    public record Row(int row, String practice, String agreementId, String programme, String title, String field,
            String question, String allowed, String answer, String problem, String comment) {
        public Row {
            Objects.requireNonNull(field, "field");
        }

        /** A row without a comment. */
        public Row(int row, String practice, String agreementId, String programme, String title, String field,
                String question, String allowed, String answer, String problem) {
            this(row, practice, agreementId, programme, title, field, question, allowed, answer, problem, null);
        }

        /** A row read whole. */
        public Row(int row, String practice, String agreementId, String programme, String title, String field,
                String question, String allowed, String answer) {
            this(row, practice, agreementId, programme, title, field, question, allowed, answer, null, null);
        }

        /** Whether someone has answered this row. */
        public boolean answered() {
            return answer != null && !answer.isBlank();
        }

        List<String> cells() {
            List<String> c = new ArrayList<>(9);
            for (String s : new String[] {practice, agreementId, programme, title, field, question, allowed, answer, comment}) {
                c.add(s == null ? "" : s);
            }
            return c;
        }
    }

    /** The rows for one practice's register: every open question of every agreement its letter asks about. */
    public static List<Row> of(AuditedRegister register) {
        List<Row> rows = new ArrayList<>();
        for (Decided x : register.decided()) {
            Decision d = x.decision();
            Agreement a = x.agreement();
            for (OpenQuestion q : OpenQuestions.of(d, a)) {
                rows.add(row(register.odsCode(), a, q));
            }
        }
        return rows;
    }

    /**
     * One questionnaire for several practices: each fact of an agreement itself is asked once per
     * programme (practice and agreementId blank, the programme named), when any practice holding it
     * needs it; a fact that may differ between practices ({@link #PRACTICE_FIELDS}), a party's field
     * (which needs the agreementId: parties are numbered per register) and every question about an
     * agreement without a programme key are asked per practice. Programmes come in the order they
     * are first met, register by register.
     */
    public static List<Row> ofSystem(List<AuditedRegister> registers) {
        return ofSystem(registers, Programmes.shipped());
    }

    /** As {@link #ofSystem(List)}, programmes grouped by key with {@code aliases} resolved (record-format.md v1.2). */
    public static List<Row> ofSystem(List<AuditedRegister> registers, org.dsarules.catalogue.ProgrammeAliases aliases) {
        Map<String, Map<String, Row>> byProgramme = new LinkedHashMap<>();
        List<Row> practiceRows = new ArrayList<>();
        // A programme's row names it as most practices typed it, as the LMC's letter heads it (SystemAudit), so
        // the letter and its questionnaire name one programme alike; any of the names matches it back.
        Map<String, List<String>> typed = new LinkedHashMap<>();
        for (AuditedRegister r : registers) {
            for (Decided x : r.decided()) {
                String key = Programmes.key(x.agreement(), aliases);
                if (key != null) {
                    typed.computeIfAbsent(key, k -> new ArrayList<>()).add(programmeText(x.agreement()));
                }
            }
        }
        for (AuditedRegister r : registers) {
            for (Decided x : r.decided()) {
                Decision d = x.decision();
                Agreement a = x.agreement();
                String key = Programmes.key(a, aliases);
                for (OpenQuestion q : OpenQuestions.of(d, a)) {
                    boolean perPractice = key == null || PRACTICE_FIELDS.contains(q.field()) || q.field().startsWith("parties[");
                    if (perPractice) {
                        Row row = row(r.odsCode(), a, q);
                        practiceRows.add(row);
                    } else {
                        Map<String, Row> fields = byProgramme.computeIfAbsent(key, k -> new LinkedHashMap<>());
                        fields.putIfAbsent(q.field(), new Row(0, null, null, SystemAudit.label(typed.get(key)), a.title(),
                                q.field(), q.question(), allowed(q.field()), null));
                    }
                }
            }
        }
        // Programme rows first (asked once), then the rows for each practice.
        List<Row> out = new ArrayList<>();
        byProgramme.values().forEach(m -> out.addAll(m.values()));
        out.addAll(practiceRows);
        return out;
    }

    /** Writes the header and the rows as CSV (RFC 4180, {@code \n} line ends). Does not close the writer. */
    public static void write(List<Row> rows, Writer out) {
        try (JsonGenerator g = CSV.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            writeRow(g, WRITTEN_COLUMNS);
            for (Row r : rows) {
                writeRow(g, r.cells());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the questionnaire: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the header and the rows as an Excel workbook, the same columns on its first sheet (see
     * {@link QuestionnaireWorkbook}). Does not close {@code out}.
     */
    public static void writeWorkbook(List<Row> rows, OutputStream out) throws IOException {
        try {
            QuestionnaireWorkbook.write(rows, out);
        } catch (NoClassDefFoundError e) {
            throw QuestionnaireWorkbook.noPoi(e);
        }
    }

    private static void writeRow(JsonGenerator g, List<String> cells) throws IOException {
        g.writeStartArray();
        for (String c : cells) {
            g.writeString(CsvCells.guard(c));
        }
        g.writeEndArray();
    }

    /**
     * Reads an answered questionnaire, or the LMC's advice file (a header with {@code programme} and
     * {@code advice} and no {@code field}: see {@link #isLmcAdvice}). The questionnaire's header must hold the v1.1 columns (in any order; others
     * are ignored, so a spreadsheet's extra notes column does no harm); rows whose cells are all empty
     * are skipped.
     *
     * A file whose name ends {@code .xlsx} is read as a workbook: its first sheet, the same columns.
     *
     * @throws RegisterFormatException naming the file, when it cannot be read, is not CSV or lacks a column
     */
    public static List<Row> read(Path file) {
        return readAnswered(file).rows();
    }

    /**
     * An answered questionnaire as read, with the warnings its reading gave: one line for a CSV file read as
     * Windows-1252, one naming the columns the format does not name (ignored). Each line names the file.
     */
    public record Answered(List<Row> rows, List<String> warnings) {
        public Answered {
            rows = List.copyOf(rows);
            warnings = List.copyOf(warnings);
        }
    }

    /** As {@link #read(Path)}, with the reading's warnings (record-format.md v1.2). */
    public static Answered readAnswered(Path file) {
        List<String> warnings = new ArrayList<>();
        if (isWorkbook(file)) {
            try {
                return new Answered(QuestionnaireWorkbook.read(file, warnings), warnings);
            } catch (NoClassDefFoundError e) {
                throw QuestionnaireWorkbook.noPoi(e);
            }
        }
        try (Reader reader = Utf8Input.spreadsheetReader(file, warnings::add)) {
            return new Answered(read(reader, file.toString(), warnings), warnings);
        } catch (IOException e) {
            throw new RegisterFormatException(file + ": cannot read the questionnaire: " + e.getMessage(), e);
        }
    }

    /** Whether {@code file}'s name says it is an Excel workbook ({@code .xlsx}, any case) rather than CSV. */
    public static boolean isWorkbook(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** Reads an answered questionnaire from {@code reader}; messages call it {@code name}. */
    public static List<Row> read(Reader reader, String name) {
        return read(reader, name, null);
    }

    private static List<Row> read(Reader reader, String name, List<String> warnings) {
        try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader)) {
            // numbered as they come, so that a parse error is still met (and reported) inside this try
            Iterator<Line> lines = new Iterator<>() {
                private int row;

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Line next() {
                    List<String> cells = new ArrayList<>(it.next());
                    cells.replaceAll(CsvCells::unguard);
                    return new Line(++row, cells);
                }
            };
            return read(lines, name, warnings);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RegisterFormatException rfe) {
                throw rfe;
            }
            throw new RegisterFormatException(name + ": not a readable CSV questionnaire: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }

    /**
     * One spreadsheet row as text: its 1-based row number, its cells (an absent cell may be null or empty),
     * and by 0-based column what made a cell unreadable ({@code cell H4: ...}; a workbook's only).
     */
    record Line(int row, List<String> cells, Map<Integer, String> problems) {
        Line(int row, List<String> cells) {
            this(row, cells, Map.of());
        }

        /** The first problem among {@code columns} (with the header's names), as "column NAME (cell H4): ...", or null. */
        String problem(List<String> header, int... columns) {
            for (int c : java.util.stream.IntStream.of(columns).sorted().toArray()) {
                String p = c < 0 ? null : problems.get(c);
                if (p != null) {
                    int colon = p.indexOf(": ");
                    return "column " + header.get(c).strip() + " (" + p.substring(0, colon) + ")" + p.substring(colon);
                }
            }
            return null;
        }
    }

    /**
     * The rows of a questionnaire or LMC advice file from its lines, whatever form they were saved in
     * (CSV or the first sheet of a workbook): one reading of the header and the cells for both.
     */
    static List<Row> read(Iterator<Line> it, String name) {
        return read(it, name, null);
    }

    /** As {@link #read(Iterator, String)}, adding to {@code warnings} (when not null) a line naming the columns ignored. */
    static List<Row> read(Iterator<Line> it, String name, List<String> warnings) {
        if (!it.hasNext()) {
            throw new RegisterFormatException(name + ": the questionnaire is empty: it needs a header row "
                    + String.join(",", COLUMNS));
        }
        List<String> header = it.next().cells();
        if (indexOf(header, "field") < 0 && indexOf(header, "advice") >= 0 && indexOf(header, "programme") >= 0) {
            return lmcAdvice(it, header, indexOf(header, "programme"), indexOf(header, "advice"));
        }
        int[] at = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            at[c] = indexOf(header, COLUMNS.get(c));
            if (at[c] < 0) {
                throw new RegisterFormatException(name + ": the questionnaire has no column " + COLUMNS.get(c)
                        + " in its header row; the columns are " + String.join(", ", COLUMNS));
            }
        }
        int comment = indexOf(header, "comment");
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).strip().replace("\uFEFF", "");
            if (!h.isEmpty() && !h.startsWith("#") && i != comment && !contains(at, i)) {
                ignored.add(h);
            }
        }
        if (!ignored.isEmpty() && warnings != null) {
            warnings.add(name + ": column" + (ignored.size() == 1 ? " " : "s ") + String.join(", ", ignored)
                    + (ignored.size() == 1 ? " is" : " are") + " not a column of the questionnaire format and "
                    + (ignored.size() == 1 ? "was" : "were") + " ignored (the columns are " + String.join(", ", COLUMNS)
                    + ", and comment; a column headed # is the practice's own)");
        }
        List<Row> rows = new ArrayList<>();
        while (it.hasNext()) {
            Line line = it.next();
            List<String> cells = line.cells();
            String problem = line.problem(header, at);
            if (problem == null && cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            String[] v = new String[COLUMNS.size()];
            for (int c = 0; c < v.length; c++) {
                String cell = at[c] < cells.size() ? cells.get(at[c]) : null;
                v[c] = cell == null || cell.isBlank() ? null : (c == 7 || c == 5 ? cell : cell.strip());
            }
            String note = comment >= 0 && comment < cells.size() ? blankToNull(cells.get(comment)) : null;
            rows.add(new Row(line.row(), v[0], v[1], v[2], v[3], v[4] == null ? "" : v[4], v[5], v[6], v[7], problem, note));
        }
        return rows;
    }

    /**
     * The LMC's advice file (columns {@code programme} and {@code advice}: KEEP or WITHDRAW, or NONE to
     * clear it) as questionnaire rows answering {@code lmcAdvice} for each programme in every register:
     * the LMC's advice goes through the same answer path as the ICB's answers.
     */
    private static List<Row> lmcAdvice(Iterator<Line> it, List<String> header, int programme, int advice) {
        List<Row> rows = new ArrayList<>();
        while (it.hasNext()) {
            Line line = it.next();
            List<String> cells = line.cells();
            int rowNumber = line.row();
            String p = programme < cells.size() ? blankToNull(cells.get(programme)) : null;
            String a = advice < cells.size() ? blankToNull(cells.get(advice)) : null;
            String problem = line.problem(header, programme, advice);
            if (problem == null && (p == null && a == null || p != null && p.startsWith("#"))) {
                continue;
            }
            rows.add(new Row(rowNumber, null, null, p, null, "lmcAdvice", "The LMC's advice for this programme",
                    allowed("lmcAdvice"), a, problem));
        }
        return rows;
    }

    /** Whether {@code rows} came from an LMC advice file (see {@link #read}): every row answers lmcAdvice by programme. */
    public static boolean isLmcAdvice(List<Row> rows) {
        return !rows.isEmpty() && rows.stream().allMatch(r -> r.field().equals("lmcAdvice") && r.agreementId() == null
                && r.practice() == null && "The LMC's advice for this programme".equals(r.question()));
    }

    private static boolean contains(int[] at, int i) {
        return IntStream.of(at).anyMatch(x -> x == i);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static int indexOf(List<String> header, String column) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).strip();
            if (i == 0 && h.startsWith("\uFEFF")) {
                h = h.substring(1);
            }
            if (h.toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    private static Row row(String odsCode, Agreement a, OpenQuestion q) {
        return new Row(0, odsCode, a.id(), programmeText(a), a.title(), q.field(), q.question(), allowed(q.field()), null);
    }

    /** The text of the programme column for {@code a}, whose key is the agreement's programme key; or null. */
    static String programmeText(Agreement a) {
        if (Programmes.normalise(a.programme()) != null) {
            return a.programme().strip();
        }
        return Programmes.key(a) == null ? null : a.title().strip() + " / " + a.requestedBy().strip();
    }

    /** The allowed column for a field path, from the field catalogue. */
    public static String allowed(String path) {
        return Fields.field(path).map(Fields.Field::allowed).orElse("text");
    }
}
