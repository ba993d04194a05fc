package org.dsarules.round.documents;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.StringOutput;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.dsarules.decision.Decided;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.model.Agreement;
import org.dsarules.model.HistoryEntry;
import org.dsarules.model.IcbAssessment;
import org.dsarules.model.IcbStatus;
import org.dsarules.model.Party;
import org.dsarules.model.PartyRole;
import org.dsarules.model.Practice;
import org.dsarules.model.Status;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.OpenQuestion;
import org.dsarules.round.OpenQuestions;

/**
 * The practice's follow-up letter to its ICB, once the ICB has replied to the first: it refers to the
 * first letter and thanks the ICB for its reply; says what the reply settled (agreements the ICB
 * assessed are not asked about again); asks, agreement by agreement, only what is still open; for an
 * agreement on which the ICB declined to assess (the stock reply about its limited role), asks it to
 * pass the questions to the controller the agreement names, naming that organisation; and names the
 * agreements whose reply is overdue ({@code requestedOn} plus the reply window). Square-bracketed
 * placeholders are for the practice to fill in. Deterministic: no clock is read.
 *
 * <p>What the letter says of each agreement is chosen here, from its decision, status and history, into a
 * {@link FollowUp} (register text already escaped for the letter's form, by {@link Prose}); the words and
 * the layout are the templates {@code followUpMarkdown.jte} and {@code followUpText.jte} (with the first
 * letters, in {@code src/main/jte/plain}).
 */
public final class FollowUpLetter {
    /** Days the ICB has to reply before a request is overdue, unless told otherwise. */
    public static final int DEFAULT_REPLY_DAYS = 28;

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** The plain templates, compiled at build time into the first letters' package. */
    private static final class Engine {
        static final TemplateEngine PLAIN = TemplateEngine.createPrecompiled(null, ContentType.Plain,
                FollowUpLetter.class.getClassLoader(), "org.dsarules.documents");
    }

    private FollowUpLetter() {
    }

    /** The letter in Markdown. */
    public static String markdown(AuditedRegister register, int replyWithinDays) {
        return render("followUpMarkdown.jte", FollowUp.of(register, replyWithinDays, new Prose(Prose.Form.MARKDOWN)));
    }

    /** The letter as plain text, to paste into an email. */
    public static String text(AuditedRegister register, int replyWithinDays) {
        return render("followUpText.jte", FollowUp.of(register, replyWithinDays, new Prose(Prose.Form.TEXT)));
    }

    /** Whether the register records that the round has begun: an answer applied, so the follow-up is the letter due. */
    public static boolean due(AuditedRegister register) {
        return register.decided().stream().map(Decided::agreement).anyMatch(a -> a.history() != null && a.history().stream()
                .anyMatch(h -> h.field().startsWith("icbAssessment.") || h.source() != null
                        && h.source().startsWith("ICB questionnaire")));
    }

