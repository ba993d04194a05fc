package org.dsarules.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.decision.Outcome;
import org.dsarules.model.Agreement;
import org.dsarules.model.IcbConclusion;
import org.dsarules.model.IcbStatus;
import org.dsarules.register.RegisterFiles;
import org.dsarules.round.Questionnaire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The campaign's documents in the workspace: written by the library's code, marked sent, and the ICB's answers applied. */
class CampaignTest {
    static final String ODS = "Z99042";

    @TempDir
    Path dir;
    DsaRules rules;
    Workspace ws;
    Campaign campaign;

    @BeforeEach
    void open() throws Exception {
        rules = DsaRules.defaults();
        ws = Workspace.open(dir, rules);
        campaign = new Campaign(ws);
        ws.importRegister(Files.readAllBytes(WorkspaceHttpTest.SAMPLE), RegisterFiles.Format.JSON, "millbrook-register.json",
                null, Actor.LOCAL, null);
    }

    @AfterEach
    void close() {
        ws.close();
        rules.close();
    }

    @Test
    void everyDocumentIsWrittenAndEachDownloadIsItsForm() {
        LocalDate asOf = ws.today();
        for (Campaign.Kind k : Campaign.Kind.values()) {
            Campaign.Document d = campaign.document(ODS, k, asOf);
            assertFalse(d.text().isBlank(), k.slug);
            for (String f : k.formats()) {
                byte[] b = campaign.download(ODS, k, f, asOf);
                assertTrue(b.length > 0, k.slug + "." + f);
                if (f.equals("xlsx") || f.equals("docx")) {
                    assertEquals('P', b[0], "an ." + f + " is a zip");
                    org.junit.jupiter.api.Assertions.assertArrayEquals(b, campaign.download(ODS, k, f, asOf),
                            k.slug + "." + f + ": the same bytes at every download");
                }
                if (f.equals("html")) {
                    assertTrue(new String(b, StandardCharsets.UTF_8).startsWith("<!DOCTYPE html>"), k.slug);
                }
            }
        }
        Campaign.Document q = campaign.document(ODS, Campaign.Kind.QUESTIONNAIRE, asOf);
        assertTrue(q.text().startsWith(String.join(",", Questionnaire.COLUMNS)), q.text());
        assertTrue(q.agreements().contains("MB-09"), q.agreements().toString());
        assertThrows(WorkspaceException.class, () -> campaign.download(ODS, Campaign.Kind.BMA_PACK, "xlsx", asOf));
    }

    @Test
    void theIcbLetterSentRecordsTheRequestOnEachAgreementWithHistoryAndTheDueListFollows() {
        LocalDate asOf = ws.today();
        List<String> asked = campaign.agreements(ODS, Campaign.Kind.ICB_LETTER, asOf);
        assertFalse(asked.isEmpty());
        List<String> dueBefore = campaign.due(ws.current(ODS, asOf), ODS);
        assertTrue(dueBefore.stream().anyMatch(d -> d.startsWith("Send the letter to the ICB")), dueBefore.toString());
        int before = ws.currentVersion(ODS);
        LocalDate sentOn = asOf.minusDays(40);

        Campaign.Marked m = campaign.markSent(ODS, Campaign.Kind.ICB_LETTER, sentOn, Actor.LOCAL, "posted");

        assertEquals(before + 1, m.version(), "a new register version");
        assertEquals(sentOn, m.sent().sentOn());
        assertEquals(asked, m.sent().agreements());
        for (String id : asked) {
            Agreement a = ws.register(ODS, m.version()).agreements().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            if (a.icbAssessment() != null && a.icbAssessment().status() == IcbStatus.RECEIVED) {
                continue;
            }
            assertEquals(IcbStatus.REQUESTED, a.icbAssessment().status(), id);
            assertTrue(a.history().stream().anyMatch(h -> sentOn.equals(h.date())
                    && h.source().equals(org.dsarules.round.documents.SentLetters.Letter.ICB.source())), id);
            Agreement was = ws.register(ODS, before).agreements().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            if (was.icbAssessment() != null && was.icbAssessment().requestedOn() != null) {
                // Asked before (the sample's feed, in May): the reply is still due from the first request.
                assertEquals(was.icbAssessment().requestedOn(), a.icbAssessment().requestedOn(), id);
                continue;
            }
            assertEquals(sentOn, a.icbAssessment().requestedOn(), id);
            assertTrue(a.history().stream().anyMatch(h -> h.field().equals("icbAssessment.requestedOn")
                    && sentOn.toString().equals(h.newValue())), id);
            assertTrue(ws.history(ODS, id).stream().anyMatch(c -> c.field().equals("icbAssessment.requestedOn")
                    && c.version() == m.version()), id + " has its change row");
        }
        List<String> due = campaign.due(ws.current(ODS, asOf), ODS);
        assertFalse(due.stream().anyMatch(d -> d.startsWith("Send the letter to the ICB")), due.toString());
        assertTrue(due.stream().anyMatch(d -> d.startsWith("Replies overdue")), "40 days without a reply: " + due);
        // The follow-up letter dates the first letter from the letter's entry the mark recorded (not the earlier request).
        String followUp = campaign.document(ODS, Campaign.Kind.FOLLOW_UP, asOf).text();
        String firstLetter = sentOn.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
        assertTrue(followUp.contains(firstLetter) && !followUp.contains("[DATE OF OUR FIRST LETTER]"), followUp);

        // A later mark corrects the date; the first stays in the history.
        Campaign.Sent corrected = campaign.correctSent(ODS, m.sent().letterId(), sentOn.plusDays(1), Actor.LOCAL, "wrong day");
        assertEquals(sentOn.plusDays(1), corrected.sentOn());
        assertEquals(1, campaign.sent(ODS).size());
        assertThrows(WorkspaceException.class,
                () -> campaign.markSent(ODS, Campaign.Kind.NOTICES, asOf.plusDays(1), Actor.LOCAL, null), "not in the future");
    }

