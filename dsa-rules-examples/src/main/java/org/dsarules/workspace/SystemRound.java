package org.dsarules.workspace;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.dsarules.catalogue.Catalogue;
import org.dsarules.catalogue.ProgrammeAliases;
import org.dsarules.decision.Decided;
import org.dsarules.model.Agreement;
import org.dsarules.model.LmcAdvice;
import org.dsarules.model.Register;
import org.dsarules.register.Fields;
import org.dsarules.round.Answers;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.Questionnaire;
import org.dsarules.round.SystemAudit;
import org.dsarules.round.documents.SentLetters;
import org.dsarules.round.documents.SystemLetter;

/**
 * The LMC's round across the practices of the workspace, written and applied by the library's own code
 * (never re-written here): the system questionnaire ({@link Questionnaire#ofSystem}, as {@code dsa-audit
 * questions} writes it over several registers), the ICB's answers applied to every practice's register row
 * by row ({@link Answers}, as {@code dsa-audit answer} over several registers), with each conflict of
 * record-format.md v1.2 kept for its practice to resolve; the LMC's advice per programme; the LMC's letter
 * ({@link SystemLetter}); and what each practice has sent and what is overdue.
 *
 * <p>Every register change goes through {@link Workspace#importRegister}, so each field changed has its
 * change row with the account that made it and its entry in the agreement's own history.
 */
public final class SystemRound {
    private final Campaign campaign;
    private final Catalogue catalogue;
    private final ProgrammeAliases aliases;

    /** The round with the aliases the project ships ({@link org.dsarules.round.Programmes#shipped}). */
    public SystemRound(Campaign campaign, Catalogue catalogue) {
        this(campaign, catalogue, null);
    }

    /**
     * The round naming programmes from {@code catalogue} and grouping them by core's programme key with
     * {@code aliases} resolved: the shipped ones with a user's file ({@link org.dsarules.round.Programmes#withShipped},
     * as {@code --aliases FILE} gives them); null for the shipped ones alone. The programmes view, the advice, the
     * system questionnaire, its answers and the LMC's letter all group by this one key.
     */
    public SystemRound(Campaign campaign, Catalogue catalogue, ProgrammeAliases aliases) {
        this.campaign = campaign;
        this.catalogue = catalogue;
        this.aliases = aliases == null ? org.dsarules.round.Programmes.shipped() : aliases;
    }

    /** The aliases programmes are grouped with. */
    public ProgrammeAliases aliases() {
        return aliases;
    }

    /** The programmes across these practices' newest registers as of {@code asOf} (the programmes view). */
    public Programmes.View programmes(Collection<String> practices, LocalDate asOf) {
        return Programmes.across(ws(), present(practices), asOf, catalogue, aliases);
    }

    private Workspace ws() {
        return campaign.workspace();
    }

    /** The practices with a register, of those given, in ODS code order. */
    private List<String> present(Collection<String> practices) {
        return new TreeSet<>(practices).stream().filter(ods -> ws().currentVersion(ods) > 0).toList();
    }

    /** The practices' newest registers as the second round's code sees them, named by ODS code. */
    private List<AuditedRegister> audited(Collection<String> practices, LocalDate asOf) {
        List<AuditedRegister> out = new ArrayList<>();
        for (String ods : present(practices)) {
            out.add(Campaign.round(campaign.model(ods, asOf), ods));
        }
        return out;
    }

    // ---------------------------------------------------------------- the system questionnaire

    /** The system questionnaire for these practices: each fact of a programme asked once, the practices' own facts per practice. */
    public List<Questionnaire.Row> questionnaire(Collection<String> practices, LocalDate asOf) {
        return Questionnaire.ofSystem(audited(practices, asOf), aliases);
    }

