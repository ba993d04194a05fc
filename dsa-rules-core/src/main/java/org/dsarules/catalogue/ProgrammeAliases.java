package org.dsarules.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A table of aliases: other names for a programme, each mapped to the name whose {@link ProgrammeKey}
 * the programme goes by ({@code record-format.md} v1.2, "Programme keys"). The catalogue ships the names
 * of its entries as aliases ({@link Catalogue#aliases()}); a user adds more with an alias file, a CSV
 * with the columns {@code alias,programme} ({@link #readCsv(Path)}).
 *
 * <p>Resolution follows aliases transitively: a user's {@code Pandemic data,GDPPR} and the catalogue's
 * {@code GDPPR} → {@code gdppr} give {@code Pandemic data} the key {@code gdppr}. A name that is no alias
 * keeps its own key. Instances are immutable and thread-safe.
 */
public final class ProgrammeAliases {
    private static final ProgrammeAliases EMPTY = new ProgrammeAliases(Map.of());

    /** One alias: the key it maps to, the name as written, and where it comes from (for messages). */
    private record Mapping(ProgrammeKey target, String programme, String origin) {
    }

    private final Map<ProgrammeKey, Mapping> table;

    private ProgrammeAliases(Map<ProgrammeKey, Mapping> table) {
        this.table = Collections.unmodifiableMap(new TreeMap<>(table));
        checkNoCycle();
    }

    /** No aliases: every name is its own key. */
    public static ProgrammeAliases empty() {
        return EMPTY;
    }

    /**
     * This table with {@code alias} mapped to {@code programme}. An alias whose key is the programme's own
     * key changes nothing; one already mapped to another programme is an error naming both origins.
     *
     * @param origin where the alias comes from, for messages ({@code aliases.csv line 4})
     * @throws CatalogueException when the alias or programme has no key, when the alias already maps to
     *                            another programme, or when the aliases would form a cycle
     */
    public ProgrammeAliases with(String alias, String programme, String origin) {
        Objects.requireNonNull(origin, "origin");
        ProgrammeKey from = ProgrammeKey.of(alias);
        ProgrammeKey to = ProgrammeKey.of(programme);
        if (from == null) {
            throw new CatalogueException(origin + ": the alias \"" + Objects.toString(alias, "")
                    + "\" has no letter or digit, so it names no programme");
        }
        if (to == null) {
            throw new CatalogueException(origin + ": the programme \"" + Objects.toString(programme, "")
                    + "\" has no letter or digit, so it names no programme");
        }
        if (from.equals(to)) {
            return this;
        }
        Mapping had = table.get(from);
        if (had != null) {
            if (had.target().equals(to)) {
                return this;
            }
            throw new CatalogueException(origin + ": the alias \"" + alias + "\" maps to \"" + programme
                    + "\", but " + had.origin() + " already maps it to \"" + had.programme() + "\"");
        }
        Map<ProgrammeKey, Mapping> next = new TreeMap<>(table);
        next.put(from, new Mapping(to, programme.strip(), origin));
        return new ProgrammeAliases(next);
    }

    /**
     * The aliases of this table and of {@code later}; where both map the same alias to different
     * programmes, {@code later} wins (so a user's alias file, added after the catalogue's names, can
     * regroup a name on purpose).
     *
     * @throws CatalogueException when the two together would form a cycle
     */
    public ProgrammeAliases plus(ProgrammeAliases later) {
        Objects.requireNonNull(later, "later");
        if (later.table.isEmpty()) {
            return this;
        }
        if (table.isEmpty()) {
            return later;
        }
        Map<ProgrammeKey, Mapping> next = new TreeMap<>(table);
        next.putAll(later.table);
        return new ProgrammeAliases(next);
    }

    /** The key of {@code name} after aliases; null when the name has no key (null, blank or punctuation only). */
    public ProgrammeKey resolve(String name) {
        return resolve(ProgrammeKey.of(name));
    }

    /** {@code key} after aliases, followed to the end; null for null. */
    public ProgrammeKey resolve(ProgrammeKey key) {
        ProgrammeKey k = key;
        // The constructor refused cycles, so this ends; the bound only guards against a mistake there.
        for (int i = 0; k != null && i <= table.size(); i++) {
            Mapping m = table.get(k);
            if (m == null) {
                return k;
            }
            k = m.target();
        }
        return k;
    }

    /** Whether {@code name} resolves to the same key as {@code other}; false when either has no key. */
    public boolean same(String name, String other) {
        ProgrammeKey a = resolve(name);
        return a != null && a.equals(resolve(other));
    }

    /** Where the alias {@code name} comes from, if it is one. */
    public Optional<String> originOf(String name) {
        ProgrammeKey k = ProgrammeKey.of(name);
        return k == null ? Optional.empty() : Optional.ofNullable(table.get(k)).map(Mapping::origin);
    }

    /** Every alias key with the key it maps to directly, sorted by alias key. */
    public Map<ProgrammeKey, ProgrammeKey> asMap() {
        Map<ProgrammeKey, ProgrammeKey> out = new LinkedHashMap<>();
        table.forEach((k, m) -> out.put(k, m.target()));
        return Collections.unmodifiableMap(out);
    }

    /** How many aliases the table holds. */
    public int size() {
        return table.size();
    }

    /**
     * Reads an alias file: UTF-8 CSV whose header names the columns {@code alias} and {@code programme}
     * (any order, any case; other columns are ignored). A blank line, or a line whose first cell starts
     * with {@code #}, is skipped. Cells may be quoted with {@code "} as spreadsheets write them.
     *
     * @throws CatalogueException naming the file and line for an unreadable file, a missing column, an
     *                            empty cell, an alias mapped twice to different programmes, or a cycle
     */
    public static ProgrammeAliases readCsv(Path file) {
        Objects.requireNonNull(file, "file");
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            return readCsv(in, file.toString());
        } catch (CharacterCodingException e) {
            throw new CatalogueException(file + ": not UTF-8 text; save the alias file as CSV UTF-8", e);
        } catch (IOException e) {
            throw new CatalogueException(file + ": cannot read the alias file: " + e.getMessage(), e);
        }
    }

    /** Reads an alias file from {@code in}; {@code sourceName} names it in messages. See {@link #readCsv(Path)}. */
    public static ProgrammeAliases readCsv(Reader in, String sourceName) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        List<List<String>> rows;
        List<Integer> lines = new ArrayList<>();
        try {
            rows = Csv.read(new BufferedReader(in), lines);
        } catch (IOException e) {
            throw new CatalogueException(sourceName + ": cannot read the alias file: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(sourceName + ": " + e.getMessage(), e);
        }
        int aliasColumn = -1;
        int programmeColumn = -1;
        ProgrammeAliases out = EMPTY;
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String where = sourceName + " line " + lines.get(r);
            if (row.stream().allMatch(String::isBlank) || row.get(0).strip().startsWith("#")) {
                continue;
            }
            if (aliasColumn < 0) {
                for (int c = 0; c < row.size(); c++) {
                    String h = row.get(c).strip().toLowerCase(Locale.ROOT);
                    if (h.equals("alias") && aliasColumn < 0) {
                        aliasColumn = c;
                    } else if (h.equals("programme") && programmeColumn < 0) {
                        programmeColumn = c;
                    }
                }
                if (aliasColumn < 0 || programmeColumn < 0) {
                    throw new CatalogueException(where + ": the header must name the columns alias and programme"
                            + " (found " + String.join(",", row) + ")");
                }
                continue;
            }
            String alias = cell(row, aliasColumn);
            String programme = cell(row, programmeColumn);
            if (alias.isBlank() || programme.isBlank()) {
                throw new CatalogueException(where + ": both alias and programme must be given (found \""
                        + alias + "\", \"" + programme + "\")");
            }
            out = out.with(alias, programme, where);
        }
        if (aliasColumn < 0) {
            throw new CatalogueException(sourceName + ": no header row alias,programme (the file is empty)");
        }
        return out;
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() ? row.get(column).strip() : "";
    }

    private void checkNoCycle() {
        for (ProgrammeKey start : table.keySet()) {
            Set<ProgrammeKey> seen = new LinkedHashSet<>();
            ProgrammeKey k = start;
            while (k != null && table.containsKey(k)) {
                if (!seen.add(k)) {
                    List<String> origins = new ArrayList<>();
                    seen.forEach(s -> origins.add(table.get(s).origin()));
                    throw new CatalogueException("aliases form a cycle (" + String.join(" → ",
                            seen.stream().map(ProgrammeKey::value).toList()) + " → " + k.value()
                            + "): see " + String.join("; ", origins));
                }
                k = table.get(k).target();
            }
        }
    }

    @Override
    public String toString() {
        return "ProgrammeAliases" + asMap();
    }

    /** The small part of CSV an alias file needs: quoted cells, doubled quotes, CRLF, a byte order mark. */
    static final class Csv {
        private Csv() {
        }

        /** The rows of {@code in}; {@code lines} receives each row's 1-based first line number. */
        static List<List<String>> read(BufferedReader in, List<Integer> lines) throws IOException {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int line = 1;
            int rowLine = 1;
            int c = in.read();
            if (c == '\uFEFF') {
                c = in.read();
            }
            for (; c != -1; c = in.read()) {
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            cell.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                in.reset();
                            }
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        cell.append(ch);
                    }
                } else if (ch == '"' && cell.toString().isBlank()) {
                    quoted = true;
                    cell.setLength(0);
                    any = true;
                } else if (ch == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    any = true;
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r') {
                        in.mark(1);
                        if (in.read() != '\n') {
                            in.reset();
                        }
                    }
                    row.add(cell.toString());
                    rows.add(row);
                    lines.add(rowLine);
                    row = new ArrayList<>();
                    cell.setLength(0);
                    any = false;
                    line++;
                    rowLine = line;
                } else {
                    cell.append(ch);
                    any = true;
                }
            }
            if (quoted) {
                throw new IllegalArgumentException("line " + rowLine + ": a quoted cell is not closed");
            }
            if (any || !row.isEmpty() || cell.length() > 0) {
                row.add(cell.toString());
                rows.add(row);
                lines.add(rowLine);
            }
            return rows;
        }
    }
}
