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
import org.dsarules.catalogue.ProgrammeAliases;
import org.dsarules.decision.Outcome;
import org.dsarules.model.Agreement;

/**
 * The programmes across practices, for the LMC: every agreement of the practices' newest registers grouped
 * under core's programme key ({@link org.dsarules.round.Programmes#key}, record-format.md v1.2: the
 * {@code programme} names equal ignoring case, white space and punctuation after the aliases, or without one
 * the {@code title} and {@code requestedBy} together), the key the system questionnaire, the LMC's letter and
 * the answers group by, with each practice's outcome and the facts the practices' registers disagree on. An
 * agreement with no key (no programme, and not both a title and a requester) is its own practice's only, as the
 * questionnaire asks it per practice: it is listed apart ({@link View#unkeyed}), never grouped by title alone.
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
     * @param key         core's programme key ({@code title/requestedby} for an agreement without a programme)
     * @param name        the catalogue's name when the agreement resolves to an entry, or the first name a register
     *                    gives (its programme, else its title)
     * @param catalogued  whether the catalogue knows it
     * @param members     each practice's agreement, by ODS code then agreement id
     * @param differences the facts that differ between members, in the register format's field order
     */
    public record Programme(String key, String name, boolean catalogued, List<Member> members, List<Difference> differences) {
        public long practices() {
            return members.stream().map(Member::odsCode).distinct().count();
        }

        /** The key as one segment of an address ({@code /programmes/{key}/advice}): a key's {@code /} as {@code ~}. */
        public String slug() {
            return Programmes.slug(key);
        }
    }

    /** The programmes, and the agreements that name no programme (each its practice's own). */
    public record View(List<Programme> programmes, List<Member> unkeyed) {
    }

    /**
     * Fields that name or date one practice's own copy, or name the programme (differently spelt by each practice,
     * the same programme by its key): never listed as a difference, as core's system report leaves them out.
     */
    private static final java.util.Set<String> OWN = java.util.Set.of("id", "title", "history", "programme", "requestedBy", "notes");

    /**
     * The key as one segment of an address: a key holds lower-case letters and digits, and {@code /} between a
     * title's and a requester's ({@link org.dsarules.round.Programmes#key}), which an address segment cannot hold.
     */
    public static String slug(String key) {
        return key == null ? null : key.replace('/', '~');
    }

    /** The key of an address segment made by {@link #slug}. */
    public static String unslug(String slug) {
        return slug == null ? null : slug.replace('~', '/');
    }

    /** The key this view groups an agreement under (the {@code key} of its {@link Programme}), or null: core's. */
    public static String key(Agreement a, ProgrammeAliases aliases) {
        return org.dsarules.round.Programmes.key(a, aliases);
    }

    /** The programmes of these practices' newest registers as of {@code asOf}, by name. */
    public static View across(Workspace ws, Collection<String> odsCodes, LocalDate asOf, Catalogue catalogue,
            ProgrammeAliases aliases) {
        Map<String, List<Member>> groups = new TreeMap<>();
        Map<String, String> firstName = new LinkedHashMap<>();
        Map<Member, Map<String, String>> cells = new java.util.IdentityHashMap<>();
        List<Member> unkeyed = new ArrayList<>();
        for (String ods : new TreeSet<>(odsCodes)) {
            if (ws.currentVersion(ods) == 0) {
                continue;
            }
            for (Registers.Row row : ws.current(ods, asOf).rows()) {
                Agreement a = row.agreement();
                Member m = new Member(ods, row.dsaId(), a.title(),
                        row.decision() == null ? null : row.decision().outcome(),
                        row.decision() == null ? null : row.decision().decisiveRule());
                String key = key(a, aliases);
                if (key == null) {
                    unkeyed.add(m);
                    continue;
                }
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
                firstName.putIfAbsent(key, org.dsarules.round.Programmes.label(a));
                cells.put(m, ws.cells(ods, row.dsaId()));
            }
        }
        List<Programme> out = new ArrayList<>();
        for (Map.Entry<String, List<Member>> g : groups.entrySet()) {
            // The entry of the first name, or of the key (an alias file's name resolves to a catalogue's only by key).
            Optional<CatalogueEntry> entry = catalogue.resolve(firstName.get(g.getKey()));
            if (entry.isEmpty() && !g.getKey().contains("/")) {
                entry = catalogue.resolve(g.getKey());
            }
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
                // compared as the rules read them (no advice and NONE, "TBC" and blank are one fact), shown as typed
                if (values.stream().map(v -> org.dsarules.round.FieldPaths.asRead(f, v)).distinct().count() > 1) {
                    differences.add(new Difference(f, values));
                }
            }
            out.add(new Programme(g.getKey(), entry.map(CatalogueEntry::name).orElse(firstName.get(g.getKey())),
                    entry.isPresent(), List.copyOf(g.getValue()), differences));
        }
        out.sort(java.util.Comparator.comparing(p -> p.name().toLowerCase(java.util.Locale.ROOT)));
        return new View(List.copyOf(out), List.copyOf(unkeyed));
    }
}