    /** The system questionnaire as a download: {@code csv} or {@code xlsx}, the command line's writers. */
    public byte[] questionnaire(Collection<String> practices, String extension, LocalDate asOf) {
        List<Questionnaire.Row> rows = questionnaire(practices, asOf);
        if (extension.equals("xlsx")) {
            return Campaign.workbook(asOf, out -> Questionnaire.writeWorkbook(rows, out));
        }
        if (!extension.equals("csv")) {
            throw new WorkspaceException("the system questionnaire is written as csv or xlsx");
        }
        StringWriter w = new StringWriter();
        Questionnaire.write(rows, w);
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What applying the answers did to one practice: the version made (0: none), the answers applied and the conflicts. */
    public record PracticeAnswers(String odsCode, int version, List<Answers.Applied> applied, List<Answers.Conflict> conflicts) {
        public long changed() {
            return applied.stream().filter(a -> !a.unchanged()).count();
        }
    }

    /**
     * What applying a system questionnaire did: per practice what was applied and each conflict; the rows
     * refused (with the practice, when the row reached one); how many rows were unanswered; the programme rows
     * that matched only some practices.
     */
    public record SystemAnswers(String fileName, List<PracticeAnswers> practices, List<Answers.Refused> refused, int unanswered,
            List<String> unmatched) {
        public int conflicts() {
            return practices.stream().mapToInt(p -> p.conflicts().size()).sum();
        }
    }

    /**
     * Applies the ICB's answered system questionnaire (CSV, or .xlsx told by its name) to the newest register of
     * each of these practices, as {@code dsa-audit answer} does over several registers: every register changed is
     * a new version made by {@code actor}; every row applied or refused for a practice is kept in
     * {@code icb_answer}, and every conflict in {@code answer_conflict} for that practice to resolve.
     *
     * @throws WorkspaceException when the file is not a questionnaire (nothing is stored then)
     */
    public SystemAnswers importAnswers(Collection<String> practices, byte[] content, String fileName, LocalDate on, Actor actor,
            String comment) {
        String name = fileName == null || fileName.isBlank() ? "answers.csv" : fileName.replaceAll(".*[/\\\\]", "").strip();
        List<Questionnaire.Row> rows = Campaign.readQuestionnaire(content, name);
        if (Questionnaire.isLmcAdvice(rows)) {
            throw new WorkspaceException(name + " is the LMC's advice, not the ICB's answered questionnaire: "
                    + "record advice on the programmes page");
        }
        List<String> codes = present(practices);
        if (codes.isEmpty()) {
            throw new WorkspaceException("the workspace has no register to apply the answers to");
        }
        List<Answers.Named> registers = new ArrayList<>();
        for (String ods : codes) {
            registers.add(new Answers.Named(ods, ws().register(ods, ws().currentVersion(ods))));
        }
        String source = "ICB system questionnaire " + name;
        Answers.Result result = Answers.apply(registers, rows, on, source, aliases);
        Map<String, Integer> made = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            String ods = codes.get(i);
            String register = codes.get(i);
            boolean changed = result.applied().stream().anyMatch(a -> a.register().equals(register) && !a.unchanged());
            int version = 0;
            if (changed) {
                version = ws().importVersion(result.registers().get(i).register(), source, ods, actor, comment).version();
            }
            made.put(ods, version);
        }
        Map<String, Integer> currents = new LinkedHashMap<>();
        codes.forEach(ods -> currents.put(ods, ws().currentVersion(ods)));
        String now = Instant.now(ws().clock()).toString();
        ws().database().transaction(c -> {
            for (String ods : codes) {
                long practiceId = Campaign.practiceId(c, ods);
                int version = made.get(ods);
                Long versionId = version == 0 ? null : Campaign.versionId(c, practiceId, version);
                int current = currents.get(ods);
                for (Answers.Applied a : result.applied()) {
                    if (a.register().equals(ods)) {
                        Campaign.insertAnswer(c, practiceId, a.agreementId(), programme(rows, a.row()), a.field(), a.newValue(),
                                comment, on, versionId, null, now, actor);
                    }
                }
                for (Answers.Refused r : result.refused()) {
                    if (ods.equals(r.register())) {
                        Campaign.insertAnswer(c, practiceId, r.agreementId(), programme(rows, r.row()),
                                r.field() == null ? "" : r.field(), answer(rows, r.row()), comment, on, null, r.why(), now, actor);
                    }
                }
                for (Answers.Conflict x : result.conflicts()) {
                    if (x.register().equals(ods)) {
                        try (PreparedStatement s = c.prepareStatement("INSERT INTO answer_conflict (practice_id, version, dsa_id, "
                                + "programme, field, held, answered, file_name, file_row, received_on, recorded_at, recorded_by) "
                                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                            s.setLong(1, practiceId);
                            s.setInt(2, current);
                            s.setString(3, x.agreementId());
                            s.setString(4, programme(rows, x.row()));
                            s.setString(5, x.field());
                            s.setString(6, x.held());
                            s.setString(7, x.answered());
                            s.setString(8, name);
                            s.setInt(9, x.row());
                            s.setString(10, on.toString());
                            s.setString(11, now);
                            s.setString(12, actor.id());
                            s.executeUpdate();
                        }
                    }
                }
            }
            return null;
        });
        List<PracticeAnswers> out = new ArrayList<>();
        for (String ods : codes) {
            out.add(new PracticeAnswers(ods, made.get(ods),
                    result.applied().stream().filter(a -> a.register().equals(ods)).toList(),
                    result.conflicts().stream().filter(x -> x.register().equals(ods)).toList()));
        }
        return new SystemAnswers(name, out, result.refused(), result.unanswered(), result.unmatched());
    }

    private static String programme(List<Questionnaire.Row> rows, int row) {
        return rows.stream().filter(x -> x.row() == row).map(Questionnaire.Row::programme).findFirst().orElse(null);
    }

    private static String answer(List<Questionnaire.Row> rows, int row) {
        return rows.stream().filter(x -> x.row() == row).map(Questionnaire.Row::answer).findFirst().orElse(null);
    }

    /**
     * A conflict kept for a practice to resolve: its agreement's field, the value the practice held and the value
     * the ICB answered, the value held now, and whether it is resolved (a later version records a change to that
     * field: the practice chose a value through the edit path).
     */
    public record Conflict(long id, String odsCode, String dsaId, String programme, String field, String held, String answered,
            String current, boolean resolved, String fileName, int row, LocalDate receivedOn, Instant at, String by) {
    }

    /** Every conflict of these practices, by practice then as recorded. */
    public List<Conflict> conflicts(Collection<String> practices) {
        List<Conflict> out = new ArrayList<>();
        for (String ods : present(practices)) {
            Register register = ws().register(ods, ws().currentVersion(ods));
            Map<String, Agreement> byId = new LinkedHashMap<>();
            register.agreements().forEach(a -> byId.put(a.id(), a));
            out.addAll(ws().database().read(c -> {
                List<Conflict> found = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT x.id, x.dsa_id, x.programme, x.field, x.held, x.answered, "
                        + "x.file_name, x.file_row, x.received_on, x.recorded_at, x.recorded_by, "
                        + "EXISTS (SELECT 1 FROM change ch JOIN register_version v ON v.id = ch.version_id "
                        + "WHERE ch.practice_id = x.practice_id AND ch.dsa_id = x.dsa_id AND ch.field = x.field AND v.number > x.version) "
                        + "FROM answer_conflict x JOIN practice p ON p.id = x.practice_id WHERE p.ods_code = ? ORDER BY x.id")) {
                    s.setString(1, ods);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            Agreement a = byId.get(r.getString(2));
                            String current = a == null ? null : Fields.get(a, r.getString(4));
                            found.add(new Conflict(r.getLong(1), ods, r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                    r.getString(6), current, r.getBoolean(12) || a == null, r.getString(7), r.getInt(8),
                                    LocalDate.parse(r.getString(9)), Instant.parse(r.getString(10)), r.getString(11)));
                        }
                    }
                }
                return found;
            }));
        }
        return out;
    }

    // ---------------------------------------------------------------- the LMC's advice per programme

    /** The LMC's newest advice on a programme (by the programmes view's key), when and by whom. */
    public record Advice(String programme, LmcAdvice advice, LocalDate givenOn, String comment, Instant at, String by) {
    }

    /** What recording advice did: the advice, and the register version it made per practice (0: none). */
    public record Advised(Advice advice, Map<String, Integer> versions) {
    }

    /**
     * Records the LMC's advice on a programme (append-only, in {@code lmc_advice}) and sets it, as {@code dsa-audit
     * answer} applies the LMC's advice, as {@code lmcAdvice} on that programme's agreement in every practice's
     * register of these practices: each changed register is a new version made by {@code actor}, each change with
     * its history entry, and each agreement decided again on it.
     */
    public Advised advise(String programmeKey, LmcAdvice advice, Collection<String> practices, Actor actor, String comment) {
        LocalDate today = ws().today();
        List<Programmes.Programme> all = programmes(practices, today).programmes();
        Programmes.Programme p = all.stream().filter(x -> x.key().equals(programmeKey)).findFirst()
                .orElseThrow(() -> new WorkspaceException("no agreement of the practices is of programme " + programmeKey));
        String now = Instant.now(ws().clock()).toString();
        ws().database().transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO lmc_advice (practice_id, dsa_id, programme, advice, "
                    + "given_on, comment, recorded_at, recorded_by) VALUES (NULL, NULL, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, p.key());
                s.setString(2, advice.name());
                s.setString(3, today.toString());
                s.setString(4, comment == null || comment.isBlank() ? null : comment.strip());
                s.setString(5, now);
                s.setString(6, actor.id());
                s.executeUpdate();
            }
            return null;
        });
        // The advice goes through the answer path, one row per practice's agreement of the programme (the agreements
        // the programmes view shows), so each change has its history entry as the command line's advice gets.
        String source = "LMC advice on " + p.name();
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (String ods : p.members().stream().map(Programmes.Member::odsCode).distinct().toList()) {
            List<Questionnaire.Row> rows = new ArrayList<>();
            for (Programmes.Member m : p.members()) {
                if (m.odsCode().equals(ods)) {
                    rows.add(new Questionnaire.Row(rows.size() + 1, ods, m.dsaId(), null, m.title(), "lmcAdvice",
                            "The LMC's advice for this programme", Questionnaire.allowed("lmcAdvice"), advice.name()));
                }
            }
            Register register = ws().register(ods, ws().currentVersion(ods));
            Answers.Result result = Answers.apply(List.of(new Answers.Named(ods, register)), rows, today, source, aliases);
            int version = 0;
            if (result.applied().stream().anyMatch(a -> !a.unchanged())) {
                version = ws().importVersion(result.registers().get(0).register(), source, ods, actor, comment).version();
            }
            versions.put(ods, version);
        }
        return new Advised(advice().get(p.key()), versions);
    }

    /** The LMC's newest advice per programme key. */
    public Map<String, Advice> advice() {
        return ws().database().read(c -> {
            Map<String, Advice> out = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT programme, advice, given_on, comment, recorded_at, recorded_by "
                    + "FROM lmc_advice WHERE practice_id IS NULL AND programme IS NOT NULL ORDER BY id")) {
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), new Advice(r.getString(1), LmcAdvice.valueOf(r.getString(2)),
                                LocalDate.parse(r.getString(3)), r.getString(4), Instant.parse(r.getString(5)), r.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    /** The programme key the programmes view files an agreement under, or null (see {@link Programmes#key}). */
    public String programmeOf(Agreement a) {
        return Programmes.key(a, aliases);
    }

    // ---------------------------------------------------------------- the LMC's letter

    /** The LMC's letter to the ICB for these practices, in Markdown or plain text, as {@code letter --system} writes it. */
    public String letter(Collection<String> practices, LocalDate asOf, boolean markdown) {
        SystemAudit system = SystemAudit.of(audited(practices, asOf), aliases);
        return markdown ? SystemLetter.markdown(system) : SystemLetter.text(system);
    }

    // ---------------------------------------------------------------- what each practice has sent, what is overdue

    /** A letter recorded as sent: by the workspace's mark (with who marked it) or in the register's history. */
    public record SentLine(String what, LocalDate on, String by, int agreements) {
    }

    /** An agreement whose ICB reply is overdue: asked on, due by. */
    public record Overdue(String dsaId, String title, LocalDate requestedOn, LocalDate dueBy) {
    }

    /** One practice's line: what it has sent and which replies are overdue. */
    public record Progress(Registers.PracticeInfo practice, List<SentLine> sent, List<Overdue> overdue) {
    }

    /**
     * Per practice, the letters recorded as sent (the workspace's marks, and the letters a register records in
     * its agreements' history, as {@code dsa-audit sent} writes them) and the ICB replies overdue as of
     * {@code asOf} ({@link Campaign#REPLY_DAYS} days after {@code requestedOn}, as the follow-up letter reckons).
     */
    public List<Progress> progress(Collection<String> practices, LocalDate asOf) {
        List<Progress> out = new ArrayList<>();
        List<String> codes = present(practices);
        for (Registers.PracticeInfo info : ws().practices()) {
            if (!codes.contains(info.odsCode())) {
                continue;
            }
            String ods = info.odsCode();
            List<SentLine> sent = new ArrayList<>();
            for (Campaign.Sent s : campaign.sent(ods)) {
                sent.add(new SentLine(s.kind().title, s.sentOn(), s.by(), s.agreements().size()));
            }
            List<Decided> decided = campaign.model(ods, asOf).decided();
            for (SentLetters.Letter l : SentLetters.Letter.values()) {
                LocalDate first = SentLetters.firstSent(decided, l);
                // Marking the ICB letter sent writes the letter's entry in the register too: a first entry of the
                // date of a mark is that mark's letter, listed once (the line above).
                boolean marked = l == SentLetters.Letter.ICB && first != null && campaign.sent(ods).stream()
                        .anyMatch(s -> s.kind() == Campaign.Kind.ICB_LETTER && s.sentOn().equals(first));
                if (first != null && !marked) {
                    long about = decided.stream().filter(d -> SentLetters.firstSent(d.agreement(), l) != null).count();
                    String words = l.source().substring(SentLetters.SOURCE.length());
                    sent.add(new SentLine(words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1) + " (in the register)",
                            first, null, (int) about));
                }
            }
            List<Overdue> overdue = Campaign.overdue(ws().current(ods, asOf)).stream()
                    .map(r -> new Overdue(r.dsaId(), r.agreement().title(), r.agreement().icbAssessment().requestedOn(),
                            r.agreement().icbAssessment().requestedOn().plusDays(Campaign.REPLY_DAYS)))
                    .toList();
            out.add(new Progress(info, sent, overdue));
        }
        return out;
    }
}
