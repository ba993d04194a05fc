package org.dsarules.round.documents;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dsarules.model.Agreement;
import org.dsarules.model.HistoryEntry;
import org.dsarules.model.LmcAdvice;
import org.dsarules.model.Party;
import org.dsarules.model.PartyRole;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.OpenQuestion;
import org.dsarules.round.OpenQuestions;
import org.dsarules.round.Questionnaire;
import org.dsarules.round.SystemAudit;

/**
 * The LMC's letter to the ICB for the whole system, in the LMC's own words: the practices it writes for; one
 * heading per programme (grouped by programme key, aliases resolved, record-format.md v1.2), each question about
 * the programme asked once under it (a question whose answer may differ between practices names the practices'
 * agreements it is asked for); the LMC's advice per programme; the programmes whose outcomes differ between
 * practices, with the facts that differ. Once the ICB has replied (its answers applied to the registers, where
 * their history keeps them with the ICB's comments), the letter first acknowledges what the reply settled,
 * programme by programme, then asks only what is still open, and passes on what the ICB declined to assess: the
 * practices, as controllers, ask the ICB that commissions or hosts the agreement to obtain the answers, and a
 * question only the named controller can answer is to be passed to it by name (as {@link FollowUpLetter} does for
 * one practice). Records in error are named by reference only, at the end (a validation message is the
 * practices' own business). Markdown or plain text; square-bracketed placeholders for the LMC to fill in.
 * Deterministic: no clock is read.
 */
public final class SystemLetter {
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    /** The source an applied ICB questionnaire gives each history entry (Answers): how a reply is recognised. */
    private static final String ICB_SOURCE = "ICB questionnaire";

    private SystemLetter() {
    }

    /**
     * The letter in Markdown. Its programmes are those of {@code system}, grouped there by programme key with the
     * aliases it was built with ({@link SystemAudit#of(List, org.dsarules.catalogue.ProgrammeAliases)}: a command's
     * {@code --aliases} file with the shipped ones), so the letter's headings and the questionnaire's programme rows
     * meet the same programmes.
     */
    public static String markdown(SystemAudit system) {
        return write(system, Prose.Form.MARKDOWN);
    }

    /** The letter as plain text; see {@link #markdown(SystemAudit)}. */
    public static String text(SystemAudit system) {
        return write(system, Prose.Form.TEXT);
    }

    /** A question asked under a programme's heading: once, for the agreements it is asked about. */
    private record Asked(String question, List<String> forAgreements) {
    }

    /** An answer the ICB's reply gave, recorded for the practices named. */
    private record Recorded(String field, String value, String comment, Set<String> practices) {
    }

