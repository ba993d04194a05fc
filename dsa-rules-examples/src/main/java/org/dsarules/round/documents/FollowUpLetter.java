package org.dsarules.round.documents;

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
 */
public final class FollowUpLetter {
    /** Days the ICB has to reply before a request is overdue, unless told otherwise. */
    public static final int DEFAULT_REPLY_DAYS = 28;

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private FollowUpLetter() {
    }

    /** The letter in Markdown. */
    public static String markdown(AuditedRegister register, int replyWithinDays) {
        return write(register, replyWithinDays, Prose.Form.MARKDOWN);
    }

    /** The letter as plain text, to paste into an email. */
    public static String text(AuditedRegister register, int replyWithinDays) {
        return write(register, replyWithinDays, Prose.Form.TEXT);
    }

    /** Whether the register records that the round has begun: an answer applied, so the follow-up is the letter due. */
    public static boolean due(AuditedRegister register) {
        return register.decided().stream().map(Decided::agreement).anyMatch(a -> a.history() != null && a.history().stream()
                .anyMatch(h -> h.field().startsWith("icbAssessment.") || h.source() != null
                        && h.source().startsWith("ICB questionnaire")));
    }

    private record Entry(Decision decision, Agreement agreement) {
        String head(Prose p) {
            return p.v(agreement.id()) + (agreement.title() != null ? ": " + p.v(agreement.title()) : "");
        }
    }

    private static String write(AuditedRegister register, int replyWithinDays, Prose.Form form) {
        Objects.requireNonNull(register, "register");
        if (replyWithinDays < 0) {
            throw new IllegalArgumentException("the reply window must not be negative: " + replyWithinDays);
        }
        Prose p = new Prose(form);
        LocalDate asOf = register.result().asOf();
        List<Entry> entries = new ArrayList<>();
        for (Decided x : register.decided()) {
            entries.add(new Entry(x.decision(), x.agreement()));
        }
        Practice practice = register.practice();
        String name = practice == null || blank(practice.name()) ? "[PRACTICE NAME]" : p.v(practice.name());
        String ods = practice == null || blank(practice.odsCode()) ? "[ODS CODE]" : p.v(practice.odsCode());
        String icb = practice == null || blank(practice.icb()) ? "[ICB NAME]" : p.v(practice.icb());

        // The first letter's date as `dsa-audit sent` recorded it; else the earliest request the register holds.
        LocalDate firstLetter = SentLetters.firstSent(register.decided(), SentLetters.Letter.ICB);
        if (firstLetter == null) {
            firstLetter = entries.stream().map(e -> e.agreement().icbAssessment())
                    .filter(Objects::nonNull).map(IcbAssessment::requestedOn).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
        }
        LocalDate reply = entries.stream().map(e -> e.agreement().icbAssessment())
                .filter(i -> i != null && i.status() == IcbStatus.RECEIVED).map(IcbAssessment::receivedOn)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);

        p.lines(List.of(p.bold(name) + " (ODS code " + ods + ")", "[PRACTICE ADDRESS]"));
        p.para(LONG.format(asOf));
        p.lines(List.of("To: [ICB CONTACT NAME], " + icb, "[ICB ADDRESS OR EMAIL]"));
        p.title("Our data sharing agreements: following up our letter of "
                + (firstLetter == null ? "[DATE OF OUR FIRST LETTER]" : LONG.format(firstLetter)));
        p.para("Dear [ICB CONTACT NAME],");
        p.para("We wrote to you on " + (firstLetter == null ? "[DATE OF OUR FIRST LETTER]" : LONG.format(firstLetter))
                + " about the data sharing agreements on the register of " + name + ", asking for information on some "
                + "of them and for your assessment of those the practice has signed. "
                + (reply == null ? "We have not yet had your reply on the agreements below."
                        : "Thank you for your reply of " + LONG.format(reply) + ". We have recorded your answers and "
                                + "reviewed the agreements again as of " + LONG.format(asOf) + "."));