    private static String render(String template, FollowUp letter) {
        StringOutput out = new StringOutput(8 * 1024);
        try {
            Engine.PLAIN.render(template, letter, out);
        } catch (TemplateException e) {
            throw new IllegalStateException("letter template " + template + " failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /**
     * What the follow-up letter says, chosen from the register; every string from the register is escaped for
     * the letter's form, every date is in words, a placeholder stands where the register has nothing.
     *
     * @param name        the practice's name, or {@code [PRACTICE NAME]}
     * @param ods         its ODS code, or {@code [ODS CODE]}
     * @param icb         its ICB, or {@code [ICB NAME]}
     * @param date        the as-of date: the letter's date
     * @param firstLetter the date of the first letter, or {@code [DATE OF OUR FIRST LETTER]}
     * @param reply       the date of the ICB's latest reply, or null when none was received
     * @param replyDays   the reply window in days
     * @param replyBy     the date by which a law requiring an agreement the practice withdraws from must be named
     * @param leftOut     the records in error the letter leaves out (written only with --allow-incomplete), each
     *                    by reference only: "our reference A-3 (entry 3 of our register)"
     */
    public record FollowUp(String name, String ods, String icb, String date, String firstLetter, String reply,
            int replyDays, String replyBy, List<Assessed> assessed, List<Open> open, List<Declined> declined,
            List<Overdue> overdue, List<Withdrawn> withdraw, List<String> leftOut) {

        static FollowUp of(AuditedRegister register, int replyWithinDays, Prose p) {
            Objects.requireNonNull(register, "register");
            if (replyWithinDays < 0) {
                throw new IllegalArgumentException("the reply window must not be negative: " + replyWithinDays);
            }
            LocalDate asOf = register.result().asOf();
            List<Decided> entries = register.decided();
            Practice practice = register.practice();
            String name = practice == null || blank(practice.name()) ? "[PRACTICE NAME]" : p.v(practice.name());
            String ods = practice == null || blank(practice.odsCode()) ? "[ODS CODE]" : p.v(practice.odsCode());
            String icb = practice == null || blank(practice.icb()) ? "[ICB NAME]" : p.v(practice.icb());

            // The first letter's date as `dsa-audit sent` recorded it; else the earliest request the register holds.
            LocalDate firstLetter = SentLetters.firstSent(entries, SentLetters.Letter.ICB);
            if (firstLetter == null) {
                firstLetter = entries.stream().map(e -> e.agreement().icbAssessment())
                        .filter(Objects::nonNull).map(IcbAssessment::requestedOn).filter(Objects::nonNull)
                        .min(Comparator.naturalOrder()).orElse(null);
            }
            LocalDate reply = entries.stream().map(e -> e.agreement().icbAssessment())
                    .filter(i -> i != null && i.status() == IcbStatus.RECEIVED).map(IcbAssessment::receivedOn)
                    .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);

            List<Assessed> assessed = new ArrayList<>();
            List<Open> open = new ArrayList<>();
            List<Declined> declined = new ArrayList<>();
            List<Overdue> overdue = new ArrayList<>();
            List<Withdrawn> withdraw = new ArrayList<>();
            for (Decided x : entries) {
                Decision d = x.decision();
                Agreement a = x.agreement();
                String head = p.v(a.id()) + (a.title() != null ? ": " + p.v(a.title()) : "");
                if (OpenQuestions.assessed(a)) {
                    LocalDate on = answeredOn(a);
                    String comment = IcbComments.latest(a, OpenQuestions.CONCLUSION);
                    assessed.add(new Assessed(head, words(a.icbAssessment().conclusion().name()),
                            on == null ? null : LONG.format(on), Consequence.of(d, a),
                            d.outcome() == Outcome.WITHDRAW ? lowerFirst(p.v(d.summary())) : null,
                            comment == null ? null : p.v(comment)));
                }
                if (OpenQuestions.declined(a)) {
                    String said = IcbComments.latest(a, OpenQuestions.CONCLUSION);
                    declined.add(new Declined(head, said == null ? null : p.v(said), controllers(a, p),
                            blank(a.requestedBy()) ? null : p.v(a.requestedBy().strip()), questions(d, a, p)));
                } else if (d.outcome() != Outcome.WITHDRAW && OpenQuestions.asked(d, a)) {
                    // A withdrawal is in its own section (notice given, the law's requirement asked there), never "still open".
                    HistoryEntry said = IcbComments.latestAny(a);
                    open.add(new Open(head, said == null ? null : p.v(said.comment().strip()), questions(d, a, p)));
                }
                if (replyOverdue(a, asOf, replyWithinDays)) {
                    LocalDate asked = a.icbAssessment().requestedOn();
                    overdue.add(new Overdue(head, LONG.format(asked), LONG.format(asked.plusDays(replyWithinDays))));
                }
                if (d.outcome() == Outcome.WITHDRAW) {
                    LocalDate notice = SentLetters.firstSent(a, SentLetters.Letter.NOTICE);
                    withdraw.add(new Withdrawn(head, p.v(d.summary()), notice == null ? null : LONG.format(notice)));
                }
            }
            return new FollowUp(name, ods, icb, LONG.format(asOf),
                    firstLetter == null ? "[DATE OF OUR FIRST LETTER]" : LONG.format(firstLetter),
                    reply == null ? null : LONG.format(reply), replyWithinDays, LONG.format(asOf.plusDays(replyWithinDays)),
                    List.copyOf(assessed), List.copyOf(open), List.copyOf(declined), List.copyOf(overdue),
                    List.copyOf(withdraw), leftOut(register, p));
        }

        /**
         * The records in error, named as the first letter names them. Never their validation message: that is the
         * practice's own business, not the ICB's (issue 25 item 6, issue 27 item 6). Entries counted from 1.
         */
        private static List<String> leftOut(AuditedRegister register, Prose p) {
            return register.result().errors().stream().map(e -> e.dsaId() != null && !e.dsaId().isBlank()
                    ? "our reference " + p.v(e.dsaId()) + " (entry " + (e.index() + 1) + " of our register)"
                    : "entry " + (e.index() + 1) + " of our register").distinct().toList();
        }

        /** The number of a section after the first two: one more when the section on declined agreements is there. */
        public int section(int withoutDeclined) {
            return declined.isEmpty() ? withoutDeclined : withoutDeclined + 1;
        }
    }

    /**
     * An agreement the ICB assessed: its heading, the conclusion in words, the day answered (or null), what
     * follows from the decision, the decision's reason lower-cased to follow "because", the ICB's comment (or null).
     */
    public record Assessed(String head, String conclusion, String answeredOn, Consequence consequence, String because,
            String comment) {
    }

    /** What follows from the decision, chosen by the agreement's status: a signed agreement is kept or withdrawn from; a request is signed or not. */
    public enum Consequence {
        SIGN, SHARE_ON, NOT_SIGN, WITHDRAW, REFER, UNDECIDED;

        static Consequence of(Decision d, Agreement a) {
            boolean request = a.status() == Status.NEW_REQUEST;
            return switch (d.outcome()) {
                case KEEP -> request ? SIGN : SHARE_ON;
                case WITHDRAW -> request ? NOT_SIGN : WITHDRAW;
                case REFER_TO_BMA -> REFER;
                case ASK_ICB_FOR_INFORMATION -> UNDECIDED;
            };
        }
    }

    /** An agreement still open: its heading, the ICB's latest comment on it (or null), the questions still asked. */
    public record Open(String head, String said, List<String> questions) {
    }

    /**
     * An agreement the ICB declined to assess: its heading, the ICB's comment on its conclusion (or null), the
     * controllers it names (none, one or more), who asked for it (or null), the questions still asked (maybe none).
     */
    public record Declined(String head, String said, List<String> controllers, String requestedBy,
            List<String> questions) {

        /** The controllers by name: "A", "A and B", "A, B and C". */
        public String controllerNames() {
            return controllers.size() == 1 ? controllers.get(0)
                    : String.join(", ", controllers.subList(0, controllers.size() - 1)) + " and "
                            + controllers.get(controllers.size() - 1);
        }

        /**
         * Who asked for the agreement, when it is not one of the controllers it names (else null): the letter names
         * it beside the controllers, never as one of them.
         */
        public String otherRequester() {
            if (requestedBy == null || controllers.stream().anyMatch(c -> c.equalsIgnoreCase(requestedBy))) {
                return null;
            }
            return requestedBy;
        }
    }

    /** An agreement whose reply is overdue: its heading, the day asked, the day the reply was due. */
    public record Overdue(String head, String askedOn, String dueBy) {
    }

    /** An agreement the practice withdraws from: its heading, the decision's reason, the day notice was given (or null). */
    public record Withdrawn(String head, String reason, String noticeOn) {
    }

    private static List<String> questions(Decision d, Agreement a, Prose p) {
        List<String> qs = new ArrayList<>();
        for (OpenQuestion q : OpenQuestions.of(d, a)) {
            qs.add(p.v(q.question()));
        }
        return List.copyOf(qs);
    }

    /** A request sent, no reply received, and the reply window passed before the as-of date. */
    static boolean replyOverdue(Agreement a, LocalDate asOf, int days) {
        IcbAssessment i = a.icbAssessment();
        return i != null && i.status() != IcbStatus.RECEIVED && i.requestedOn() != null
                && i.requestedOn().plusDays(days).isBefore(asOf);
    }

    /** The day the ICB's conclusion was recorded: from the history when an answer set it, else receivedOn. */
    static LocalDate answeredOn(Agreement a) {
        if (a.history() != null) {
            for (int k = a.history().size() - 1; k >= 0; k--) {
                HistoryEntry h = a.history().get(k);
                if (h.field().equals(OpenQuestions.CONCLUSION)) {
                    return h.date();
                }
            }
        }
        return a.icbAssessment() == null ? null : a.icbAssessment().receivedOn();
    }

    /** The organisations the agreement names as controller (or joint controller), by name, escaped. */
    static List<String> controllers(Agreement a, Prose p) {
        List<String> names = new ArrayList<>();
        for (Party party : a.partyList()) {
            if (party.role() == PartyRole.CONTROLLER || party.role() == PartyRole.JOINT_CONTROLLER) {
                names.add(p.v(party.name().strip()));
            }
        }
        return List.copyOf(names);
    }

    private static String lowerFirst(String s) {
        String t = s == null ? "" : s.strip();
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.length() > 1 && Character.isUpperCase(t.charAt(0)) && !Character.isUpperCase(t.charAt(1))
                ? Character.toLowerCase(t.charAt(0)) + t.substring(1) : t;
    }

    private static String words(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
