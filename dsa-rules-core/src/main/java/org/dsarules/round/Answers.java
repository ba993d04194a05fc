package org.dsarules.round;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.dsarules.model.Agreement;
import org.dsarules.model.HistoryEntry;
import org.dsarules.model.IcbStatus;
import org.dsarules.model.Register;
import org.dsarules.catalogue.ProgrammeAliases;
import org.dsarules.internal.Suggest;
import org.dsarules.model.Placeholders;
import org.dsarules.register.Fields;
import org.dsarules.register.SheetRecords;

/**
 * Applies an answered questionnaire to one register or several, as {@code record-format.md} v1.1 and
 * v1.2 say: each answered row sets its field from the answer in the CSV cell syntax, and is applied or
 * refused on its own (a refused row is reported with its row number and why; the other rows of the same
 * agreement still apply); a row asked once for a programme across practices (no practice, no
 * agreementId) never replaces a different value a practice already holds (a {@link Conflict}; a held
 * placeholder word counts as not known), except the ICB's own fields ({@code icbAssessment.*}), which its
 * newer answer replaces; an answer that is only a placeholder word sets nothing (reported);
 * answering {@code icbAssessment.conclusion} also sets {@code icbAssessment.status} to RECEIVED and
 * {@code receivedOn} to the date of applying, unless the questionnaire gives one for that agreement.
 * A row naming a practice and an agreementId applies to that agreement only; a row naming a practice
 * and a programme, to that practice's agreement of the programme; a row leaving both blank and
 * naming a programme, to that programme's agreement in every register given. A party's field
 * ({@code parties[2].role}) needs the agreementId, since parties are numbered per register.
 *
 * <p>Every change is appended to the agreement's {@code history} (date, field, old and new value,
 * and the source with the row: {@code ICB questionnaire answers.csv row 7}), so the earlier state is
 * never lost. The registers given are not changed: the result holds new ones.
 *
 * <p>Readings of the spec where it is silent: a row that names an agreementId but no practice applies
 * when only one register is given (a single practice's questionnaire written from a register without
 * an ODS code), and is refused when several are; of two rows giving one agreement's field different
 * answers (a programme row and a practice row, say), the first applies and the later is refused; an
 * answer equal to the value already held is applied but adds no history; an answer that is only a
 * placeholder word sets nothing (it would erase what is held) and is reported as a refused row.
 */
public final class Answers {

    /** A register and the name it goes by (its file name): where each updated register is written. */
    public record Named(String name, Register register) {
        public Named {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(register, "register");
        }

        String odsCode() {
            return register.practice() == null || register.practice().odsCode() == null ? null
                    : register.practice().odsCode().strip();
        }
    }

    /** An answer applied: the row, where, the field and its values before and after (cell syntax; null: not known). */
    public record Applied(int row, String register, String agreementId, String field, String oldValue, String newValue) {
        /** Whether the answer changed nothing (the register already held it). */
        public boolean unchanged() {
            return Objects.equals(oldValue, newValue);
        }
    }

    /** A row not applied, and why (one sentence naming the offending value). */
    public record Refused(int row, String register, String agreementId, String field, String why) {
    }

    /**
     * A row asked once for a programme that was not applied to one practice's agreement because the practice
     * already holds a different value (record-format.md v1.2): the practice keeps its value.
     *
     * @param row         the questionnaire row
     * @param register    the register's name
     * @param practice    the practice's ODS code, or null when the register has none
     * @param agreementId the agreement
     * @param field       the field
     * @param held        the value the practice holds (cell syntax)
     * @param answered    the value the row answered (cell syntax)
     */
    public record Conflict(int row, String register, String practice, String agreementId, String field, String held,
            String answered) {
        /** One line: practice, agreement, field, both values. */
        public String describe() {
            return "row " + row + ": " + (practice != null ? practice : register) + " " + agreementId + " " + field
                    + ": the practice holds " + quote(held) + ", the answer is " + quote(answered)
                    + "; the practice's value was kept";
        }
    }