    /**
     * Sending the ICB letter again from the workspace does what {@code dsa-audit sent --letter icb} does on a second
     * send: an agreement already asked keeps its first {@code requestedOn}, so the 28 days run from the first letter
     * (the clock never restarts), and each send is in the agreement's history under the letter's own source, which
     * the follow-up reads. The register the workspace holds after two sends is the one the command line writes
     * after the same two sends: the same request on every agreement and the same history entries.
     */
    @Test
    void theIcbLetterSentAgainKeepsTheFirstRequestDateAsTheCommandLineDoes() throws Exception {
        LocalDate first = ws.today().minusDays(40);
        LocalDate again = ws.today().minusDays(5);
        campaign.markSent(ODS, Campaign.Kind.ICB_LETTER, first, Actor.LOCAL, null);
        Campaign.Marked second = campaign.markSent(ODS, Campaign.Kind.ICB_LETTER, again, Actor.LOCAL, "sent again");
        List<Agreement> workspace = ws.register(ODS, ws.currentVersion(ODS)).agreements();
        for (Agreement a : workspace) {
            if (second.sent().agreements().contains(a.id()) && a.icbAssessment().status() == IcbStatus.REQUESTED) {
                // The first letter's date, or an earlier request the register already held (the sample's feed, in May).
                assertFalse(a.icbAssessment().requestedOn().isAfter(first), a.id() + ": asked first on or before " + first
                        + ", not " + a.icbAssessment().requestedOn());
            }
        }
        // The 28 days run from the first letter: 40 days on, the replies it asked for are overdue.
        assertFalse(Campaign.overdue(ws.current(ODS, ws.today())).isEmpty(), "the second letter restarted the clock");

        // The command line on the same register, the same two sends.
        Path sample = dir.resolve("cli-register.json");
        Files.copy(WorkspaceHttpTest.SAMPLE, sample);
        for (LocalDate on : List.of(first, again)) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = org.dsarules.cli.DsaAudit.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                    "sent", sample.toString(), "--letter", "icb", "--on", on.toString(), "--out", sample + ".next");
            assertEquals(0, status, err.toString());
            Files.move(Path.of(sample + ".next"), sample, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<Agreement> cli;
        try (var source = RegisterFiles.open(sample, RegisterFiles.Format.JSON)) {
            cli = new ArrayList<>();
            source.forEachRemaining(e -> cli.add(((org.dsarules.register.RegisterEntry.Valid) e).agreement()));
        }
        assertEquals(cli.size(), workspace.size());
        for (int i = 0; i < cli.size(); i++) {
            Agreement c = cli.get(i);
            Agreement w = workspace.get(i);
            assertEquals(c.id(), w.id());
            assertEquals(c.icbAssessment(), w.icbAssessment(), c.id());
            assertEquals(c.history(), w.history(), c.id() + ": the same history entries as the command line's");
        }
    }

