package org.dsarules.register.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dsarules.model.Register;
import org.dsarules.register.RegisterWriter;
import org.dsarules.register.SheetRows;

/**
 * Writes a register as CSV (UTF-8): a header with every column the register needs (the practice
 * columns when it has a practice block, then the format's, with as many parties' and history
 * entries' columns as its largest agreement has), then one row per agreement, cells in the syntax
 * the reader reads. A CSV register carries only the practice block's {@code odsCode}, {@code name}
 * and {@code icb}: other keys of a JSON practice block are not written. A cell a spreadsheet program
 * would run as a formula is written with a {@code '} in front ({@link CsvCells}), which the reader removes.
 */
public final class CsvRegisterWriter implements RegisterWriter {

    @Override
    public void write(Register register, OutputStream out) throws IOException {
        SheetRows rows = SheetRows.of(register);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (JsonGenerator g = CsvRegisterReader.FACTORY.createGenerator(w)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            row(g, rows.header());
            for (List<String> r : rows.rows()) {
                row(g, r);
            }
        }
        w.flush();
    }

    private static void row(JsonGenerator g, List<String> cells) throws IOException {
        g.writeStartArray();
        for (String c : cells) {
            g.writeString(c == null ? "" : CsvCells.guard(c));
        }
        g.writeEndArray();
    }
}