    private static String write(SystemAudit s, Prose.Form form) {
        Objects.requireNonNull(s, "system");
        Prose p = new Prose(form);
        Set<String> icbs = new LinkedHashSet<>();
        List<String> practices = new ArrayList<>();
        for (AuditedRegister r : s.registers()) {
            if (r.practice() != null && r.practice().icb() != null && !r.practice().icb().isBlank()) {
                icbs.add(r.practice().icb().strip());
            }
            String name = r.practice() != null && r.practice().name() != null ? r.practice().name() : r.name();
            practices.add(p.v(name) + (r.odsCode() != null ? " (" + p.v(r.odsCode()) + ")" : ""));
        }
        String icb = icbs.size() == 1 ? p.v(icbs.iterator().next()) : "[ICB NAME]";
        LocalDate reply = replyDate(s);
        List<SystemAudit.Programme> declined = s.programmes().stream()
                .filter(x -> x.holdings().stream().anyMatch(h -> OpenQuestions.declined(h.agreement()))).toList();

        p.lines(List.of(p.bold("[LMC NAME]") + ", Local Medical Committee", "[LMC ADDRESS]"));
        p.para("[DATE]");
        p.lines(List.of("To: [ICB CONTACT NAME], " + icb, "[ICB ADDRESS OR EMAIL]"));
        p.title("Data sharing agreements across our practices: one set of questions for the system");
        p.para("Dear [ICB CONTACT NAME],");
        p.para("We write for the " + s.registers().size() + " practices below, which have audited the data sharing "
                + "agreements on their registers during the GP collective action. Many of those agreements are the same "
                + "programme held by several practices. So that you can answer once for the system rather than practice "
                + "by practice, we attach one questionnaire: a row per programme for the facts of the agreement itself, and "
                + "a row per practice only where the answer may differ between practices. Please fill in its answer "
                + "column and return it; each answer will be recorded in every practice's register that holds the programme.");
        p.bullets(practices);
        if (reply != null) {
            p.para("Thank you for your reply of " + LONG.format(reply) + ". We have recorded your answers in each "
                    + "practice's register that holds the programme, and the practices have reviewed their agreements "
                    + "again as of " + LONG.format(asOf(s)) + ".");
        }

        int n = 0;
        if (reply != null) {
            p.heading(++n + ". What your reply settled");
            acknowledge(s, p);
        }
        p.heading(++n + ". " + (reply != null ? "What is still open, programme by programme"
                : "Our questions, programme by programme"));
        boolean any = false;
        for (SystemAudit.Programme programme : s.programmes()) {
            if (declined.contains(programme)) {
                continue;
            }
            List<Asked> asked = questions(programme);
            if (asked.isEmpty()) {
                continue;
            }
            if (!any) {
                p.para("Each programme is asked about once, under its own name. A question whose answer may differ "
                        + "between practices names the practices' agreements it is asked for; the questionnaire has a row "
                        + "for each of those.");
                any = true;
            }
            p.subheading(heading(programme, p));
            p.bullets(asked.stream().map(a -> bullet(a, programme, p)).toList());
        }
        if (!any) {
            p.para(reply != null ? "Nothing else is open on our side." : "There are none at present.");
        }

        if (!declined.isEmpty()) {
            p.heading(++n + ". Programmes you declined to assess");
            p.para("For the programmes below your reply said that the ICB's role is limited and does not extend to "
                    + "assessing them. We answer that reply for all our practices.");
            p.para("The practices ask as controllers. The partners of each practice are the controller of their "
                    + "patients' records. Before a practice shares them, or goes on sharing them, it must be satisfied that "
                    + "the sharing is lawful, necessary and proportionate, and it cannot be satisfied without the answers "
                    + "below. We are not asking the ICB to take that decision for them: we are asking for the facts they "
                    + "need to take it.");
            p.para("The ICB can obtain the answers. These agreements reached our practices through the ICB, which "
                    + "commissions or hosts them and works with the organisations they name. It can obtain the answers "
                    + "from those organisations more readily than each practice can, and once for all of them.");
            p.para("Where only the controller named in an agreement can answer, please pass our questions to it, by the "
                    + "name below, and tell us that you have done so and when. We will record its answers in each "
                    + "practice's register as we record yours.");
            for (SystemAudit.Programme programme : declined) {
                p.subheading(heading(programme, p));
                Agreement first = programme.holdings().stream().map(SystemAudit.Holding::agreement)
                        .filter(OpenQuestions::declined).findFirst().orElseThrow();
                String said = IcbComments.latest(first, OpenQuestions.CONCLUSION);
                if (said != null) {
                    p.para("Your reply said: \u201C" + p.v(said) + "\u201D");
                }
                p.para("These questions are for " + controllers(programme, first, p) + ":");
                List<String> qs = questions(programme).stream().map(a -> bullet(a, programme, p)).toList();
                p.bullets(qs.isEmpty() ? List.of("Is the sharing under this agreement necessary, lawful and proportionate?") : qs);
            }
        }

        p.heading(++n + ". The LMC's advice");
        List<String> advice = new ArrayList<>();
        for (SystemAudit.Programme programme : s.programmes()) {
            Set<LmcAdvice> given = new LinkedHashSet<>();
            programme.holdings().forEach(h -> {
                if (h.agreement().lmcAdvice() != null && h.agreement().lmcAdvice() != LmcAdvice.NONE) {
                    given.add(h.agreement().lmcAdvice());
                }
            });
            if (given.size() == 1) {
                LmcAdvice a = given.iterator().next();
                advice.add(p.v(programme.label()) + ": " + (a == LmcAdvice.KEEP ? "necessary to keep" : "withdraw"));
            }
        }
        if (advice.isEmpty()) {
            p.para("The LMC has not yet advised on any programme.");
        } else {
            p.para("Having reviewed them, the LMC has advised its practices as follows:");
            p.bullets(advice);
        }
        p.heading(++n + ". Where our practices' agreements for one programme differ");
        List<SystemAudit.Programme> differ = s.shared().stream().filter(SystemAudit.Programme::outcomesDiffer).toList();
        if (differ.isEmpty()) {
            p.para("Every programme held by several practices has the same outcome in each.");
        } else {
            p.para("For these programmes the practices' registers record different facts, so the same programme has "
                    + "different outcomes. Please tell us which facts are right:");
            for (SystemAudit.Programme programme : differ) {
                p.subheading(p.v(programme.label()));
                List<String> items = new ArrayList<>();
                for (SystemAudit.Difference d : programme.differences()) {
                    List<String> parts = new ArrayList<>();
                    for (int i = 0; i < programme.holdings().size(); i++) {
                        String v = d.values().get(i);
                        parts.add(p.v(programme.holdings().get(i).practice()) + ": " + (v == null ? "not known" : p.v(v)));
                    }
                    items.add(p.v(d.field()) + " (" + String.join("; ", parts) + ")");
                }
                p.bullets(items);
            }
        }
        p.para("Please send your reply, with the questionnaire's answer column filled in, to [LMC EMAIL ADDRESS].");
        p.para("Yours sincerely,");
        p.lines(List.of("[NAME]", "[ROLE], [LMC NAME] Local Medical Committee"));
        leftOut(s, p);
        return p.toString();
    }