    /**
     * The follow-up, the notices and the supplier letter marked as sent in the workspace are in the register's
     * history as {@code dsa-audit sent --letter follow-up|notice|supplier} records them from the same register and
     * date (issue 25 item 5): the same history entries on every agreement, each mark a new register version.
     */
    @Test
    void theFollowUpNoticesAndSupplierLetterSentAreRecordedAsTheCommandLineRecordsThem() throws Exception {
        LocalDate on = ws.today();
        Path sample = dir.resolve("cli-register.json");
        Files.copy(WorkspaceHttpTest.SAMPLE, sample);
        List<Campaign.Kind> kinds = List.of(Campaign.Kind.FOLLOW_UP, Campaign.Kind.NOTICES, Campaign.Kind.SUPPLIER);
        List<String> options = List.of("follow-up", "notice", "supplier");
        for (int k = 0; k < kinds.size(); k++) {
            int before = ws.currentVersion(ODS);
            Campaign.Marked m = campaign.markSent(ODS, kinds.get(k), on, Actor.LOCAL, null);
            assertEquals(before + 1, m.version(), kinds.get(k) + ": a new register version");
            org.dsarules.round.documents.SentLetters.Letter letter = Campaign.letter(kinds.get(k));
            assertTrue(ws.register(ODS, m.version()).agreements().stream().anyMatch(a -> a.history().stream()
                    .anyMatch(h -> letter.source().equals(h.source()) && on.equals(h.date()))), kinds.get(k) + " recorded");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = org.dsarules.cli.DsaAudit.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                    "sent", sample.toString(), "--letter", options.get(k), "--on", on.toString(), "--out", sample + ".next");
            assertEquals(0, status, err.toString());
            Files.move(Path.of(sample + ".next"), sample, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<Agreement> workspace = ws.register(ODS, ws.currentVersion(ODS)).agreements();
        List<Agreement> cli = new ArrayList<>();
        try (var source = RegisterFiles.open(sample, RegisterFiles.Format.JSON)) {
            source.forEachRemaining(e -> cli.add(((org.dsarules.register.RegisterEntry.Valid) e).agreement()));
        }
        assertEquals(cli.size(), workspace.size());
        for (int i = 0; i < cli.size(); i++) {
            assertEquals(cli.get(i).id(), workspace.get(i).id());
            assertEquals(cli.get(i).icbAssessment(), workspace.get(i).icbAssessment(), cli.get(i).id());
            assertEquals(cli.get(i).history(), workspace.get(i).history(), cli.get(i).id() + ": the command line's history entries");
        }
    }

    /**
     * A corrected sent date is recorded with the workspace's clock, and reaches the register's history as a new
     * entry naming the correction: the first entry stays (append-only), the ICB's days to reply run from the
     * corrected date, and the follow-up names it as the date of the first letter.
     */
    @Test
    void aCorrectedSentDateIsANewHistoryEntryRecordedByTheWorkspaceClock() throws Exception {
        ws.close();
        java.time.Instant start = java.time.Instant.parse("2026-12-07T10:00:00Z");
        org.dsarules.workspace.accounts.MovableClock clock = new org.dsarules.workspace.accounts.MovableClock(start);
        ws = Workspace.open(dir, rules, clock);
        campaign = new Campaign(ws);
        LocalDate sentOn = ws.today().minusDays(40);
        LocalDate really = sentOn.plusDays(3);
        Campaign.Marked m = campaign.markSent(ODS, Campaign.Kind.ICB_LETTER, sentOn, Actor.LOCAL, null);
        assertEquals(start, m.sent().recordedAt(), "the mark is timed by the workspace's clock");
        List<Agreement> marked = ws.register(ODS, m.version()).agreements();
        clock.advance(java.time.Duration.ofHours(2));

        Campaign.Sent corrected = campaign.correctSent(ODS, m.sent().letterId(), really, Actor.LOCAL, "wrong day");

        assertEquals(start.plus(java.time.Duration.ofHours(2)), corrected.recordedAt(), "the correction is timed by the workspace's clock");
        assertEquals(really, corrected.sentOn());
        assertEquals(m.version() + 1, ws.currentVersion(ODS), "the correction is a new register version");
        org.dsarules.round.documents.SentLetters.Letter icb = org.dsarules.round.documents.SentLetters.Letter.ICB;
        List<Agreement> now = ws.register(ODS, ws.currentVersion(ODS)).agreements();
        int correctedCount = 0;
        for (int i = 0; i < now.size(); i++) {
            Agreement was = marked.get(i);
            Agreement a = now.get(i);
            List<org.dsarules.model.HistoryEntry> wasHistory = was.history() == null ? List.of() : was.history();
            List<org.dsarules.model.HistoryEntry> history = a.history() == null ? List.of() : a.history();
            // Append-only: every entry there before is still there, in order, and at most one is added.
            assertEquals(wasHistory, history.subList(0, wasHistory.size()), a.id());
            if (!m.sent().agreements().contains(a.id()) || org.dsarules.round.documents.SentLetters.firstSent(was, icb) == null) {
                assertEquals(wasHistory, history, a.id() + ": not in the letter, unchanged");
                continue;
            }
            correctedCount++;
            assertEquals(wasHistory.size() + 1, history.size(), a.id());
            var entry = history.get(history.size() - 1);
            assertEquals(really, entry.date(), a.id());
            assertTrue(entry.source().startsWith(icb.source()) && entry.source().contains("corrected")
                    && entry.source().contains(sentOn.toString()), entry.source());
            assertEquals(really, org.dsarules.round.documents.SentLetters.firstSent(a, icb), a.id());
            if (was.icbAssessment() != null && sentOn.equals(was.icbAssessment().requestedOn())) {
                assertEquals(really, a.icbAssessment().requestedOn(), a.id() + ": the reply is due from the corrected date");
            }
        }
        assertTrue(correctedCount > 0, "some agreement was in the letter");
        String followUp = campaign.document(ODS, Campaign.Kind.FOLLOW_UP, ws.today()).text();
        java.time.format.DateTimeFormatter uk = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);
        assertTrue(followUp.contains(really.format(uk)), followUp);
        assertFalse(followUp.contains(sentOn.format(uk)), "the wrong date is no longer the first letter's: " + followUp);
    }

