package org.dsarules.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.register.FormReader;
import org.dsarules.register.csv.CsvRegisterReader;
import org.dsarules.register.json.RegisterReader;
import org.dsarules.model.Agreement;
import org.dsarules.model.Practice;
import org.dsarules.model.Register;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterFiles;
import org.dsarules.register.RegisterSource;

/**
 * Registers as text, read and written only through the library's public register API
 * ({@link RegisterFiles}), so that the workspace reads a file exactly as {@code dsa-audit} does, with the
 * same messages. The public readers take a file: text held in memory is written to a private temporary
 * directory under the name the user gave, and the temporary directory is taken out of any message.
 */
public final class RegisterText {
    static final ObjectMapper JSON = new ObjectMapper();

    private RegisterText() {
    }

    /** A whole register as read: the practice block (or null) and every entry, valid or in error, in order. */
    public record Read(Practice practice, List<RegisterEntry> entries) {
    }

    /** Reads {@code content} as a register file named {@code name} in {@code format}. */
    public static Read read(byte[] content, RegisterFiles.Format format, String name) {
        return withSource(content, format, name, source -> {
            List<RegisterEntry> entries = new ArrayList<>();
            while (source.hasNext()) {
                entries.add(source.next());
            }
            return new Read(source.practice(), entries);
        });
    }

    /**
     * Opens {@code content} as a register source and hands it to {@code use}, all within the temporary
     * file's life: for an audit that reads as it decides.
     */
    public static <T> T withSource(byte[] content, RegisterFiles.Format format, String name, Function<RegisterSource, T> use) {
        if (format != RegisterFiles.Format.XLSX) {
            // CSV and JSON are read from memory by the library's own readers: no temporary file on the edit path
            // (every edit reads its one record, every decided version its whole register).
            String shown = safeName(name, format);
            FormReader reader = format == RegisterFiles.Format.CSV ? CsvRegisterReader.defaults() : RegisterReader.defaults();
            try (RegisterSource source = reader.open(new ByteArrayInputStream(content), shown)) {
                return use.apply(source);
            } catch (RegisterFormatException e) {
                throw new WorkspaceException(String.valueOf(e.getMessage()), e);
            }
        }
        return withFile(content, name, format, file -> {
            try (RegisterSource source = RegisterFiles.open(file, format)) {
                return use.apply(source);
            }
        });
    }

    private static <T> T withFile(byte[] content, String name, RegisterFiles.Format format, Function<Path, T> use) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("dsa-workspace");
            Path file = dir.resolve(safeName(name, format));
            Files.write(file, content);
            try {
                return use.apply(file);
            } catch (RegisterFormatException e) {
                throw new WorkspaceException(String.valueOf(e.getMessage())
                        .replace(file.toString(), file.getFileName().toString()), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary copy of " + name, e);
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        Files.deleteIfExists(p);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    // A temporary copy left behind is the system's to clean; the read itself succeeded or failed already.
                }
            }
        }
    }

    /** The user's file name, kept only as far as it is a plain name, with the extension its format needs. */
    static String safeName(String name, RegisterFiles.Format format) {
        String n = name == null ? "" : name.replaceAll(".*[/\\\\]", "").replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (n.isEmpty() || n.startsWith(".")) {
            n = "register" + n;
        }
        String ext = switch (format) {
            case CSV -> ".csv";
            case XLSX -> ".xlsx";
            case JSON -> ".json";
        };
        return RegisterFiles.Format.of(Path.of(n)) == format && n.toLowerCase(java.util.Locale.ROOT).endsWith(ext) ? n : n + ext;
    }

    /** A register written in {@code format} by the library's own writer. */
    public static byte[] write(Register register, RegisterFiles.Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            RegisterFiles.writer(format).write(register, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Each agreement's JSON object as the library's JSON register writer writes it, in order. */
    public static List<String> agreementJson(List<Agreement> agreements) {
        try {
            JsonNode tree = JSON.readTree(write(new Register(null, agreements), RegisterFiles.Format.JSON));
            JsonNode list = tree.isArray() ? tree : tree.get("agreements");
            List<String> out = new ArrayList<>();
            for (JsonNode a : list) {
                out.add(JSON.writeValueAsString(a));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The practice block as the JSON writer writes it, or null. */
    public static String practiceJson(Practice practice) {
        if (practice == null) {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(write(new Register(practice, List.of()), RegisterFiles.Format.JSON));
            JsonNode p = tree.get("practice");
            return p == null || p.isNull() ? null : JSON.writeValueAsString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A register JSON document of stored parts: {@code {"practice": ..., "agreements": [...]}}. */
    public static byte[] assemble(String practiceJson, List<String> agreementJson) {
        StringBuilder b = new StringBuilder(64 + agreementJson.stream().mapToInt(String::length).sum());
        b.append('{');
        if (practiceJson != null) {
            b.append("\"practice\":").append(practiceJson).append(',');
        }
        b.append("\"agreements\":[");
        for (int i = 0; i < agreementJson.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(agreementJson.get(i));
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An agreement's JSON as register cells: each known field by its path of the format
     * ({@code legalRequirement.kind}, {@code parties[1].role}, {@code history[0].date}) with its value in
     * the CSV cell syntax (lists joined with {@code ;}, {@code []} for an empty list). A field not known
     * has no cell.
     */
    public static Map<String, String> cells(String agreementJson) {
        try {
            Map<String, String> out = new LinkedHashMap<>();
            flatten("", JSON.readTree(agreementJson), out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            if (a.isEmpty()) {
                out.put(prefix, "[]");
            } else if (a.get(0).isObject()) {
                for (int i = 0; i < a.size(); i++) {
                    flatten(prefix + "[" + i + "]", a.get(i), out);
                }
            } else {
                List<String> values = new ArrayList<>();
                a.forEach(v -> values.add(v.asText()));
                out.put(prefix, String.join(";", values));
            }
        } else {
            out.put(prefix, node.asText());
        }
    }

    /** One record as CSV text: the header of {@code cells}' paths and one row, every cell quoted. */
    public static byte[] csvRecord(Map<String, String> cells) {
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", cells.keySet().stream().map(RegisterText::quote).toList())).append("\r\n");
        b.append(String.join(",", cells.values().stream().map(RegisterText::quote).toList())).append("\r\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
