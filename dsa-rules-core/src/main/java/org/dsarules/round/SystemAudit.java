package org.dsarules.round;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.dsarules.decision.Decided;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.RecordError;
import org.dsarules.model.Agreement;

/**
 * Several practices' registers audited together, as an LMC sees its system: the agreements grouped
 * by programme ({@link Programmes#key}), which practices hold each programme and with what outcome,
 * and, where the outcomes differ, the facts that differ between the practices' agreements, which are
 * what make the outcomes differ (the rules read nothing else). An agreement without a programme key
 * is a programme of its own.
 *
 * @param registers  the audited registers, one per practice, in the order given
 * @param programmes the programmes, in the order first met register by register
 */
public record SystemAudit(List<AuditedRegister> registers, List<Programme> programmes) {

    /** One practice's agreement of a programme. */
    public record Holding(String practice, String practiceName, String register, Agreement agreement, Decision decision) {
        public Outcome outcome() {
            return decision.outcome();
        }
    }

    /**
     * A fact that differs between the holdings of a programme: its path and each holding's value (null: not known;
     * {@code lmcAdvice} not given is {@code NONE}, its meaning).
     */
    public record Difference(String field, List<String> values) {
        public Difference {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /**
     * One programme across the system.
     *
     * @param key         its key, or null for an agreement without one
     * @param label       a name to show
     * @param holdings    the practices' agreements of it, in register order
     * @param differences where the outcomes differ, the facts that differ, in the format's order (values in
     *                    holding order); empty when the outcomes agree
     */
    public record Programme(String key, String label, List<Holding> holdings, List<Difference> differences) {
        public Programme {
            holdings = List.copyOf(holdings);
            differences = List.copyOf(differences);
        }

        /** The practices (ODS codes) holding it, each once. */
        public Set<String> practices() {
            Set<String> s = new LinkedHashSet<>();
            holdings.forEach(h -> s.add(h.practice()));
            return s;
        }

        /** Whether the holdings' outcomes differ. */
        public boolean outcomesDiffer() {
            return holdings.stream().map(Holding::outcome).distinct().count() > 1;
        }

        /** Whether only one practice holds it. */
        public boolean singlePractice() {
            return practices().size() == 1;
        }
    }

    public SystemAudit {
        registers = List.copyOf(registers);
        programmes = List.copyOf(programmes);
    }

    /** Groups the decided agreements of {@code registers} by programme. Records in error are left to each audit. */
    public static SystemAudit of(List<AuditedRegister> registers) {
        return of(registers, Programmes.shipped());
    }

    /**
     * Groups the decided agreements of {@code registers} by programme key, {@code aliases} resolved
     * (record-format.md v1.2: {@link Programmes#withShipped} gives the shipped aliases with a user's).
     */
    public static SystemAudit of(List<AuditedRegister> registers, org.dsarules.catalogue.ProgrammeAliases aliases) {
        Objects.requireNonNull(registers, "registers");
        Map<String, List<Holding>> byKey = new LinkedHashMap<>();
        Map<String, List<String>> labels = new LinkedHashMap<>();
        int unkeyed = 0;
        for (AuditedRegister r : registers) {
            String ods = r.odsCode() != null ? r.odsCode() : r.name();
            String name = r.practice() != null && r.practice().name() != null ? r.practice().name() : ods;
            for (Decided held : r.decided()) {
                Decision d = held.decision();
                Agreement a = held.agreement();
                String key = Programmes.key(a, aliases);
                // An agreement without a key is a programme of its own, under a key no real one can have.
                String k = key != null ? key : "\u0000" + (unkeyed++);
                byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(new Holding(ods, name, r.name(), a, d));
                labels.computeIfAbsent(k, x -> new ArrayList<>()).add(Programmes.label(a));
            }
        }
        List<Programme> programmes = new ArrayList<>();
        byKey.forEach((k, holdings) -> programmes.add(new Programme(k.startsWith("\u0000") ? null : k, label(labels.get(k)),
                holdings, differences(holdings))));
        return new SystemAudit(registers, programmes);
    }

    private static List<Difference> differences(List<Holding> holdings) {
        if (holdings.stream().map(Holding::outcome).distinct().count() <= 1) {
            return List.of();
        }
        List<Map<String, String>> facts = holdings.stream().map(h -> FieldPaths.of(h.agreement())).toList();
        TreeSet<String> paths = new TreeSet<>(FieldPaths.FORMAT_ORDER);
        facts.forEach(f -> paths.addAll(f.keySet()));
        List<Difference> out = new ArrayList<>();
        for (String p : paths) {
            // What names the programme (and free notes) is not what makes outcomes differ: the rules
            // never read title, requestedBy, programme or notes.
            if (p.equals("notes") || p.equals("title") || p.equals("requestedBy") || p.equals("programme")) {
                continue;
            }
            List<String> values = facts.stream().map(f -> sameMeaning(p, f.get(p))).toList();
            // A placeholder word ("TBC") is kept as the practice typed it, to be shown, but it counts as not
            // known (record-format v1.2), so "TBC" against nothing is no difference.
            if (values.stream().map(v -> FieldPaths.asRead(p, v)).distinct().count() > 1) {
                out.add(new Difference(p, values));
            }
        }
        return out;
    }

    /**
     * A value as the rules read it. {@code lmcAdvice} absent and {@code NONE} both mean "no advice given"
     * (record-format.md, decision-policy.md): the rules test only KEEP and WITHDRAW, so the two are one fact,
     * shown as {@code NONE}, and never a difference between practices.
     */
    private static String sameMeaning(String path, String value) {
        return path.equals("lmcAdvice") ? FieldPaths.asRead(path, value) : value;
    }

    /**
     * The name to show for a programme several practices hold under different spellings ("OpenSAFELY",
     * "opensafely"): the spelling most of them typed, the first met on a tie. Deterministic for the same registers.
     */
    static String label(List<String> typed) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        typed.forEach(t -> counts.merge(t, 1, Integer::sum));
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * A record of a practice's register that could not be decided. Every record of every register is in the
     * system's documents, decided or in error (issue 26): these are the ones in error, with their error.
     *
     * @param practice     the practice's ODS code (the register's name when it has none)
     * @param practiceName the practice's name, or its ODS code when the register names none
     * @param register     the register's name (its file name)
     * @param error        what is wrong with the record; its {@code index} is the record's 0-based position
     */
    public record InError(String practice, String practiceName, String register, RecordError error) {
        public InError {
            Objects.requireNonNull(error, "error");
        }

        /** The record's place in its register, counted from 1 (as a reader counts: "entry 3"). */
        public int entry() {
            return error.index() + 1;
        }

        /** The record's id where one could be read, else null. */
        public String dsaId() {
            return error.dsaId() == null || error.dsaId().isBlank() ? null : error.dsaId();
        }
    }

    /**
     * The records in error of every register, register by register in the order given, each register's in
     * input order. Derived from {@link #registers()}' results, so a {@code SystemAudit} built by its
     * constructor has them too.
     */
    public List<InError> inError() {
        List<InError> out = new ArrayList<>();
        for (AuditedRegister r : registers) {
            String ods = r.odsCode() != null ? r.odsCode() : r.name();
            String name = r.practice() != null && r.practice().name() != null ? r.practice().name() : ods;
            for (RecordError e : r.result().errors()) {
                out.add(new InError(ods, name, r.name(), e));
            }
        }
        return out;
    }

    /** The programmes held by more than one practice. */
    public List<Programme> shared() {
        return programmes.stream().filter(p -> !p.singlePractice()).toList();
    }

    /** The programmes held by one practice only. */
    public List<Programme> singlePractice() {
        return programmes.stream().filter(Programme::singlePractice).toList();
    }
}