    @Test
    void noticesAndTheBmaPackSentAreNoLongerDue() {
        LocalDate asOf = ws.today();
        long withdraw = ws.current(ODS, asOf).count(Outcome.WITHDRAW);
        long refer = ws.current(ODS, asOf).count(Outcome.REFER_TO_BMA);
        campaign.markSent(ODS, Campaign.Kind.NOTICES, asOf, Actor.LOCAL, null);
        campaign.markSent(ODS, Campaign.Kind.BMA_PACK, asOf, Actor.LOCAL, null);
        List<String> due = campaign.due(ws.current(ODS, asOf), ODS);
        assertFalse(due.stream().anyMatch(d -> d.startsWith("Give notice") || d.startsWith("Refer ")), due.toString());
        int[] counts = ws.database().read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery(
                    "SELECT (SELECT count(*) FROM notice), (SELECT count(*) FROM referral), (SELECT count(*) FROM letter_sent)")) {
                r.next();
                return new int[] {r.getInt(1), r.getInt(2), r.getInt(3)};
            }
        });
        assertEquals(withdraw, counts[0]);
        assertEquals(refer, counts[1]);
        assertEquals(2, counts[2]);
    }

    /** The questionnaire the workspace wrote, with some rows answered (one of them wrongly). */
    static List<Questionnaire.Row> answered(String csv) {
        return answered(csv, null, null);
    }

    /**
     * As {@link #answered(String)}, and, given the register and the rules, one more answer that changes an
     * agreement's outcome: found by trying each allowed value of each row with the library's Answers and
     * deciding again, never assumed.
     */
    static List<Questionnaire.Row> answered(String csv, org.dsarules.model.Register register, Workspace ws) {
        List<Questionnaire.Row> rows = Questionnaire.read(new StringReader(csv), "q.csv");
        Questionnaire.Row changing = null;
        String changingAnswer = null;
        if (register != null) {
            search:
            for (Questionnaire.Row r : rows) {
                // MB-09 and MB-13 have the other answers (MB-13's refused, which stops all of its answers).
                if (r.agreementId() == null || !r.allowed().startsWith("one of: ") || r.agreementId().equals("MB-13")
                        || r.agreementId().equals("MB-09")) {
                    continue;
                }
                Agreement before = register.agreements().stream().filter(a -> a.id().equals(r.agreementId())).findFirst().orElseThrow();
                Outcome was = ws.rules().decide(before, ws.today()).outcome();
                for (String v : r.allowed().substring("one of: ".length()).split(",\\s*")) {
                    var one = new Questionnaire.Row(1, r.practice(), r.agreementId(), r.programme(), r.title(), r.field(),
                            r.question(), r.allowed(), v);
                    var applied = org.dsarules.round.Answers.apply(List.of(new org.dsarules.round.Answers.Named("r", register)),
                            List.of(one), ws.today(), "probe");
                    if (!applied.refused().isEmpty()) {
                        continue;
                    }
                    Agreement after = applied.registers().get(0).register().agreements().stream()
                            .filter(a -> a.id().equals(r.agreementId())).findFirst().orElseThrow();
                    if (ws.rules().decide(after, ws.today()).outcome() != was) {
                        changing = r;
                        changingAnswer = v;
                        break search;
                    }
                }
            }
            assertTrue(changing != null, "the sample has an answer that changes an outcome");
        }
        List<Questionnaire.Row> out = new ArrayList<>();
        for (Questionnaire.Row r : rows) {
            String answer = null;
            if (r == changing) {
                answer = changingAnswer;
            } else if ("MB-09".equals(r.agreementId()) && r.field().equals("icbAssessment.conclusion")) {
                answer = "NOT_NECESSARY";
            } else if ("MB-13".equals(r.agreementId()) && r.field().equals("purposes")) {
                answer = "perhaps";
            }
            out.add(new Questionnaire.Row(r.row(), r.practice(), r.agreementId(), r.programme(), r.title(), r.field(),
                    r.question(), r.allowed(), answer));
        }
        return out;
    }

    @Test
    void theAnsweredQuestionnaireIsAppliedAsANewVersionWithEveryRowReported() throws Exception {
        LocalDate asOf = ws.today();
        String csv = campaign.document(ODS, Campaign.Kind.QUESTIONNAIRE, asOf).text();
        int before = ws.currentVersion(ODS);
        List<Questionnaire.Row> rows = answered(csv, ws.register(ODS, before), ws);

        StringWriter w = new StringWriter();
        Questionnaire.write(rows, w);
        Campaign.AnswerReport report = campaign.importAnswers(ODS, w.toString().getBytes(StandardCharsets.UTF_8), "answers.csv",
                asOf, Actor.LOCAL, "ICB reply");

        assertEquals(before + 1, report.version());
        assertTrue(report.applied().stream().anyMatch(a -> a.agreementId().equals("MB-09")
                && a.field().equals("icbAssessment.conclusion") && "NOT_NECESSARY".equals(a.newValue())), report.toString());
        assertTrue(report.refused().stream().anyMatch(r -> "MB-13".equals(r.agreementId())), report.toString());
        Agreement a = ws.register(ODS, report.version()).agreements().stream().filter(x -> x.id().equals("MB-09")).findFirst().orElseThrow();
        assertEquals(IcbConclusion.NOT_NECESSARY, a.icbAssessment().conclusion());
        assertTrue(a.history().stream().anyMatch(h -> h.source().startsWith("ICB questionnaire answers.csv")));
        assertTrue(ws.history(ODS, "MB-09").stream().anyMatch(c -> c.field().equals("icbAssessment.conclusion")));
        assertTrue(campaign.followUpDue(ODS, asOf), "the reply is recorded: the follow-up is the letter due");
        assertFalse(ws.diff(ODS, before, report.version(), asOf).isEmpty(), "an answer that changes an outcome shows in the diff");
        int stored = ws.database().read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT count(*) FROM icb_answer")) {
                r.next();
                return r.getInt(1);
            }
        });
        assertEquals(report.applied().size() + report.refused().size(), stored);

        // The same answers as a workbook read the same way; applied again they change nothing.
        ByteArrayOutputStream x = new ByteArrayOutputStream();
        Questionnaire.writeWorkbook(rows, x);
        Campaign.AnswerReport again = campaign.importAnswers(ODS, x.toByteArray(), "answers.xlsx", asOf, Actor.LOCAL, null);
        assertEquals(0, again.version(), "nothing changed: no new version");
        assertEquals(report.refused().size(), again.refused().size());
        assertThrows(WorkspaceException.class, () -> campaign.importAnswers(ODS, "not,a\nquestionnaire,at all\n".getBytes(
                StandardCharsets.UTF_8), "x.csv", asOf, Actor.LOCAL, null));
    }
}
