package org.dsarules.register.csv;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.internal.Utf8Input;
import org.dsarules.decision.RecordError;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.register.FormReader;
import org.dsarules.register.RegisterSource;
import org.dsarules.internal.JacksonSupport;

/**
 * Reads a register in the CSV form of {@code record-format.md}: one agreement a row under a header of
 * field names, nested fields flattened with {@code .} ({@code legalRequirement.kind}), parties as
 * {@code parties[0].name}, {@code parties[0].kind}, ..., list fields joined with {@code ;}.
 *
 * <p>{@link #open} streams, one row at a time. Each data row becomes a JSON tree shaped like a JSON
 * agreement and is validated as a record of a JSON register is, so the two forms of the same register
 * give the same agreements and the same errors; a CSV {@link RecordError} has the column's name as its
 * {@code field} ({@code parties[1].role}; {@code purposes} for an item of a list) and starts its message
 * with the spreadsheet row ({@code row 5: ...}); its {@code index} is the 0-based data row. Cells:
 * <ul>
 * <li>an empty cell (or one of white space only) is absent, that is not known; white space around an
 *     enum value, a date, a boolean and each list item is ignored; free text is taken as it is;</li>
 * <li>a boolean is {@code true} or {@code false} in any case; any other word is an error;</li>
 * <li>a list is its values separated by {@code ;} (empty items skipped); {@code []} alone is the empty
 *     list;</li>
 * <li>a party index whose cells are all empty is no party (later parties keep their column's index in
 *     error fields).</li>
 * </ul>
 * Rows: a UTF-8 byte order mark is skipped; a row whose first cell starts with {@code #} is a comment
 * and a row whose cells are all empty is skipped (neither is a record nor counted in {@code index}, both
 * count as spreadsheet rows); the first other row is the header. A CSV register has no practice block.
 *
 * <p>The whole input fails, with a {@link RegisterFormatException} whose one-line message names the
 * source: a file that cannot be read, not UTF-8, not valid CSV (with the line), no header row, a header
 * naming a column the format does not have (with the nearest column's name), a column given twice, no
 * {@code id} column, a party index over 999, a row with a value beyond the header's last column or
 * under a column without a name, a cell over 1,000,000 characters.
 *
 * <p>Instances are immutable and thread-safe; a {@link RegisterSource} is for one thread.
 */
public final class CsvRegisterReader extends FormReader {
    /** Longest cell, in characters: the format's longest string. */
    public static final int MAX_CELL_LENGTH = 1_000_000;

    /** The factory every CSV parser and generator of this package comes from: limits set deliberately. */
    static final CsvFactory FACTORY = CsvFactory.builder()
            .recyclerPool(JacksonSupport.pool())
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_CELL_LENGTH)
                    .build())
            .build();

    private static final CsvRegisterReader DEFAULTS = new CsvRegisterReader();

    private CsvRegisterReader() {
    }

    /** The reader with the format's limits. */
    public static CsvRegisterReader defaults() {
        return DEFAULTS;
    }

    /**
     * Opens a CSV register file: UTF-8, or Windows-1252 when it is not UTF-8 (record-format.md v1.2, what
     * Excel writes for "CSV (Comma delimited)"), the source's {@link RegisterSource#warnings()} then saying so
     * in one line naming the file.
     */
    @Override
    public RegisterSource open(Path file) {
        String name = file.toString();
        List<String> warnings = new ArrayList<>();
        Reader reader;
        try {
            reader = Utf8Input.spreadsheetReader(file, warnings::add);
        } catch (IOException e) {
            throw CsvFailures.of(name, e, null, 0);
        }
        try {
            return CsvRegisterSource.open(reader, name).withWarnings(warnings);
        } catch (IOException e) {
            try {
                reader.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw CsvFailures.of(name, e, null, 0);
        }
    }

    /** Opens a CSV register given as UTF-8 bytes (a byte order mark is skipped); its header is read at once. */
    @Override
    public RegisterSource open(InputStream in, String sourceName) {
        return openText(in, sourceName, (name, e) -> CsvFailures.of(name, e, null, 0), CsvRegisterSource::open);
    }
}