    /**
     * What applying gave.
     *
     * @param registers the registers after applying, in the order given (each one new, even if unchanged)
     * @param applied   every change, in register then row order
     * @param refused   every row not applied, in row order
     * @param unanswered how many rows had no answer (skipped)
     * @param conflicts  every programme row kept from a practice that holds a different value, in row order
     * @param unmatched  one line per row asked once for a programme that matched only some of the registers
     *                   given, naming those it missed and the nearest programme keys there (a row that matched
     *                   none is refused, with the nearest keys)
     */
    public record Result(List<Named> registers, List<Applied> applied, List<Refused> refused, int unanswered,
            List<Conflict> conflicts, List<String> unmatched) {
        public Result {
            registers = List.copyOf(registers);
            applied = List.copyOf(applied);
            refused = List.copyOf(refused);
            conflicts = List.copyOf(conflicts);
            unmatched = List.copyOf(unmatched);
        }

        /** A result without conflicts or partly matched rows. */
        public Result(List<Named> registers, List<Applied> applied, List<Refused> refused, int unanswered) {
            this(registers, applied, refused, unanswered, List.of(), List.of());
        }
    }

    private record Target(int register, String agreementId) {
    }

    private record Pending(Questionnaire.Row row, String field) {
    }

    private Answers() {
    }

    /**
     * Applies {@code rows} to {@code registers}.
     *
     * @param on     the date of applying: the history's date and the default {@code receivedOn}
     * @param source what the answers are, for the history: {@code ICB questionnaire answers.csv}; each
     *               entry adds {@code row N}
     */
    public static Result apply(List<Named> registers, List<Questionnaire.Row> rows, LocalDate on, String source) {
        return apply(registers, rows, on, source, Programmes.shipped());
    }

    /**
     * Applies {@code rows} to {@code registers}, programmes matched by key with {@code aliases} resolved
     * ({@link Programmes#withShipped} for the shipped ones with a user's alias file).
     */
    public static Result apply(List<Named> registers, List<Questionnaire.Row> rows, LocalDate on, String source,
            ProgrammeAliases aliases) {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(source, "source");
        ProgrammeAliases keys = aliases == null ? ProgrammeAliases.empty() : aliases;
        List<Conflict> conflicts = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        Map<Target, List<Pending>> byTarget = new LinkedHashMap<>();
        int unanswered = 0;
        for (Questionnaire.Row row : rows) {
            if (row.problem() != null) {
                // a cell with no readable value (an .xlsx formula never calculated, #N/A): never a value, never "not known"
                refused.add(new Refused(row.row(), null, row.agreementId(), row.field().strip(), row.problem()));
                continue;
            }
            if (!row.answered()) {
                unanswered++;
                continue;
            }
            String field = row.field().strip();
            List<Target> targets = new ArrayList<>();
            String why = resolve(registers, row, field, targets, keys, unmatched);
            if (why != null) {
                refused.add(new Refused(row.row(), null, row.agreementId(), field, why));
                continue;
            }
            for (Target t : targets) {
                byTarget.computeIfAbsent(t, k -> new ArrayList<>()).add(new Pending(row, field));
            }
        }

        List<Applied> applied = new ArrayList<>();
        List<Named> out = new ArrayList<>();
        for (int r = 0; r < registers.size(); r++) {
            Named named = registers.get(r);
            List<Agreement> agreements = new ArrayList<>();
            for (Agreement a : named.register().agreements()) {
                List<Pending> pending = byTarget.get(new Target(r, a.id()));
                agreements.add(pending == null ? a
                        : applyAll(named, a, pending, on, source, applied, refused, conflicts));
            }
            // the practice's own columns (headed #) go into the register written, unchanged
            out.add(new Named(named.name(), new Register(named.register().practice(), agreements,
                    named.register().ownColumns())));
        }
        refused.sort(Comparator.comparingInt(Refused::row));
        conflicts.sort(Comparator.comparingInt(Conflict::row));
        return new Result(out, applied, refused, unanswered, conflicts, unmatched);
    }

