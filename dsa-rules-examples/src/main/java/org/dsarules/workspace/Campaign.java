package org.dsarules.workspace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dsarules.cli.FixedTimeZip;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.TraceLevel;
import org.dsarules.documents.DocumentModel;
import org.dsarules.documents.DocxLetter;
import org.dsarules.documents.Reports;
import org.dsarules.documents.WhatIf;
import org.dsarules.engine.CollectingSink;
import org.dsarules.model.Agreement;
import org.dsarules.model.IcbAssessment;
import org.dsarules.model.IcbStatus;
import org.dsarules.model.Register;
import org.dsarules.register.RegisterFiles;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.round.Answers;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.Questionnaire;
import org.dsarules.round.documents.FollowUpLetter;
import org.dsarules.round.documents.SentLetters;

/**
 * The campaign's documents in the workspace: each written by the same code as the command line's
 * {@code letter}, {@code questions}, {@code refer} and {@code ppg} (called through their entry points, never
 * re-written here), marked as sent on a date, and the ICB's answered questionnaire applied by the library's
 * {@link Answers}. What is sent, and what the ICB answered, is kept in the workspace's append-only tables
 * ({@code letter}, {@code letter_agreement}, {@code letter_sent}, {@code notice}, {@code referral},
 * {@code icb_answer}); a change to the register that follows (the ICB letter's request, an answer) is a new
 * register version made by {@link Workspace#importRegister}, so every changed field has its change row and
 * its entry in the agreement's own history.
 */
public final class Campaign {
    /** Days the ICB has to reply before a request is overdue: the command line's default. */
    public static final int REPLY_DAYS = FollowUpLetter.DEFAULT_REPLY_DAYS;

    /** The documents, by the address the pages give them. */
    public enum Kind {
        ICB_LETTER("icb-letter", "Letter to the ICB", Outcome.ASK_ICB_FOR_INFORMATION),
        QUESTIONNAIRE("questionnaire", "Questionnaire for the ICB", Outcome.ASK_ICB_FOR_INFORMATION),
        BMA_PACK("bma-pack", "Referrals to the BMA", Outcome.REFER_TO_BMA),
        PPG("ppg", "Page for the patient participation group", null),
        NOTICES("notices", "Notices of withdrawal", Outcome.WITHDRAW),
        SUPPLIER("supplier-letter", "Letter to the GP system supplier", Outcome.WITHDRAW),
        FOLLOW_UP("follow-up", "Follow-up letter to the ICB", Outcome.ASK_ICB_FOR_INFORMATION);

        public final String slug;
        public final String title;
        /** The outcome of the agreements the document is about (null: the whole register). */
        public final Outcome about;

        Kind(String slug, String title, Outcome about) {
            this.slug = slug;
            this.title = title;
            this.about = about;
        }

        public static Kind of(String slug) {
            for (Kind k : values()) {
                if (k.slug.equals(slug)) {
                    return k;
                }
            }
            return null;
        }

        /**
         * The downloads this document has: its file extensions. Each letter (to the ICB, the follow-up, the
         * notices, the supplier's) is also a Word document, as {@code letter --format docx} writes it.
         */
        public List<String> formats() {
            return switch (this) {
                case ICB_LETTER -> List.of("md", "html", "docx");
                case PPG -> List.of("md", "html");
                case QUESTIONNAIRE -> List.of("csv", "xlsx");
                case FOLLOW_UP, NOTICES, SUPPLIER -> List.of("md", "docx");
                case BMA_PACK -> List.of("md");
            };
        }
    }

    /** A document as written for a version of the register, with the agreements it is about. */
    public record Document(Kind kind, String text, List<String> agreements, int version, LocalDate asOf) {
    }

    /** A document marked as sent: when, which version's document, and by whom. */
    public record Sent(long letterId, Kind kind, int version, LocalDate sentOn, String comment, Instant recordedAt, String by,
            List<String> agreements) {
    }

    /** What marking a document as sent did: the mark, and the register version it made (0: none). */
    public record Marked(Sent sent, int version) {
    }

    /** What applying an answered questionnaire did: the library's report, and the version it made (0: none). */
    public record AnswerReport(String fileName, int version, List<Answers.Applied> applied, List<Answers.Refused> refused,
            int unanswered) {
    }

