package org.dsarules.round;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dsarules.json.AgreementJson;
import org.dsarules.json.RegisterFiles;
import org.dsarules.model.Agreement;
import org.dsarules.model.Practice;
import org.dsarules.model.Register;

/**
 * Writes a register back in its own form, JSON or CSV, for {@code answer}: the form
 * {@code record-format.md} reads, so that the written register audits as the one held in memory.
 * JSON: an object with {@code practice} (when there is one) and {@code agreements}, two-space indent.
 * CSV: a header of the columns the agreements use (nested fields flattened with {@code .}, parties and
 * history entries by index), one agreement a row, lists joined with {@code ;}.
 */
public final class RegisterOutput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = new CsvMapper();

    private RegisterOutput() {
    }

    /** Writes {@code register} in {@code format} to {@code out} (UTF-8); does not close it. */
    public static void write(Register register, RegisterFiles.Format format, OutputStream out) {
        try {
            if (format == RegisterFiles.Format.CSV) {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                csv(register, w);
                w.flush();
            } else {
                json(register, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the register: " + e.getMessage(), e);
        }
    }

    private static void json(Register register, OutputStream out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        Practice p = register.practice();
        if (p != null) {
            ObjectNode n = root.putObject("practice");
            if (p.odsCode() != null) {
                n.put("odsCode", p.odsCode());
            }
            if (p.name() != null) {
                n.put("name", p.name());
            }
            if (p.icb() != null) {
                n.put("icb", p.icb());
            }
            p.other().forEach((k, v) -> n.set(k, JSON.valueToTree(v)));
        }
        ArrayNode list = root.putArray("agreements");
        register.agreements().forEach(a -> list.add(AgreementJson.toJson(a)));
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        JsonGenerator g = JSON.getFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
        JSON.writeTree(g, root);
        g.writeRaw('\n');
        g.flush();
    }

    private static void csv(Register register, Writer out) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        columns.add("id");
        for (Agreement a : register.agreements()) {
            Map<String, String> cells = new LinkedHashMap<>();
            flatten("", AgreementJson.toJson(a), cells);
            columns.addAll(cells.keySet());
            rows.add(cells);
        }
        try (JsonGenerator g = CSV.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartArray();
            for (String c : columns) {
                g.writeString(c);
            }
            g.writeEndArray();
            for (Map<String, String> r : rows) {
                g.writeStartArray();
                for (String c : columns) {
                    g.writeString(r.getOrDefault(c, ""));
                }
                g.writeEndArray();
            }
        }
    }

    private static void flatten(String path, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out));
        } else if (n.isArray()) {
            if (n.size() > 0 && n.get(0).isObject()) {
                for (int i = 0; i < n.size(); i++) {
                    flatten(path + "[" + i + "]", n.get(i), out);
                }
            } else if (n.isEmpty()) {
                out.put(path, "[]");
            } else {
                StringBuilder sb = new StringBuilder();
                n.forEach(v -> sb.append(sb.length() == 0 ? "" : ";").append(v.asText()));
                out.put(path, sb.toString());
            }
        } else if (!n.isNull()) {
            out.put(path, n.asText());
        }
    }
}
