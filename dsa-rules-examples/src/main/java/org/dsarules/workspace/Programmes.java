package org.dsarules.workspace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dsarules.catalogue.Catalogue;
import org.dsarules.catalogue.CatalogueEntry;
import org.dsarules.catalogue.ProgrammeKey;
import org.dsarules.decision.Outcome;

/**
 * The programmes across practices, for the LMC: every agreement of the practices' newest registers grouped
 * by programme key (record-format.md v1.2: names equal ignoring case, white space and punctuation, after
 * the catalogue's aliases), with each practice's outcome and the facts the practices' registers disagree on.
 */
public final class Programmes {
    private Programmes() {
    }

    /** One practice's agreement of a programme. */
    public record Member(String odsCode, String dsaId, String title, Outcome outcome, String rule) {
    }

    /** A fact whose value differs between the agreements of one programme: each agreement's value (blank: not known). */
    public record Difference(String field, List<String> values) {
    }

    /**
     * One programme across practices.
     *
     * @param name        the catalogue's name when the key resolves to an entry, or the first name a register gives
     * @param catalogued  whether the catalogue knows it
     * @param members     each practice's agreement, by ODS code then agreement id
     * @param differences the facts that differ between members, in the register format's field order
     */
    public record Programme(String key, String name, boolean catalogued, List<Member> members, List<Difference> differences) {
        public long practices() {
            return members.stream().map(Member::odsCode).distinct().count();
        }
    }

    /** Fields that name or date one practice's own copy; always differ, so never listed as a difference. */
    private static final java.util.Set<String> OWN = java.util.Set.of("id", "title", "history");

    /** The name an agreement is grouped by: its programme, or without one its title. */
    private static String named(org.dsarules.model.Agreement a) {
        return a.programme() != null && !a.programme().isBlank() ? a.programme() : a.title();
    }

    /** The key this view groups an agreement under (the {@code key} of its {@link Programme}), or null. */
    public static String key(org.dsarules.model.Agreement a, Catalogue catalogue) {
        String named = named(a);
        ProgrammeKey key = named == null || named.isBlank() ? null : catalogue.aliases().resolve(named);
        return key == null ? null : key.value();
    }

    /** The programmes of these practices' newest registers as of {@code asOf}, by name. */
    public static List<Programme> across(Workspace ws, Collection<String> odsCodes, LocalDate asOf, Catalogue catalogue) {
        Map<ProgrammeKey, List<Member>> groups = new TreeMap<>();
        Map<ProgrammeKey, String> firstName = new LinkedHashMap<>();
        Map<Member, Map<String, String>> cells = new java.util.IdentityHashMap<>();
        for (String ods : new TreeSet<>(odsCodes)) {
            if (ws.currentVersion(ods) == 0) {
                continue;
            }
            for (Registers.Row row : ws.current(ods, asOf).rows()) {
                String named = named(row.agreement());
                ProgrammeKey key = named == null || named.isBlank() ? null : catalogue.aliases().resolve(named);
                if (key == null) {
                    continue;
                }
                Member m = new Member(ods, row.dsaId(), row.agreement().title(),
                        row.decision() == null ? null : row.decision().outcome(),
                        row.decision() == null ? null : row.decision().decisiveRule());
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
                firstName.putIfAbsent(key, named.strip());
                cells.put(m, ws.cells(ods, row.dsaId()));
            }
        }
        List<Programme> out = new ArrayList<>();
        for (Map.Entry<ProgrammeKey, List<Member>> g : groups.entrySet()) {
            Optional<CatalogueEntry> entry = catalogue.resolve(firstName.get(g.getKey()));
            List<String> fields = new ArrayList<>();
            for (Member m : g.getValue()) {
                for (String f : cells.get(m).keySet()) {
                    if (!fields.contains(f) && !OWN.contains(f) && !f.startsWith("history")) {
                        fields.add(f);
                    }
                }
            }
            List<Difference> differences = new ArrayList<>();
            for (String f : fields) {
                List<String> values = g.getValue().stream().map(m -> cells.get(m).getOrDefault(f, "")).toList();
                if (values.stream().distinct().count() > 1) {
                    differences.add(new Difference(f, values));
                }
            }
            out.add(new Programme(g.getKey().value(), entry.map(CatalogueEntry::name).orElse(firstName.get(g.getKey())),
                    entry.isPresent(), List.copyOf(g.getValue()), differences));
        }
        out.sort(java.util.Comparator.comparing(p -> p.name().toLowerCase(java.util.Locale.ROOT)));
        return out;
    }
}