    private final Workspace ws;
    private final Map<String, DocumentModel> models = new ConcurrentHashMap<>();

    public Campaign(Workspace ws) {
        this.ws = ws;
    }

    public Workspace workspace() {
        return ws;
    }

    // ---------------------------------------------------------------- writing the documents

    /**
     * The newest version decided as the documents need it: each decision with its agreement and, with the
     * rules, what would settle it (cached by version and date: a version never changes).
     */
    public DocumentModel model(String odsCode, LocalDate asOf) {
        int n = ws.currentVersion(odsCode);
        if (n == 0) {
            throw new WorkspaceException("the workspace has no practice " + odsCode);
        }
        String key = odsCode + "/" + n + "/" + asOf;
        DocumentModel hit = models.get(key);
        if (hit != null) {
            return hit;
        }
        Register register = ws.register(odsCode, n);
        CollectingSink sink = new CollectingSink();
        RegisterText.withSource(RegisterText.write(register, RegisterFiles.Format.JSON), RegisterFiles.Format.JSON,
                "register.json", source -> ws.rules().audit(source, asOf, TraceLevel.FULL, sink));
        DocumentModel model = DocumentModel.of(sink.result(), sink.decided(), ws.rules());
        if (models.size() > 16) {
            models.clear();
        }
        models.put(key, model);
        return model;
    }

    /** The register as the second round's code sees it (the follow-up letter, the questionnaire). */
    static AuditedRegister round(DocumentModel m, String odsCode) {
        return new AuditedRegister(odsCode, m.result(), m.decided());
    }

    /**
     * A document in its main form: Markdown for the letters and the PPG page, plain text for the BMA pack,
     * the notices and the supplier letter (as the command line writes them), CSV for the questionnaire.
     */
    public Document document(String odsCode, Kind kind, LocalDate asOf) {
        DocumentModel m = model(odsCode, asOf);
        String text = switch (kind) {
            case ICB_LETTER -> Reports.icbLetter(m, Reports.Format.MARKDOWN);
            case QUESTIONNAIRE -> csv(Questionnaire.of(round(m, odsCode)));
            case BMA_PACK -> Reports.bmaReferrals(m);
            case PPG -> Reports.ppgSummary(m);
            case NOTICES -> Reports.letter(m, Reports.Letter.NOTICE);
            case SUPPLIER -> Reports.letter(m, Reports.Letter.SUPPLIER);
            case FOLLOW_UP -> FollowUpLetter.markdown(round(m, odsCode), REPLY_DAYS);
        };
        return new Document(kind, text, about(m, kind, odsCode), ws.currentVersion(odsCode), asOf);
    }

    /** A download of a document: its bytes in the form its extension names. */
    public byte[] download(String odsCode, Kind kind, String extension, LocalDate asOf) {
        if (!kind.formats().contains(extension)) {
            throw new WorkspaceException("the " + kind.title.toLowerCase(Locale.ROOT) + " is written as "
                    + String.join(", ", kind.formats()));
        }
        DocumentModel m = model(odsCode, asOf);
        return switch (extension) {
            case "html" -> (kind == Kind.PPG ? Reports.ppgHtml(m) : Reports.icbLetter(m, Reports.Format.HTML))
                    .getBytes(StandardCharsets.UTF_8);
            case "xlsx" -> {
                List<Questionnaire.Row> rows = Questionnaire.of(round(m, odsCode));
                yield workbook(asOf, out -> Questionnaire.writeWorkbook(rows, out));
            }
            // The command line's own Word writer, dated from the as-of date as letter --format docx dates it:
            // the ICB letter and the follow-up are Markdown, the notices and the supplier letter plain text.
            case "docx" -> {
                String text = document(odsCode, kind, asOf).text();
                yield kind == Kind.NOTICES || kind == Kind.SUPPLIER ? DocxLetter.fromText(text, asOf)
                        : DocxLetter.fromMarkdown(text, asOf);
            }
            default -> document(odsCode, kind, asOf).text().getBytes(StandardCharsets.UTF_8);
        };
    }

    /** Writes a workbook into an output stream. */
    @FunctionalInterface
    interface WorkbookWriter {
        void write(java.io.OutputStream out) throws IOException;
    }