        List<Entry> assessed = entries.stream().filter(e -> OpenQuestions.assessed(e.agreement())).toList();
        List<Entry> declined = entries.stream().filter(e -> OpenQuestions.declined(e.agreement())).toList();
        // A withdrawal is in its own section (notice given, the law's requirement asked there), never "still open".
        List<Entry> open = entries.stream().filter(e -> !OpenQuestions.declined(e.agreement()))
                .filter(e -> e.decision().outcome() != Outcome.WITHDRAW)
                .filter(e -> OpenQuestions.asked(e.decision(), e.agreement())).toList();
        List<Entry> overdue = entries.stream().filter(e -> overdue(e.agreement(), asOf, replyWithinDays)).toList();

        p.heading("1. What your reply settled");
        if (assessed.isEmpty()) {
            p.para("Your reply has not yet assessed any of our agreements.");
        } else {
            p.para("Thank you for assessing these agreements. We will not ask for your assessment of them again:");
            List<String> items = new ArrayList<>();
            for (Entry e : assessed) {
                IcbAssessment i = e.agreement().icbAssessment();
                LocalDate on = answeredOn(e.agreement());
                items.add(e.head(p) + ": you assessed it as " + words(i.conclusion().name())
                        + (on != null ? " (answered on " + LONG.format(on) + ")" : "") + ". "
                        + consequence(e.decision(), e.agreement(), p) + comment(e.agreement(), p));
            }
            p.bullets(items);
        }

        p.heading("2. What is still open");
        if (open.isEmpty()) {
            p.para("Nothing else is open on our side.");
        } else {
            p.para("For each agreement below we still need the answers to these questions, and only these: the "
                    + "attached questionnaire has a row for each, with the values we can record.");
            for (Entry e : open) {
                p.subheading(e.head(p));
                org.dsarules.model.HistoryEntry said = IcbComments.latestAny(e.agreement());
                if (said != null) {
                    p.para("Your reply on it said: \u201C" + p.v(said.comment().strip()) + "\u201D");
                }
                List<String> qs = new ArrayList<>();
                for (OpenQuestion q : OpenQuestions.of(e.decision(), e.agreement())) {
                    qs.add(p.v(q.question()));
                }
                p.bullets(qs);
            }
        }

        if (!declined.isEmpty()) {
            p.heading("3. Agreements you declined to assess");
            p.para("For the agreements below your reply said that the ICB's role is limited and does not extend to "
                    + "assessing them. We answer that reply point by point.");
            p.para("The practice asks as the controller. The partners of " + name + " are the controller of their "
                    + "patients' records. Before the practice shares them, or goes on sharing them, it must be satisfied "
                    + "that the sharing is lawful, necessary and proportionate, and it cannot be satisfied without the "
                    + "answers below. We are not asking the ICB to take that decision for us: we are asking for the "
                    + "facts we need to take it.");
            p.para("The ICB can obtain the answers. These agreements reached the practice through the ICB, which "
                    + "commissions or hosts them and works with the organisations they name. It can obtain the answers "
                    + "from those organisations more readily than each of its practices can, and once for all of them.");
            p.para("Where only the controller named in an agreement can answer, please pass our questions to it, by "
                    + "the name below, and tell us that you have done so and when. We will record its answers as we "
                    + "record yours.");
            for (Entry e : declined) {
                p.subheading(e.head(p));
                String said = IcbComments.latest(e.agreement(), OpenQuestions.CONCLUSION);
                if (said != null) {
                    p.para("Your reply said: \u201C" + p.v(said) + "\u201D");
                }
                p.para("These questions are for " + controllers(e.agreement(), p) + ", which the agreement names as "
                        + "controller:");
                List<String> qs = new ArrayList<>();
                for (OpenQuestion q : OpenQuestions.of(e.decision(), e.agreement())) {
                    qs.add(p.v(q.question()));
                }
                if (qs.isEmpty()) {
                    qs.add("Is the sharing under this agreement necessary, lawful and proportionate?");
                }
                p.bullets(qs);
            }
        }

