package org.dsarules.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsarules.DsaRules;
import org.dsarules.catalogue.Catalogue;
import org.dsarules.model.LmcAdvice;
import org.dsarules.register.RegisterFiles;
import org.dsarules.round.Questionnaire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LMC's round across two practices, on the real rules: the system questionnaire asks a programme's fact
 * once, the ICB's answer is applied to every register with the conflict of record-format.md v1.2 kept for
 * the practice that holds another value (and resolved through the edit path), advice per programme is set on
 * every practice's agreement of it, the LMC's letter names both practices, and what is sent and overdue.
 */
class SystemRoundTest {
    static final String A = "Z99042";
    static final String B = "A81001";
    /** The local authority feed: practice A does not know whether a DPIA was given, practice B says it was. */
    static final String FEED = "MB-08";
    static final String FEED_PROGRAMME = "Westvale public health feed";

    @TempDir
    Path dir;
    DsaRules rules;
    Workspace ws;
    Campaign campaign;
    SystemRound round;
    final Actor officer = new Actor("officer", "officer");
    final Actor managerOfB = new Actor("pm-b", "pm-b");

    @BeforeEach
    void open() throws Exception {
        rules = DsaRules.defaults();
        ws = Workspace.open(dir, rules);
        campaign = new Campaign(ws);
        round = new SystemRound(campaign, Catalogue.shipped(SystemRoundTest.class.getClassLoader()));
        ws.importRegister(register(A, "Millbrook Surgery (fictional)", null), RegisterFiles.Format.JSON, "millbrook.json", null,
                Actor.LOCAL, null);
        ws.importRegister(register(B, "Ashdown Surgery (fictional)", true), RegisterFiles.Format.JSON, "ashdown.json", null,
                Actor.LOCAL, null);
    }

    /**
     * The sample as practice {@code ods}'s register, the feed named as a programme (so that the questionnaire asks
     * its facts once for every practice); {@code dpia}: what the practice holds for the feed's DPIA (null: not known).
     */
    static byte[] register(String ods, String name, Boolean dpia) throws Exception {
        String s = Files.readString(WorkspaceHttpTest.SAMPLE).replace(A, ods).replace("Millbrook Surgery (fictional)", name);
        ObjectNode root = (ObjectNode) RegisterText.JSON.readTree(s);
        for (var a : root.withArray("agreements")) {
            // The shared care record and the research platform named as programmes too, as an LMC's registers name
            // them: an agreement without a programme (and without a requester) is each practice's own.
            if (a.path("id").asText().equals("MB-01")) {
                ((ObjectNode) a).put("programme", "Westvale shared care record");
            } else if (a.path("id").asText().equals("MB-05")) {
                ((ObjectNode) a).put("programme", "Helix Health Analytics research platform");
            }
            if (a.path("id").asText().equals(FEED)) {
                ((ObjectNode) a).put("programme", FEED_PROGRAMME);
                if (dpia != null) {
                    ((ObjectNode) a).put("dpiaProvided", dpia);
                }
            }
        }
        return RegisterText.JSON.writeValueAsBytes(root);
    }

    @AfterEach
    void close() {
        ws.close();
        rules.close();
    }