    /**
     * A workbook's bytes dated from {@code asOf} as the command line dates its workbooks ({@link FixedTimeZip}):
     * the same register and date give the same bytes whenever it is downloaded, not the time of the download.
     */
    static byte[] workbook(LocalDate asOf, WorkbookWriter workbook) {
        try {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            workbook.write(written);
            ByteArrayOutputStream dated = new ByteArrayOutputStream();
            FixedTimeZip.rewrite(written.toByteArray(), asOf, dated);
            return dated.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The agreements a document written now would be about (the PPG page: none in particular). */
    public List<String> agreements(String odsCode, Kind kind, LocalDate asOf) {
        return about(model(odsCode, asOf), kind, odsCode);
    }

    /** Whether the follow-up is the letter due: the register records that the ICB's reply was applied. */
    public boolean followUpDue(String odsCode, LocalDate asOf) {
        DocumentModel m = model(odsCode, asOf);
        return FollowUpLetter.due(round(m, odsCode));
    }

    /** What would settle one agreement (each answer to what is not known tried against the rules), as {@code explain} says it. */
    public WhatIf whatIf(Agreement agreement, Decision decision, LocalDate asOf) {
        return WhatIf.of(decision, agreement, a -> ws.rules().decide(a, asOf), true);
    }

    private static String csv(List<Questionnaire.Row> rows) {
        StringWriter w = new StringWriter();
        Questionnaire.write(rows, w);
        return w.toString();
    }

    /**
     * The agreements a document is about: for the letters to the ICB and the questionnaire, every agreement
     * the questionnaire asks about (the questions of those decided ASK_ICB_FOR_INFORMATION and the request
     * to assess each signed agreement); for the others those decided with its outcome; the PPG page: none.
     */
    private static List<String> about(DocumentModel m, Kind kind, String odsCode) {
        if (kind.about == null) {
            return List.of();
        }
        if (kind.about == Outcome.ASK_ICB_FOR_INFORMATION) {
            return Questionnaire.of(round(m, odsCode)).stream().map(Questionnaire.Row::agreementId)
                    .filter(java.util.Objects::nonNull).distinct().toList();
        }
        return m.decided().stream().filter(d -> d.decision().outcome() == kind.about).map(d -> d.agreement().id()).toList();
    }

    // ---------------------------------------------------------------- marking as sent

    /**
     * Records that a document, as written now for the newest version, was sent on {@code sentOn}: the
     * document itself, the agreements it is about and the date; a notice per agreement for the notices and a
     * referral per agreement for the BMA pack. The ICB letter, the follow-up, the notices and the supplier letter are
     * also recorded in the register's history, as {@code dsa-audit sent --letter} records them (by its code,
     * {@code SentLetters.record}): a new register version.
     */
    public Marked markSent(String odsCode, Kind kind, LocalDate sentOn, Actor actor, String comment) {
        LocalDate today = ws.today();
        if (sentOn == null) {
            throw new WorkspaceException("give the date the " + kind.title.toLowerCase(Locale.ROOT) + " was sent");
        }
        if (sentOn.isAfter(today)) {
            throw new WorkspaceException("sent on " + sentOn + " is after today (" + today + "): mark a document sent once it is");
        }
        Document doc = document(odsCode, kind, today);
        String now = Instant.now(ws.clock()).toString();
        long letterId = ws.database().transaction(c -> {
            long practiceId = practiceId(c, odsCode);
            long versionId = versionId(c, practiceId, doc.version());
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO letter (practice_id, version_id, kind, recipient, "
                    + "content_type, body, as_of, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, practiceId);
                s.setLong(2, versionId);
                s.setString(3, kind.name());
                s.setString(4, recipient(kind));
                s.setString(5, kind == Kind.QUESTIONNAIRE ? "text/csv" : "text/markdown");
                s.setBytes(6, doc.text().getBytes(StandardCharsets.UTF_8));
                s.setString(7, doc.asOf().toString());
                s.setString(8, now);
                s.setString(9, actor.id());
                s.executeUpdate();
                id = key(s);
            }
            for (String dsaId : new LinkedHashSet<>(doc.agreements())) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO letter_agreement (letter_id, dsa_id) VALUES (?,?)")) {
                    s.setLong(1, id);
                    s.setString(2, dsaId);
                    s.executeUpdate();
                }
                if (kind == Kind.NOTICES) {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO notice (practice_id, dsa_id, recipient, given_on, "
                            + "letter_id, comment, recorded_at, recorded_by) VALUES (?,?,?,?,?,?,?,?)")) {
                        s.setLong(1, practiceId);
                        s.setString(2, dsaId);
                        s.setString(3, "the agreement's recipient");
                        s.setString(4, sentOn.toString());
                        s.setLong(5, id);
                        s.setString(6, blankToNull(comment));
                        s.setString(7, now);
                        s.setString(8, actor.id());
                        s.executeUpdate();
                    }
                } else if (kind == Kind.BMA_PACK) {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO referral (practice_id, dsa_id, referred_on, "
                            + "letter_id, comment, recorded_at, recorded_by) VALUES (?,?,?,?,?,?,?)")) {
                        s.setLong(1, practiceId);
                        s.setString(2, dsaId);
                        s.setString(3, sentOn.toString());
                        s.setLong(4, id);
                        s.setString(5, blankToNull(comment));
                        s.setString(6, now);
                        s.setString(7, actor.id());
                        s.executeUpdate();
                    }
                }
            }
            insertSent(c, id, sentOn, comment, now, actor);
            return id;
        });
        int version = 0;
        SentLetters.Letter letter = letter(kind);
        if (letter != null) {
            version = recordSent(odsCode, letter, doc, sentOn, actor, comment);
        }
        Sent sent = sent(odsCode).stream().filter(x -> x.letterId() == letterId).findFirst().orElseThrow();
        return new Marked(sent, version);
    }

    /**
     * Corrects the date a document was sent: a later mark counts, the earlier one stays in the history. A letter
     * recorded in the register's history (see {@link #markSent}) gets a new entry on each agreement it was recorded
     * on, naming the correction ({@link SentLetters#correct}; the entry recorded first stays): a new register version.
     */
    public Sent correctSent(String odsCode, long letterId, LocalDate sentOn, Actor actor, String comment) {
        Sent before = sent(odsCode).stream().filter(x -> x.letterId() == letterId).findFirst()
                .orElseThrow(() -> new WorkspaceException(odsCode + " has no letter " + letterId));
        if (sentOn == null) {
            throw new WorkspaceException("give the date the " + before.kind().title.toLowerCase(Locale.ROOT) + " was sent");
        }
        LocalDate today = ws.today();
        if (sentOn.isAfter(today)) {
            throw new WorkspaceException("sent on " + sentOn + " is after today (" + today + "): mark a document sent once it is");
        }
        ws.database().transaction(c -> {
            insertSent(c, before.letterId(), sentOn, comment, Instant.now(ws.clock()).toString(), actor);
            return null;
        });
        SentLetters.Letter letter = letter(before.kind());
        if (letter != null && !sentOn.equals(before.sentOn())) {
            int n = ws.currentVersion(odsCode);
            Register register = ws.register(odsCode, n);
            Set<String> about = new LinkedHashSet<>(before.agreements());
            List<Agreement> out = new ArrayList<>();
            boolean changed = false;
            for (Agreement a : register.agreements()) {
                Agreement corrected = about.contains(a.id()) ? SentLetters.correct(letter, a, before.sentOn(), sentOn) : a;
                changed |= corrected != a;
                out.add(corrected);
            }
            if (changed) {
                String source = before.kind().title + " sent on " + sentOn + " (corrected from " + before.sentOn() + ")";
                ws.importVersion(new Register(register.practice(), out, register.ownColumns()), source, odsCode, actor, comment);
            }
        }
        return sent(odsCode).stream().filter(x -> x.letterId() == letterId).findFirst().orElseThrow();
    }

    /**
     * The letter {@code dsa-audit sent --letter} names for a document, or null for one the command line records no
     * sending of (the questionnaire goes with the ICB letter; the BMA pack and the PPG page go to no party the
     * register records a letter to).
     */
    static SentLetters.Letter letter(Kind kind) {
        return switch (kind) {
            case ICB_LETTER -> SentLetters.Letter.ICB;
            case FOLLOW_UP -> SentLetters.Letter.FOLLOW_UP;
            case NOTICES -> SentLetters.Letter.NOTICE;
            case SUPPLIER -> SentLetters.Letter.SUPPLIER;
            case QUESTIONNAIRE, BMA_PACK, PPG -> null;
        };
    }

    private static void insertSent(Connection c, long letterId, LocalDate sentOn, String comment, String now, Actor actor)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO letter_sent (letter_id, sent_on, comment, recorded_at, "
                + "recorded_by) VALUES (?,?,?,?,?)")) {
            s.setLong(1, letterId);
            s.setString(2, sentOn.toString());
            s.setString(3, blankToNull(comment));
            s.setString(4, now);
            s.setString(5, actor.id());
            s.executeUpdate();
        }
    }

    /**
     * A letter sent, recorded on each agreement it is about by the command line's own code ({@link SentLetters#record},
     * as {@code dsa-audit sent --letter icb|follow-up|notice|supplier} records it): the ICB letter and the follow-up make
     * an agreement not yet asked REQUESTED on the date sent (one already asked keeps its first {@code requestedOn}, so a
     * letter sent again never restarts the days the ICB has to reply; one the ICB answered keeps its answer); the notices
     * and the supplier letter add the letter's entry only. Each agreement's history gets the letter's entry, which the
     * follow-up reads (the date of the first letter, the notice given). The register changed is a new version through
     * the import path, so each field changed has its change row.
     */
    private int recordSent(String odsCode, SentLetters.Letter which, Document letter, LocalDate sentOn, Actor actor,
            String comment) {
        int n = ws.currentVersion(odsCode);
        Register register = ws.register(odsCode, n);
        // The decisions the letter was written from (the same cached model), so the agreements recorded are the letter's.
        Map<String, Decision> decisions = new java.util.HashMap<>();
        model(odsCode, letter.asOf()).decided().forEach(d -> decisions.put(d.agreement().id(), d.decision()));
        Set<String> asked = new LinkedHashSet<>(letter.agreements());
        List<Agreement> out = new ArrayList<>();
        boolean changed = false;
        for (Agreement a : register.agreements()) {
            Decision d = decisions.get(a.id());
            Agreement recorded = d == null || !asked.contains(a.id()) ? a : SentLetters.record(which, d, a, sentOn);
            changed |= recorded != a;
            out.add(recorded);
        }
        if (!changed) {
            return 0;
        }
        String source = letter.kind().title + " sent on " + sentOn;
        return ws.importVersion(new Register(register.practice(), out, register.ownColumns()), source, odsCode, actor, comment)
                .version();
    }

    /** Every document marked as sent, newest first; each with its newest sent date. */
    public List<Sent> sent(String odsCode) {
        return ws.database().read(c -> {
            List<Sent> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT l.id, l.kind, v.number, ls.sent_on, ls.comment, ls.recorded_at, ls.recorded_by, "
                            + "(SELECT group_concat(dsa_id, char(31)) FROM letter_agreement la WHERE la.letter_id = l.id) "
                            + "FROM letter l JOIN practice p ON p.id = l.practice_id JOIN register_version v ON v.id = l.version_id "
                            + "JOIN letter_sent ls ON ls.id = (SELECT max(id) FROM letter_sent WHERE letter_id = l.id) "
                            + "WHERE p.ods_code = ? ORDER BY l.id DESC")) {
                s.setString(1, odsCode);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String ids = r.getString(8);
                        out.add(new Sent(r.getLong(1), Kind.valueOf(r.getString(2)), r.getInt(3), LocalDate.parse(r.getString(4)),
                                r.getString(5), Instant.parse(r.getString(6)), r.getString(7),
                                ids == null ? List.of() : List.of(ids.split("\u001f"))));
                    }
                }
            }
            return out;
        });
    }

    /** The stored text of a document marked as sent (exactly what was sent), or null. */
    public String sentText(String odsCode, long letterId) {
        return ws.database().read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT l.body FROM letter l JOIN practice p ON p.id = l.practice_id "
                    + "WHERE p.ods_code = ? AND l.id = ?")) {
                s.setString(1, odsCode);
                s.setLong(2, letterId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? new String(r.getBytes(1), StandardCharsets.UTF_8) : null;
                }
            }
        });
    }

    // ---------------------------------------------------------------- what is due next

    /**
     * What is due next for a practice, from its decisions and what was sent: the ICB letter while an agreement
     * the questionnaire asks about is in no ICB letter sent; the replies overdue ({@code requestedOn} more than
     * {@link #REPLY_DAYS} days before {@code asOf}, no answer received), with the follow-up to send; the
     * notices to give and the referrals to make for agreements no notice or pack sent covers.
     */
    public List<String> due(Registers.Audited audited, String odsCode) {
        List<Sent> sent = sent(odsCode);
        List<String> due = new ArrayList<>();
        List<String> ask = about(model(odsCode, audited.asOf()), Kind.ICB_LETTER, odsCode);
        List<String> unasked = uncovered(ask, sent, Kind.ICB_LETTER);
        if (!unasked.isEmpty()) {
            due.add("Send the letter to the ICB: " + unasked.size() + " agreement(s) to ask about or for its assessment of ("
                    + String.join(", ", unasked) + ")");
        }
        List<String> overdue = overdue(audited).stream().map(Registers.Row::dsaId).toList();
        if (!overdue.isEmpty()) {
            due.add("Replies overdue from the ICB on " + overdue.size() + " agreement(s) (" + String.join(", ", overdue)
                    + "): send the follow-up letter");
        }
        List<String> notices = uncovered(ids(audited, Outcome.WITHDRAW), sent, Kind.NOTICES);
        if (!notices.isEmpty()) {
            due.add("Give notice to end " + notices.size() + " agreement(s) (" + String.join(", ", notices) + ")");
        }
        List<String> referrals = uncovered(ids(audited, Outcome.REFER_TO_BMA), sent, Kind.BMA_PACK);
        if (!referrals.isEmpty()) {
            due.add("Refer " + referrals.size() + " agreement(s) to the BMA (" + String.join(", ", referrals) + ")");
        }
        return due;
    }

    /**
     * The agreements whose ICB reply is overdue as of the version's date, as the follow-up letter reckons it:
     * {@code requestedOn} more than {@link #REPLY_DAYS} days before, and no answer received.
     */
    public static List<Registers.Row> overdue(Registers.Audited audited) {
        List<Registers.Row> overdue = new ArrayList<>();
        for (Registers.Row r : audited.rows()) {
            IcbAssessment i = r.agreement().icbAssessment();
            // As the follow-up letter reckons it: asked, not yet answered, and the window passed.
            if (i != null && i.status() != IcbStatus.RECEIVED && i.requestedOn() != null
                    && i.requestedOn().plusDays(REPLY_DAYS).isBefore(audited.asOf())) {
                overdue.add(r);
            }
        }
        return overdue;
    }

    private static List<String> ids(Registers.Audited audited, Outcome o) {
        return audited.rows().stream().filter(r -> r.decision() != null && r.decision().outcome() == o).map(Registers.Row::dsaId)
                .toList();
    }

    private static List<String> uncovered(List<String> ids, List<Sent> sent, Kind kind) {
        Set<String> covered = new LinkedHashSet<>();
        sent.stream().filter(s -> s.kind() == kind).forEach(s -> covered.addAll(s.agreements()));
        return ids.stream().filter(id -> !covered.contains(id)).toList();
    }

    // ---------------------------------------------------------------- the ICB's answers

    /**
     * Applies the ICB's answered questionnaire (CSV, or .xlsx told by its name) to the newest version with
     * the library's {@link Answers}, as {@code dsa-audit answer} does: every answer applied gets its history
     * entry in the agreement, a row refused leaves that agreement as it was, and the register with the
     * answers is a new version (none when nothing changed). Every row is kept in {@code icb_answer}.
     *
     * @throws WorkspaceException when the file is not a questionnaire (nothing is stored then)
     */
    public AnswerReport importAnswers(String odsCode, byte[] content, String fileName, LocalDate on, Actor actor, String comment) {
        String name = fileName == null || fileName.isBlank() ? "answers.csv" : fileName.replaceAll(".*[/\\\\]", "").strip();
        List<Questionnaire.Row> rows = readQuestionnaire(content, name);
        if (Questionnaire.isLmcAdvice(rows)) {
            throw new WorkspaceException(name + " is the LMC's advice, not the ICB's answered questionnaire");
        }
        int n = ws.currentVersion(odsCode);
        if (n == 0) {
            throw new WorkspaceException("the workspace has no practice " + odsCode);
        }
        Register register = ws.register(odsCode, n);
        String source = "ICB questionnaire " + name;
        Answers.Result result = Answers.apply(List.of(new Answers.Named(odsCode, register)), rows, on, source);
        int version = 0;
        boolean changed = result.applied().stream().anyMatch(a -> !a.unchanged());
        if (changed) {
            version = ws.importVersion(result.registers().get(0).register(), source, odsCode, actor, comment).version();
        }
        String now = Instant.now(ws.clock()).toString();
        int made = version;
        ws.database().transaction(c -> {
            long practiceId = practiceId(c, odsCode);
            Long versionId = made == 0 ? null : versionId(c, practiceId, made);
            for (Answers.Applied a : result.applied()) {
                Questionnaire.Row row = rows.stream().filter(x -> x.row() == a.row()).findFirst().orElse(null);
                insertAnswer(c, practiceId, a.agreementId(), row == null ? null : row.programme(), a.field(), a.newValue(),
                        comment, on, versionId, null, now, actor);
            }
            for (Answers.Refused r : result.refused()) {
                Questionnaire.Row row = rows.stream().filter(x -> x.row() == r.row()).findFirst().orElse(null);
                insertAnswer(c, practiceId, r.agreementId(), row == null ? null : row.programme(),
                        r.field() == null ? "" : r.field(), row == null ? null : row.answer(), comment, on, null, r.why(), now, actor);
            }
            return null;
        });
        return new AnswerReport(name, version, result.applied(), result.refused(), result.unanswered());
    }

    static List<Questionnaire.Row> readQuestionnaire(byte[] content, String name) {
        try {
            if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                // The workbook reader takes a file: a temporary copy, removed at once.
                Path dir = Files.createTempDirectory("dsa-answers");
                Path file = dir.resolve("answers.xlsx");
                try {
                    Files.write(file, content);
                    return Questionnaire.read(file);
                } finally {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(dir);
                }
            }
            return Questionnaire.read(new InputStreamReader(new java.io.ByteArrayInputStream(content), StandardCharsets.UTF_8), name);
        } catch (RegisterFormatException e) {
            throw new WorkspaceException(String.valueOf(e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void insertAnswer(Connection c, long practiceId, String dsaId, String programme, String field, String answer,
            String comment, LocalDate on, Long versionId, String refused, String now, Actor actor) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO icb_answer (practice_id, dsa_id, programme, field, answer, "
                + "comment, received_on, version_id, refused, recorded_at, recorded_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            s.setLong(1, practiceId);
            s.setString(2, dsaId);
            s.setString(3, programme);
            s.setString(4, field);
            s.setString(5, answer);
            s.setString(6, blankToNull(comment));
            s.setString(7, on.toString());
            if (versionId == null) {
                s.setNull(8, java.sql.Types.INTEGER);
            } else {
                s.setLong(8, versionId);
            }
            s.setString(9, refused);
            s.setString(10, now);
            s.setString(11, actor.id());
            s.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- SQL

    static long practiceId(Connection c, String ods) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM practice WHERE ods_code = ?")) {
            s.setString(1, ods);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new WorkspaceException("the workspace has no practice " + ods);
                }
                return r.getLong(1);
            }
        }
    }

    static long versionId(Connection c, long practiceId, int number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM register_version WHERE practice_id = ? AND number = ?")) {
            s.setLong(1, practiceId);
            s.setInt(2, number);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new WorkspaceException("the workspace has no version " + number);
                }
                return r.getLong(1);
            }
        }
    }

    private static long key(PreparedStatement s) throws SQLException {
        try (ResultSet k = s.getGeneratedKeys()) {
            k.next();
            return k.getLong(1);
        }
    }

    private static String recipient(Kind kind) {
        return switch (kind) {
            case ICB_LETTER, QUESTIONNAIRE, FOLLOW_UP -> "ICB";
            case BMA_PACK -> "BMA";
            case PPG -> "patient participation group";
            case NOTICES -> "each agreement's recipient";
            case SUPPLIER -> "GP system supplier";
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