        p.heading((declined.isEmpty() ? "3" : "4") + ". Replies now overdue");
        if (overdue.isEmpty()) {
            p.para("No reply is overdue.");
        } else {
            p.para("We asked for your answers on these agreements more than " + replyWithinDays + " days ago and have "
                    + "not had them:");
            List<String> items = new ArrayList<>();
            for (Entry e : overdue) {
                LocalDate asked = e.agreement().icbAssessment().requestedOn();
                items.add(e.head(p) + ": asked on " + LONG.format(asked) + ", due by "
                        + LONG.format(asked.plusDays(replyWithinDays)));
            }
            p.bullets(items);
        }

        List<Entry> withdraw = entries.stream().filter(e -> e.decision().outcome() == Outcome.WITHDRAW).toList();
        p.heading((declined.isEmpty() ? "4" : "5") + ". Agreements we are withdrawing from");
        if (withdraw.isEmpty()) {
            p.para("There are none at present.");
        } else {
            // One story with the first letter: notice is given, not threatened (issue 25 item 4).
            p.para("The practice is withdrawing from these agreements, giving notice under the terms of each. If the "
                    + "law or the practice's contract requires it to share under one of them, please tell us by "
                    + LONG.format(asOf.plusDays(replyWithinDays)) + ", naming the provision.");
            List<String> items = new ArrayList<>();
            for (Entry e : withdraw) {
                LocalDate notice = SentLetters.firstSent(e.agreement(), SentLetters.Letter.NOTICE);
                items.add(p.bold(e.head(p)) + ". Reason: " + p.v(e.decision().summary())
                        + (notice != null ? " Notice of withdrawal was given on " + LONG.format(notice) + "." : ""));
            }
            p.bullets(items);
        }

        p.para("Please send your reply to [PRACTICE EMAIL ADDRESS].");
        p.para("Yours sincerely,");
        p.lines(List.of("[PRACTICE MANAGER NAME]", "[ROLE], on behalf of the partners of " + name));
        p.para("cc: [LMC NAME], Local Medical Committee");
        return p.toString();
    }

    /** A request sent, no reply received, and the reply window passed before the as-of date. */
    static boolean overdue(Agreement a, LocalDate asOf, int days) {
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

    /** The organisations the agreement names as controller (or joint controller), by name; else a placeholder. */
    static String controllers(Agreement a, Prose p) {
        List<String> names = new ArrayList<>();
        for (Party party : a.partyList()) {
            if (party.role() == PartyRole.CONTROLLER || party.role() == PartyRole.JOINT_CONTROLLER) {
                names.add(p.v(party.name().strip()));
            }
        }
        if (names.isEmpty()) {
            return a.requestedBy() != null && !a.requestedBy().isBlank()
                    ? p.v(a.requestedBy().strip()) + ", which asked for the agreement (it names no controller)"
                    : "[CONTROLLER NAME], the controller (the agreement names none)";
        }
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /**
     * What follows from the decision, in words that suit the agreement's status: a signed agreement is kept or
     * withdrawn from; a request is signed or not. A withdrawal gives its reason.
     */
    private static String consequence(Decision d, Agreement a, Prose p) {
        boolean request = a.status() == Status.NEW_REQUEST;
        return switch (d.outcome()) {
            case KEEP -> request ? "The practice can sign it." : "The practice will go on sharing under it.";
            case WITHDRAW -> (request ? "The practice will not sign it, because " : "The practice is withdrawing from "
                    + "it, because ") + lowerFirst(p.v(d.summary())) + ".";
            case REFER_TO_BMA -> "The practice is referring it to the BMA.";
            case ASK_ICB_FOR_INFORMATION -> "The practice cannot decide yet: the questions that remain are below.";
        };
    }

    private static String lowerFirst(String s) {
        String t = s == null ? "" : s.strip();
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.length() > 1 && Character.isUpperCase(t.charAt(0)) && !Character.isUpperCase(t.charAt(1))
                ? Character.toLowerCase(t.charAt(0)) + t.substring(1) : t;
    }

    /** The ICB's own words on its latest conclusion (the questionnaire's comment column), as " You added: ..."; or "". */
    static String comment(Agreement a, Prose p) {
        String c = IcbComments.latest(a, OpenQuestions.CONCLUSION);
        return c == null ? "" : " You added: \u201C" + p.v(c) + "\u201D";
    }

    private static String words(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