    /**
     * The questions about one programme, each once: a question about the agreement itself once for the programme;
     * a question whose answer may differ between practices (as {@link Questionnaire#ofSystem} asks it per practice)
     * once, naming the agreements it is asked for.
     */
    private static List<Asked> questions(SystemAudit.Programme programme) {
        Map<String, List<String>> byQuestion = new LinkedHashMap<>();
        Set<String> programmeFields = new LinkedHashSet<>();
        for (SystemAudit.Holding h : programme.holdings()) {
            boolean keyed = programme.key() != null;
            for (OpenQuestion q : OpenQuestions.of(h.decision(), h.agreement())) {
                boolean perPractice = !keyed || Questionnaire.PRACTICE_FIELDS.contains(q.field())
                        || q.field().startsWith("parties[");
                if (perPractice) {
                    List<String> agreements = byQuestion.computeIfAbsent(q.question(), k -> new ArrayList<>());
                    String which = h.practice() + " " + h.agreement().id();
                    if (!agreements.contains(which)) {
                        agreements.add(which);
                    }
                } else if (programmeFields.add(q.field())) {
                    // asked once for the programme, in the words of the first practice's agreement that needs it
                    byQuestion.putIfAbsent(q.question(), new ArrayList<>());
                }
            }
        }
        List<Asked> out = new ArrayList<>();
        byQuestion.forEach((q, agreements) -> out.add(new Asked(q, agreements)));
        return out;
    }

    private static String bullet(Asked a, SystemAudit.Programme programme, Prose p) {
        // a programme of one agreement: the heading names it already
        if (a.forAgreements().isEmpty() || programme.holdings().size() == 1) {
            return p.v(a.question());
        }
        return p.v(a.question()) + " (for each practice: " + String.join("; ", a.forAgreements().stream().map(p::v).toList())
                + ")";
    }

    private static String heading(SystemAudit.Programme programme, Prose p) {
        if (programme.holdings().size() == 1) {
            SystemAudit.Holding h = programme.holdings().get(0);
            return p.v(programme.label()) + " (" + p.v(h.practice()) + "'s " + p.v(h.agreement().id()) + ")";
        }
        return p.v(programme.label()) + " (held by " + programme.practices().size() + " of our practices)";
    }

