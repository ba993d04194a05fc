package org.dsarules.round.documents;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * What the LMC's system letter ({@code src/main/jte/plain/system/letter.jte}) says, worked out from the system
 * audit, every register text already escaped for the letter's form (Markdown or plain text, by {@link Prose}'s
 * sanitiser: the plain template writes values as given). Public only because the precompiled template is in
 * another package; not part of the library's API.
 */
public final class SystemLetterView {
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    /** The source an applied ICB questionnaire gives each history entry (Answers): how a reply is recognised. */
    private static final String ICB_SOURCE = "ICB questionnaire";

    /** A programme's heading and its bullets (already in the letter's words). */
    public record Block(String heading, List<String> bullets) {
    }

    /** A programme the ICB declined to assess: its heading, the ICB's words, the sentence saying whom its questions are for, the questions. */
    public record Declined(String heading, String said, String forWhom, List<String> questions) {
    }

    /** A question asked under a programme's heading: once, for the agreements it is asked about. */
    private record Asked(String question, List<String> forAgreements) {
    }

    /** An answer the ICB's reply gave, recorded for the practices named. */
    private record Recorded(String field, String value, String comment, Set<String> practices) {
    }

    private final SystemAudit s;
    private final Prose p;
    private final boolean markdown;
    private final LocalDate reply;
    private final List<SystemAudit.Programme> declinedProgrammes;
    private final List<String> headings = new ArrayList<>();

    SystemLetterView(SystemAudit system, Prose.Form form) {
        this.s = system;
        this.p = new Prose(form);
        this.markdown = form == Prose.Form.MARKDOWN;
        this.reply = replyDate(system);
        this.declinedProgrammes = system.programmes().stream()
                .filter(x -> x.holdings().stream().anyMatch(h -> OpenQuestions.declined(h.agreement()))).toList();
        // the sections' numbers: those present, in order
        if (reply != null) {
            headings.add("What your reply settled");
        }
        headings.add(reply != null ? "What is still open, programme by programme" : "Our questions, programme by programme");
        if (!declinedProgrammes.isEmpty()) {
            headings.add("Programmes you declined to assess");
        }
        headings.add("The LMC's advice");
        headings.add("Where our practices' agreements for one programme differ");
    }

    // ---- the form ----

    /** A section heading: {@code ## 1. Title} in Markdown, {@code 1. TITLE} in text. */
    public String heading(String title) {
        String numbered = headings.contains(title) ? (headings.indexOf(title) + 1) + ". " + title : title;
        return markdown ? "## " + numbered : numbered.toUpperCase(Locale.ROOT);
    }

    /** A programme's heading: {@code ### ...} in Markdown, as it is in text. */
    public String subheading(String text) {
        return markdown ? "### " + text : text;
    }

    public String title(String text) {
        return markdown ? "# " + text : text.toUpperCase(Locale.ROOT);
    }

    /** The end of a line kept with the next (an address): a hard line break in Markdown. */
    public String br() {
        return markdown ? "\\" : "";
    }

    public String bold(String text) {
        return p.bold(text);
    }

    // ---- the letter ----

    public String icb() {
        Set<String> icbs = new LinkedHashSet<>();
        for (AuditedRegister r : s.registers()) {
            if (r.practice() != null && r.practice().icb() != null && !r.practice().icb().isBlank()) {
                icbs.add(r.practice().icb().strip());
            }
        }
        return icbs.size() == 1 ? p.v(icbs.iterator().next()) : "[ICB NAME]";
    }

    public int practiceCount() {
        return s.registers().size();
    }

    public List<String> practices() {
        List<String> out = new ArrayList<>();
        for (AuditedRegister r : s.registers()) {
            String name = r.practice() != null && r.practice().name() != null ? r.practice().name() : r.name();
            out.add(p.v(name) + (r.odsCode() != null ? " (" + p.v(r.odsCode()) + ")" : ""));
        }
        return out;
    }

    /** Whether the ICB has replied: an answer of its questionnaire is recorded in a register. */
    public boolean replied() {
        return reply != null;
    }

    public String replyDate() {
        return reply == null ? "" : LONG.format(reply);
    }

    public String asOf() {
        return s.registers().isEmpty() ? "" : LONG.format(s.registers().get(0).result().asOf());
    }