    /** The agreements a row applies to, into {@code targets}; or why it applies to none. */
    private static String resolve(List<Named> registers, Questionnaire.Row row, String field, List<Target> targets,
            ProgrammeAliases aliases, List<String> unmatched) {
        if (Fields.field(field).isEmpty()) {
            // Reported through the setter's own message below, once per agreement would repeat it: say it here.
            try {
                Fields.set(Agreement.builder("x").build(), field, row.answer());
            } catch (Fields.FieldException e) {
                return e.getMessage();
            }
        }
        boolean partyField = field.startsWith("parties[");
        String practice = row.practice();
        String id = row.agreementId();
        String programme = Programmes.normalise(row.programme(), aliases);
        List<Integer> inPractice = new ArrayList<>();
        if (practice != null) {
            for (int r = 0; r < registers.size(); r++) {
                if (practice.equalsIgnoreCase(String.valueOf(registers.get(r).odsCode()))) {
                    inPractice.add(r);
                }
            }
            if (inPractice.isEmpty()) {
                return "practice " + practice + " is not the practice of any register given"
                        + (registers.size() == 1 ? " (" + registers.get(0).name() + " is "
                        + (registers.get(0).odsCode() == null ? "a register without an ODS code" : registers.get(0).odsCode()) + ")" : "");
            }
        } else if (id != null) {
            if (registers.size() != 1) {
                return "the row names agreement " + id + " but no practice, and " + registers.size()
                        + " registers are given: ids are per practice, so name the practice's ODS code";
            }
            inPractice.add(0);
        }
        if (id != null) {
            for (int r : inPractice) {
                if (registers.get(r).register().agreements().stream().anyMatch(a -> a.id().equals(id))) {
                    targets.add(new Target(r, id));
                }
            }
            return targets.isEmpty() ? "no agreement " + id + " in " + registers.get(inPractice.get(0)).name() : null;
        }
        if (partyField) {
            return field + " names a party by its index, which differs between registers: the row needs the agreementId";
        }
        if (programme == null) {
            return "the row names no agreementId and no programme, so it applies to no agreement";
        }
        List<Integer> scope = practice != null ? inPractice : IntStream.range(0, registers.size()).boxed().toList();
        List<String> missed = new ArrayList<>();
        java.util.Set<String> otherKeys = new java.util.TreeSet<>();
        for (int r : scope) {
            boolean found = false;
            for (Agreement a : registers.get(r).register().agreements()) {
                String key = Programmes.key(a, aliases);
                if (Programmes.names(row.programme(), a, aliases)) {
                    targets.add(new Target(r, a.id()));
                    found = true;
                } else if (key != null) {
                    otherKeys.add(key);
                }
            }
            if (!found) {
                missed.add(registers.get(r).name());
            }
        }
        String near = Suggest.nearest(programme, otherKeys).map(k -> " (nearest programme key: " + k
                + "; an alias file, --aliases, can name it)").orElse("");
        if (targets.isEmpty()) {
            return "no agreement of programme " + row.programme() + " in "
                    + (scope.size() == 1 ? registers.get(scope.get(0)).name() : "the " + scope.size() + " registers given")
                    + near;
        }
        if (!missed.isEmpty() && scope.size() > 1) {
            unmatched.add("row " + row.row() + ": programme " + quote(row.programme()) + " matched " + (scope.size() - missed.size())
                    + " of the " + scope.size() + " registers; none in " + String.join(", ", missed) + near);
        }
        return null;
    }