    /**
     * What the ICB's reply settled, programme by programme: its assessment and each answer recorded, with the
     * practices whose registers record it and the ICB's own comment; a programme it declined is said to be
     * declined (answered in its own section).
     */
    private static void acknowledge(SystemAudit s, Prose p) {
        boolean any = false;
        for (SystemAudit.Programme programme : s.programmes()) {
            Map<String, Recorded> recorded = new LinkedHashMap<>();
            for (SystemAudit.Holding h : programme.holdings()) {
                List<HistoryEntry> history = h.agreement().history() == null ? List.of() : h.agreement().history();
                for (HistoryEntry e : history) {
                    // the status and date set with a conclusion are the conclusion's consequence, not an answer
                    if (e.source() == null || !e.source().startsWith(ICB_SOURCE) || e.source().endsWith("(set with the conclusion)")) {
                        continue;
                    }
                    String comment = e.comment() == null || e.comment().isBlank() ? null : e.comment().strip();
                    String key = e.field() + "\u0000" + e.newValue() + "\u0000" + comment;
                    recorded.computeIfAbsent(key, k -> new Recorded(e.field(), e.newValue(), comment, new LinkedHashSet<>()))
                            .practices().add(h.practice());
                }
            }
            if (recorded.isEmpty()) {
                continue;
            }
            if (!any) {
                p.para("Thank you for these answers. Each is recorded, with your comments, in the register of every "
                        + "practice named; we will not ask for them again:");
                any = true;
            }
            p.subheading(heading(programme, p));
            List<String> items = new ArrayList<>();
            for (Recorded r : recorded.values()) {
                String what;
                if (r.field().equals(OpenQuestions.CONCLUSION) && "DECLINED".equals(r.value())) {
                    what = "You declined to assess it (we answer that below).";
                } else if (r.field().equals(OpenQuestions.CONCLUSION)) {
                    what = "Your assessment: " + words(r.value()) + ".";
                } else {
                    what = p.v(r.field()) + ": " + (r.value() == null ? "not known" : p.v(r.value())) + ".";
                }
                items.add(what + " Recorded for " + String.join(", ", r.practices().stream().map(p::v).toList()) + "."
                        + (r.comment() != null ? " You added: \u201C" + p.v(r.comment()) + "\u201D" : ""));
            }
            p.bullets(items);
        }
        if (!any) {
            p.para("Your reply has not yet answered any of our questions.");
        }
    }

    /** The latest day an ICB answer was recorded in any register, or null when none has been (no reply yet). */
    private static LocalDate replyDate(SystemAudit s) {
        LocalDate latest = null;
        for (SystemAudit.Programme programme : s.programmes()) {
            for (SystemAudit.Holding h : programme.holdings()) {
                if (h.agreement().history() == null) {
                    continue;
                }
                for (HistoryEntry e : h.agreement().history()) {
                    if (e.source() != null && e.source().startsWith(ICB_SOURCE) && (latest == null || e.date().isAfter(latest))) {
                        latest = e.date();
                    }
                }
            }
        }
        return latest;
    }

    private static LocalDate asOf(SystemAudit s) {
        // called once a reply is recorded, so there is a register
        return s.registers().get(0).result().asOf();
    }

    /**
     * Whom the questions of a declined programme are for: the organisations its agreements name as controller (or
     * joint controller), by name, each once; else the organisation that asked for the agreement; else a placeholder.
     */
    private static String controllers(SystemAudit.Programme programme, Agreement first, Prose p) {
        Set<String> names = new LinkedHashSet<>();
        for (SystemAudit.Holding h : programme.holdings()) {
            for (Party party : h.agreement().partyList()) {
                if ((party.role() == PartyRole.CONTROLLER || party.role() == PartyRole.JOINT_CONTROLLER)
                        && party.name() != null && !party.name().isBlank()) {
                    names.add(p.v(party.name().strip()));
                }
            }
        }
        if (names.isEmpty()) {
            return first.requestedBy() != null && !first.requestedBy().isBlank()
                    ? p.v(first.requestedBy().strip()) + ", which asked for the agreement (the agreement names no controller)"
                    : "[CONTROLLER NAME], the controller (the agreement names none)";
        }
        List<String> list = new ArrayList<>(names);
        String who = list.size() == 1 ? list.get(0)
                : String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
        return who + ", which the agreement names as controller";
    }

    /**
     * The closing section when the registers hold records in error: each record the letter leaves out, by practice,
     * named by reference only. A validation message is the practices' own business, never sent to another
     * organisation (issue 25 item 6, issue 27 item 6): the system report keeps the messages.
     */
    private static void leftOut(SystemAudit s, Prose p) {
        List<String> lines = new ArrayList<>();
        for (SystemAudit.InError e : s.inError()) {
            String id = e.dsaId() != null ? "reference " + p.v(e.dsaId()) + " (entry " + e.entry() + " of its register)"
                    : "entry " + e.entry() + " of its register";
            lines.add(p.v(e.practiceName()) + " (" + p.v(e.practice()) + "): " + id);
        }
        if (lines.isEmpty()) {
            return;
        }
        p.heading("Agreements this letter does not cover");
        p.para("The practices' registers hold " + lines.size() + " record(s) that could not be read, so this letter says "
                + "nothing of them yet; we will write again once they are corrected:");
        p.bullets(lines);
    }

    private static String words(String code) {
        return code == null ? "not known" : code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