    /**
     * What the ICB's reply settled, programme by programme: its assessment and each answer recorded, with the
     * practices whose registers record it and the ICB's own comment; a programme it declined is said to be declined
     * (answered in its own section).
     */
    public List<Block> settled() {
        List<Block> out = new ArrayList<>();
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
            out.add(new Block(programmeHeading(programme), items));
        }
        return out;
    }

    /** The questions still to ask, programme by programme (a declined programme's are in {@link #declined()}). */
    public List<Block> open() {
        List<Block> out = new ArrayList<>();
        for (SystemAudit.Programme programme : s.programmes()) {
            if (declinedProgrammes.contains(programme)) {
                continue;
            }
            List<Asked> asked = questions(programme);
            if (!asked.isEmpty()) {
                out.add(new Block(programmeHeading(programme), asked.stream().map(a -> bullet(a, programme)).toList()));
            }
        }
        return out;
    }

    /** The programmes the ICB declined to assess, each with whom its questions are for. */
    public List<Declined> declined() {
        List<Declined> out = new ArrayList<>();
        for (SystemAudit.Programme programme : declinedProgrammes) {
            Agreement first = programme.holdings().stream().map(SystemAudit.Holding::agreement)
                    .filter(OpenQuestions::declined).findFirst().orElseThrow();
            String said = IcbComments.latest(first, OpenQuestions.CONCLUSION);
            List<String> qs = questions(programme).stream().map(a -> bullet(a, programme)).toList();
            out.add(new Declined(programmeHeading(programme), said == null ? null : p.v(said), controllers(programme, first),
                    qs.isEmpty() ? List.of("Is the sharing under this agreement necessary, lawful and proportionate?") : qs));
        }
        return out;
    }

    /** The LMC's advice, one line per programme it has advised on (the same advice at every practice). */
    public List<String> advice() {
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
        return advice;
    }

    /** The programmes held by several practices whose outcomes differ, with the facts that differ. */
    public List<Block> differ() {
        List<Block> out = new ArrayList<>();
        for (SystemAudit.Programme programme : s.shared()) {
            if (!programme.outcomesDiffer()) {
                continue;
            }
            List<String> items = new ArrayList<>();
            for (SystemAudit.Difference d : programme.differences()) {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < programme.holdings().size(); i++) {
                    String v = d.values().get(i);
                    parts.add(p.v(programme.holdings().get(i).practice()) + ": " + p.v(FieldWords.value(d.field(), v)));
                }
                // the field in words for the ICB's reader, its column in brackets; each practice's value as typed
                items.add(p.v(FieldWords.of(d.field())) + ": " + String.join("; ", parts));
            }
            out.add(new Block(p.v(programme.label()), items));
        }
        return out;
    }

    /**
     * Each record in error, by practice, named by reference only. A validation message is the practices' own
     * business, never sent to another organisation (issue 25 item 6, issue 27 item 6): the system report keeps it.
     */
    public List<String> leftOut() {
        List<String> lines = new ArrayList<>();
        for (SystemAudit.InError e : s.inError()) {
            String id = e.dsaId() != null ? "reference " + p.v(e.dsaId()) + " (entry " + e.entry() + " of its register)"
                    : "entry " + e.entry() + " of its register";
            lines.add(p.v(e.practiceName()) + " (" + p.v(e.practice()) + "): " + id);
        }
        return lines;
    }

    // ---- how ----

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

    private String bullet(Asked a, SystemAudit.Programme programme) {
        // a programme of one agreement: the heading names it already
        if (a.forAgreements().isEmpty() || programme.holdings().size() == 1) {
            return p.v(a.question());
        }
        return p.v(a.question()) + " (for each practice: " + String.join("; ", a.forAgreements().stream().map(p::v).toList())
                + ")";
    }

    private String programmeHeading(SystemAudit.Programme programme) {
        if (programme.holdings().size() == 1) {
            SystemAudit.Holding h = programme.holdings().get(0);
            return p.v(programme.label()) + " (" + p.v(h.practice()) + "'s " + p.v(h.agreement().id()) + ")";
        }
        return p.v(programme.label()) + " (held by " + programme.practices().size() + " of our practices)";
    }

    /**
     * The sentence saying whom the questions of a declined programme are for: the organisations its agreements name
     * as controller (or joint controller), by name, each once; else the organisation that asked for the agreement,
     * asked to answer or pass them on; else the ICB is asked to pass them to the controller and name it.
     */
    private String controllers(SystemAudit.Programme programme, Agreement first) {
        Set<String> names = new LinkedHashSet<>();
        for (SystemAudit.Holding h : programme.holdings()) {
            for (Party party : h.agreement().partyList()) {
                if ((party.role() == PartyRole.CONTROLLER || party.role() == PartyRole.JOINT_CONTROLLER)
                        && party.name() != null && !party.name().isBlank()) {
                    names.add(p.v(party.name().strip()));
                }
            }
        }
        // The same sentences as the practice's follow-up letter (followUp*.jte): the questions go to a controller the
        // agreement names; with none named, to the organisation that asked for it, to answer or pass on; else the ICB
        // is asked to find the controller. Never a requester presented as the named controller.
        if (names.isEmpty()) {
            return first.requestedBy() != null && !first.requestedBy().isBlank()
                    ? "The agreement names no controller. Please pass these questions to " + p.v(first.requestedBy().strip())
                            + ", which asked for the agreement, and ask it to answer them if it is the controller, or else to "
                            + "pass them on to the controller and tell us who that is"
                    : "The agreement names no controller and does not say who asked for it, so please pass these questions "
                            + "to its controller and tell us which organisation that is";
        }
        List<String> list = new ArrayList<>(names);
        String who = list.size() == 1 ? list.get(0)
                : String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
        return "These questions are for " + who + ", which the agreement names as " + (list.size() == 1 ? "controller"
                : "controllers");
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

    private static String words(String code) {
        return code == null ? "not known" : code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