    /** The system questionnaire with {@code answer} in every row asking {@code field} of the feed's programme. */
    static byte[] answered(byte[] questionnaire, String field, String answer) {
        List<Questionnaire.Row> rows = Questionnaire.read(new StringReader(new String(questionnaire, StandardCharsets.UTF_8)), "q.csv");
        List<Questionnaire.Row> out = new ArrayList<>();
        for (Questionnaire.Row r : rows) {
            boolean feed = r.programme() != null && r.programme().equals(FEED_PROGRAMME);
            out.add(feed && r.field().equals(field) ? new Questionnaire.Row(r.row(), r.practice(), r.agreementId(), r.programme(),
                    r.title(), r.field(), r.question(), r.allowed(), answer) : r);
        }
        StringWriter w = new StringWriter();
        Questionnaire.write(out, w);
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSystemQuestionnaireAsksAProgrammesFactOnceAndItsAnswerReachesEveryRegisterWithTheConflictKept() {
        LocalDate today = ws.today();
        List<Questionnaire.Row> rows = round.questionnaire(List.of(A, B), today);
        List<Questionnaire.Row> dpia = rows.stream().filter(r -> r.field().equals("dpiaProvided") && r.programme() != null
                && r.programme().equals(FEED_PROGRAMME)).toList();
        assertEquals(1, dpia.size(), "asked once for the programme: " + dpia);
        assertNull(dpia.get(0).practice());
        assertTrue(rows.stream().anyMatch(r -> A.equals(r.practice())), "and per practice for a practice's own facts");
        byte[] csv = round.questionnaire(List.of(A, B), "csv", today);
        assertTrue(new String(csv, StandardCharsets.UTF_8).startsWith(String.join(",", Questionnaire.COLUMNS)));
        assertEquals('P', round.questionnaire(List.of(A, B), "xlsx", today)[0], "an .xlsx is a zip");

        int versionOfB = ws.currentVersion(B);
        SystemRound.SystemAnswers report = round.importAnswers(List.of(A, B), answered(csv, "dpiaProvided", "false"), "answers.csv",
                today, officer, "the ICB's reply");
        SystemRound.PracticeAnswers a = report.practices().stream().filter(p -> p.odsCode().equals(A)).findFirst().orElseThrow();
        SystemRound.PracticeAnswers b = report.practices().stream().filter(p -> p.odsCode().equals(B)).findFirst().orElseThrow();
        assertTrue(a.applied().stream().anyMatch(x -> x.agreementId().equals(FEED) && x.field().equals("dpiaProvided")
                && x.oldValue() == null && "false".equals(x.newValue())), a.applied().toString());
        assertTrue(a.version() > 0, "A's register changed: a new version");
        assertEquals(1, b.conflicts().size(), b.conflicts().toString());
        assertEquals("true", b.conflicts().get(0).held());
        assertEquals("false", b.conflicts().get(0).answered());
        assertEquals(versionOfB, ws.currentVersion(B), "B keeps its value: no new version");
        assertEquals(Boolean.FALSE, ws.register(A, ws.currentVersion(A)).agreements().stream()
                .filter(x -> x.id().equals(FEED)).findFirst().orElseThrow().dpiaProvided());
        // Every change is recorded with the account that made it.
        assertTrue(ws.history(A, FEED).stream().anyMatch(c -> c.field().equals("dpiaProvided") && c.who().equals("officer")),
                ws.history(A, FEED).toString());

        // The conflict is B's to resolve: B's alone, open until B chooses a value through the edit path.
        List<SystemRound.Conflict> kept = round.conflicts(List.of(A, B));
        assertEquals(1, kept.size(), kept.toString());
        SystemRound.Conflict c = kept.get(0);
        assertEquals(List.of(B, FEED, "dpiaProvided", "true", "false", "true"),
                List.of(c.odsCode(), c.dsaId(), c.field(), c.held(), c.answered(), c.current()));
        assertFalse(c.resolved());
        assertTrue(round.conflicts(List.of(A)).isEmpty(), "none of A's");
        int revision = ws.current(B, today).row(FEED).revision();
        assertTrue(ws.edit(B, FEED, revision, Map.of("dpiaProvided", "false"), managerOfB, "the ICB is right", today)
                instanceof Registers.Saved);
        SystemRound.Conflict after = round.conflicts(List.of(B)).get(0);
        assertTrue(after.resolved());
        assertEquals("false", after.current());
    }

    /**
     * The workbooks the workspace offers are dated from the as-of date as the command line's are (FixedTimeZip), not
     * from the time of the download: two downloads seconds apart are the same bytes, and every zip entry and the
     * document's created date say the as-of date.
     */
    @Test
    void theWorkbookDownloadsAreTheSameBytesWhenDownloadedAgainLater() throws Exception {
        LocalDate asOf = LocalDate.parse("2026-11-02");
        byte[] system = round.questionnaire(List.of(A, B), "xlsx", asOf);
        byte[] practice = campaign.download(A, Campaign.Kind.QUESTIONNAIRE, "xlsx", asOf);
        // The zip format keeps times to two seconds, the document's properties to the second.
        Thread.sleep(2_100);
        assertTrue(java.util.Arrays.equals(system, round.questionnaire(List.of(A, B), "xlsx", asOf)),
                "the system questionnaire's workbook changed with the time of the download");
        assertTrue(java.util.Arrays.equals(practice, campaign.download(A, Campaign.Kind.QUESTIONNAIRE, "xlsx", asOf)),
                "the practice's questionnaire workbook changed with the time of the download");
        for (byte[] workbook : List.of(system, practice)) {
            try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(workbook))) {
                int entries = 0;
                for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    entries++;
                    assertEquals(asOf.atStartOfDay(), e.getTimeLocal(), e.getName());
                    if (e.getName().equals("docProps/core.xml")) {
                        String core = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                        assertTrue(core.contains(asOf + "T00:00:00Z"), core);
                    }
                }
                assertTrue(entries > 3, "a workbook");
            }
        }
    }

    @Test
    void anAdviceFileIsNotTheIcbsAnswers() {
        byte[] advice = "programme,advice\nGDPPR,KEEP\n".getBytes(StandardCharsets.UTF_8);
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> round.importAnswers(List.of(A, B), advice, "advice.csv", ws.today(), officer, null));
        assertTrue(e.getMessage().contains("LMC's advice"), e.getMessage());
    }

    @Test
    void adviceOnAProgrammeIsKeptAndSetOnEveryPracticesAgreementOfIt() {
        String key = round.programmeOf(ws.register(A, ws.currentVersion(A)).agreements().stream()
                .filter(x -> x.id().equals("MB-05")).findFirst().orElseThrow());
        SystemRound.Advised done = round.advise(key, LmcAdvice.WITHDRAW, List.of(A, B), officer, "commercial licensing");
        assertEquals(LmcAdvice.WITHDRAW, done.advice().advice());
        assertEquals("officer", done.advice().by());
        for (String ods : List.of(A, B)) {
            assertTrue(done.versions().get(ods) > 0, ods);
            assertEquals(LmcAdvice.WITHDRAW, ws.register(ods, ws.currentVersion(ods)).agreements().stream()
                    .filter(x -> x.id().equals("MB-05")).findFirst().orElseThrow().lmcAdvice());
            assertTrue(ws.history(ods, "MB-05").stream().anyMatch(c -> c.field().equals("lmcAdvice") && c.who().equals("officer")));
        }
        // Newer advice replaces the older; both stay in the table.
        round.advise(key, LmcAdvice.KEEP, List.of(A, B), officer, null);
        assertEquals(LmcAdvice.KEEP, round.advice().get(key).advice());
        assertEquals(2, (int) ws.database().read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT count(*) FROM lmc_advice")) {
                r.next();
                return r.getInt(1);
            }
        }));
        assertThrows(WorkspaceException.class, () -> round.advise("nosuchprogramme", LmcAdvice.KEEP, List.of(A, B), officer, null));
    }

    @Test
    void theLmcsLetterNamesEveryPracticeAndWhatIsSentAndOverdueIsPerPractice() {
        LocalDate today = ws.today();
        String letter = round.letter(List.of(A, B), today, true);
        assertTrue(letter.contains("Millbrook Surgery (fictional)") && letter.contains("Ashdown Surgery (fictional)"), letter);
        assertFalse(round.letter(List.of(B), today, false).contains("Millbrook"), "a letter for B only says nothing of A");

        // A sent its ICB letter 40 days ago: the replies asked for are overdue (28 days), B has sent nothing.
        campaign.markSent(A, Campaign.Kind.ICB_LETTER, today.minusDays(40), officer, null);
        List<SystemRound.Progress> progress = round.progress(List.of(A, B), today);
        SystemRound.Progress a = progress.stream().filter(p -> p.practice().odsCode().equals(A)).findFirst().orElseThrow();
        SystemRound.Progress b = progress.stream().filter(p -> p.practice().odsCode().equals(B)).findFirst().orElseThrow();
        assertTrue(a.sent().stream().anyMatch(s -> s.what().equals(Campaign.Kind.ICB_LETTER.title)
                && s.on().equals(today.minusDays(40)) && "officer".equals(s.by())), a.sent().toString());
        assertFalse(a.overdue().isEmpty());
        assertTrue(a.overdue().size() > 1, a.overdue().toString());
        assertTrue(a.overdue().stream().allMatch(o -> o.dueBy().equals(o.requestedOn().plusDays(28))), a.overdue().toString());
        // B has sent nothing; the sample records the feed's assessment requested in May, long overdue.
        assertTrue(b.sent().isEmpty(), b.toString());
        assertEquals(List.of(FEED), b.overdue().stream().map(SystemRound.Overdue::dsaId).toList());
        assertEquals(LocalDate.parse("2026-06-09"), b.overdue().get(0).dueBy());
        assertEquals(List.of(B), round.progress(List.of(B), today).stream().map(p -> p.practice().odsCode()).toList());
        // Twenty days after the letter only the feed is overdue: it was asked in May, and a letter asking again never
        // restarts the days the ICB has to reply (as dsa-audit sent --letter icb records it).
        assertEquals(List.of(FEED), round.progress(List.of(A), today.minusDays(20)).get(0).overdue().stream()
                .map(SystemRound.Overdue::dsaId).toList());
        // The letter is listed once: the workspace's mark, not again as the entry the mark wrote in the register.
        assertEquals(1, a.sent().size(), a.sent().toString());
    }
}