    private static Agreement applyAll(Named named, Agreement original, List<Pending> pending, LocalDate on,
            String source, List<Applied> applied, List<Refused> refused, List<Conflict> conflicts) {
        String register = named.name();
        Agreement a = original;
        List<Applied> changes = new ArrayList<>();
        List<HistoryEntry> history = new ArrayList<>();
        List<Refused> problems = new ArrayList<>();
        Map<String, Pending> seen = new LinkedHashMap<>();
        Pending conclusion = null;
        boolean receivedGiven = false;
        for (Pending p : pending) {
            String key = p.field().toLowerCase(Locale.ROOT);
            Pending earlier = seen.putIfAbsent(key, p);
            if (earlier != null && !earlier.row().answer().strip().equals(p.row().answer().strip())) {
                problems.add(new Refused(p.row().row(), register, original.id(), p.field(), "row " + earlier.row().row()
                        + " answers " + p.field() + " of " + original.id() + " differently (" + quote(earlier.row().answer())
                        + ", here " + quote(p.row().answer()) + "): give one answer"));
                continue;
            }
            String answer = p.row().answer();
            if (SheetRecords.readsAsUnknown(p.field(), answer) || Placeholders.isPlaceholder(answer)
                    && (p.field().equals("legalRequirement.reference") || p.field().endsWith(".instructedBy"))) {
                // record-format.md v1.2: a placeholder answer means "not known", which sets nothing
                problems.add(new Refused(p.row().row(), register, original.id(), p.field(), quote(answer)
                        + " is a placeholder word, read as not known: nothing was set"));
                continue;
            }
            try {
                String old = Fields.get(a, p.field());
                Agreement next = Fields.set(a, p.field(), answer);
                String now = Fields.get(next, p.field());
                boolean programmeRow = p.row().practice() == null && p.row().agreementId() == null;
                // The answerer's own fields are the exception: the ICB's icbAssessment.*, and the LMC's lmcAdvice
                // when the row is the LMC's advice (a reading of v1.2: newer advice replaces the LMC's earlier one).
                boolean answerersOwn = p.field().startsWith("icbAssessment.")
                        || p.field().equals("lmcAdvice") && Questionnaire.isLmcAdvice(List.of(p.row()));
                if (programmeRow && !answerersOwn && old != null && !Placeholders.isPlaceholder(old)
                        && !Objects.equals(old, now)) {
                    conflicts.add(new Conflict(p.row().row(), register, named.odsCode(), original.id(), p.field(), old, now));
                    continue;
                }
                a = next;
                record(changes, history, register, a.id(), p.row().row(), p.field(), old, now, on,
                        source + " row " + p.row().row(), p.row().comment());
            } catch (Fields.FieldException e) {
                problems.add(new Refused(p.row().row(), register, original.id(), p.field(), e.getMessage()));
                continue;
            }
            if (p.field().equals(OpenQuestions.CONCLUSION)) {
                conclusion = p;
            } else if (p.field().equals("icbAssessment.receivedOn")) {
                receivedGiven = true;
            }
        }
        if (conclusion != null) {
            String from = source + " row " + conclusion.row().row() + " (set with the conclusion)";
            String old = Fields.get(a, "icbAssessment.status");
            a = Fields.set(a, "icbAssessment.status", IcbStatus.RECEIVED.name());
            record(changes, history, register, a.id(), conclusion.row().row(), "icbAssessment.status", old,
                    IcbStatus.RECEIVED.name(), on, from, null);
            if (!receivedGiven) {
                old = Fields.get(a, "icbAssessment.receivedOn");
                a = Fields.set(a, "icbAssessment.receivedOn", on.toString());
                record(changes, history, register, a.id(), conclusion.row().row(), "icbAssessment.receivedOn", old,
                        on.toString(), on, from, null);
            }
        }
        // each row stands alone (record-format.md v1.2): a refused row leaves the others applied
        refused.addAll(problems);
        String over = overLimit(a, original, history.size());
        if (over != null) {
            // a writer never writes what its reader refuses: the register would no longer be readable
            for (Applied c : changes) {
                refused.add(new Refused(c.row(), register, original.id(), c.field(), over));
            }
            return original;
        }
        applied.addAll(changes);
        if (history.isEmpty()) {
            return a;
        }
        List<HistoryEntry> all = new ArrayList<>(original.history() == null ? List.of() : original.history());
        all.addAll(history);
        return a.toBuilder().history(all).build();
    }

    /**
     * Why the agreement, once these answers and their history entries are added, would break a limit of the
     * register format (more than 1,000 history entries, parties or purposes, which every reader refuses);
     * null when it would not.
     */
    private static String overLimit(Agreement answered, Agreement original, int added) {
        int max = Fields.MAX_LIST_SIZE;
        int history = (original.history() == null ? 0 : original.history().size()) + added;
        if (history > max) {
            return String.format(Locale.ROOT, "not applied: %s already has %,d history entries, and these answers would"
                    + " add %,d, past the %,d an agreement may have (the register written would not be readable);"
                    + " move the older entries to an archive copy of the register, then apply the answers again",
                    original.id(), history - added, added, max);
        }
        if (answered.parties() != null && answered.parties().size() > max) {
            return String.format(Locale.ROOT, "not applied: %s would have %,d parties, past the %,d an agreement may have",
                    original.id(), answered.parties().size(), max);
        }
        if (answered.purposes() != null && answered.purposes().size() > max) {
            return String.format(Locale.ROOT, "not applied: %s would have %,d purposes, past the %,d an agreement may have",
                    original.id(), answered.purposes().size(), max);
        }
        return null;
    }

    private static void record(List<Applied> changes, List<HistoryEntry> history, String register, String id, int row,
            String field, String old, String now, LocalDate on, String source) {
        record(changes, history, register, id, row, field, old, now, on, source, null);
    }

    /**
     * As above, keeping the row's comment (record-format.md v1.2). An answer equal to the value held but with a
     * comment still adds its entry: the ICB's words on it (why it declined to act, say) are not dropped.
     */
    private static void record(List<Applied> changes, List<HistoryEntry> history, String register, String id, int row,
            String field, String old, String now, LocalDate on, String source, String comment) {
        changes.add(new Applied(row, register, id, field, old, now));
        if (!Objects.equals(old, now) || comment != null) {
            history.add(new HistoryEntry(on, field, old, now, source, comment));
        }
    }

    private static String quote(String s) {
        return s == null ? "nothing (not known)" : "\"" + s.strip() + "\"";
    }
}
