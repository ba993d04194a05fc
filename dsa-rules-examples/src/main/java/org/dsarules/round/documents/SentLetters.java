package org.dsarules.round.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.dsarules.decision.Decided;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.model.Agreement;
import org.dsarules.model.HistoryEntry;
import org.dsarules.model.IcbAssessment;
import org.dsarules.model.IcbStatus;
import org.dsarules.model.Status;
import org.dsarules.round.OpenQuestions;

/**
 * What a register records when the practice sends one of its letters ({@code dsa-audit sent}), and how
 * the later documents read it back. A letter is recorded in the history of every agreement it is
 * about, as an entry whose {@code source} names the letter ({@code letter sent: the practice's letter to
 * the ICB}), so that the follow-up can name the date of the first letter and which replies are overdue
 * without a placeholder.
 *
 * <p>The ICB letter and the follow-up also set what the register format has a field for: an agreement
 * they ask about whose assessment was not yet asked for becomes {@code icbAssessment.status} REQUESTED
 * with {@code requestedOn} the date sent (one history entry each). An agreement whose assessment is
 * already REQUESTED keeps its first {@code requestedOn} (the reply is due from the first letter), and
 * one the ICB has answered (RECEIVED) keeps its answer: a letter never erases what the ICB said. Every
 * other letter (notice, supplier, referral reply) changes no field, so its history entry repeats the
 * field's value ({@code status}, old and new the same) and says in its source what went: the format's
 * history has no other way to record an event (record-format.md: "one change made to an agreement";
 * a reading where the spec is silent).
 */
public final class SentLetters {
    /** The words every recorded letter's history source starts with. */
    public static final String SOURCE = "letter sent: ";

    /** The letters a practice sends, by the name {@code dsa-audit sent --letter} takes. */
    public enum Letter {
        ICB("icb", "the practice's letter to the ICB"),
        FOLLOW_UP("follow-up", "the practice's follow-up letter to the ICB"),
        NOTICE("notice", "notice of withdrawal to the recipient"),
        SUPPLIER("supplier", "the letter to the GP system supplier to switch the extraction off"),
        REFERRAL_REPLY("referral-reply", "the reply to the requester: referred to the BMA");

        private final String option;
        private final String words;

        Letter(String option, String words) {
            this.option = option;
            this.words = words;
        }

        /** The name on the command line. */
        public String option() {
            return option;
        }

        /** The history source of an agreement the letter was about. */
        public String source() {
            return SOURCE + words;
        }

        /** The letter of {@code name} (the option's word, any case), if any. */
        public static Optional<Letter> of(String name) {
            for (Letter l : values()) {
                if (l.option.equalsIgnoreCase(name.strip())) {
                    return Optional.of(l);
                }
            }
            return Optional.empty();
        }

        /** Whether this letter is about {@code a} (decided {@code d}): the same choice the letter itself makes. */
        public boolean about(Decision d, Agreement a) {
            return switch (this) {
                case ICB, FOLLOW_UP -> OpenQuestions.asked(d, a);
                case NOTICE -> d.outcome() == Outcome.WITHDRAW;
                case SUPPLIER -> d.outcome() == Outcome.WITHDRAW && a.status() != Status.NEW_REQUEST;
                case REFERRAL_REPLY -> d.outcome() == Outcome.REFER_TO_BMA && a.status() == Status.NEW_REQUEST;
            };
        }
    }

    private SentLetters() {
    }

    /**
     * The agreement after recording that {@code letter} was sent about it on {@code on}; the same agreement
     * when the letter was not about it.
     */
    public static Agreement record(Letter letter, Decision d, Agreement a, LocalDate on) {
        Objects.requireNonNull(on, "on");
        if (!letter.about(d, a)) {
            return a;
        }
        List<HistoryEntry> added = new ArrayList<>();
        Agreement.Builder b = a.toBuilder();
        IcbAssessment i = a.icbAssessment();
        boolean asks = letter == Letter.ICB || letter == Letter.FOLLOW_UP;
        if (asks && (i == null || i.status() == null || i.status() == IcbStatus.NOT_REQUESTED)) {
            added.add(new HistoryEntry(on, "icbAssessment.status", i == null || i.status() == null ? null
                    : i.status().name(), IcbStatus.REQUESTED.name(), letter.source()));
            added.add(new HistoryEntry(on, "icbAssessment.requestedOn", i == null || i.requestedOn() == null ? null
                    : i.requestedOn().toString(), on.toString(), letter.source()));
            b.icbAssessment(IcbAssessment.requested(on));
        } else if (asks && i.status() == IcbStatus.REQUESTED && i.requestedOn() == null) {
            added.add(new HistoryEntry(on, "icbAssessment.requestedOn", null, on.toString(), letter.source()));
            b.icbAssessment(IcbAssessment.requested(on));
        } else {
            String status = a.status() == null ? null : a.status().name();
            added.add(new HistoryEntry(on, "status", status, status, letter.source()));
        }
        List<HistoryEntry> history = new ArrayList<>(a.history() == null ? List.of() : a.history());
        history.addAll(added);
        return b.history(history).build();
    }

    /**
     * The agreement after recording that {@code letter}, recorded as sent on {@code was}, was in fact sent on
     * {@code on}: a new history entry whose source names the correction (the entry recorded first stays, the
     * history is append-only); the same agreement when no such letter was recorded on {@code was}. A request the
     * letter made on {@code was} ({@code icbAssessment.requestedOn}, still REQUESTED) moves to {@code on}, since the
     * ICB's days to reply run from the day the letter really went.
     */
    public static Agreement correct(Letter letter, Agreement a, LocalDate was, LocalDate on) {
        Objects.requireNonNull(was, "was");
        Objects.requireNonNull(on, "on");
        if (was.equals(on) || !sentDates(a, letter).contains(was)) {
            return a;
        }
        String source = correctionSource(letter, was);
        Agreement.Builder b = a.toBuilder();
        IcbAssessment i = a.icbAssessment();
        HistoryEntry entry;
        if ((letter == Letter.ICB || letter == Letter.FOLLOW_UP) && i != null && i.status() == IcbStatus.REQUESTED
                && was.equals(i.requestedOn())) {
            entry = new HistoryEntry(on, "icbAssessment.requestedOn", was.toString(), on.toString(), source);
            b.icbAssessment(IcbAssessment.requested(on));
        } else {
            String status = a.status() == null ? null : a.status().name();
            entry = new HistoryEntry(on, "status", status, status, source);
        }
        List<HistoryEntry> history = new ArrayList<>(a.history() == null ? List.of() : a.history());
        history.add(entry);
        return b.history(history).build();
    }

    /** The history source of a correction: the letter's own source, then the date it replaces. */
    static String correctionSource(Letter letter, LocalDate was) {
        return letter.source() + " (corrected: recorded before as sent on " + was + ")";
    }

    /**
     * The days {@code letter} is recorded as sent about {@code a}, in history order, each correction replacing
     * the date it names.
     */
    static List<LocalDate> sentDates(Agreement a, Letter letter) {
        List<LocalDate> dates = new ArrayList<>();
        if (a.history() == null) {
            return dates;
        }
        String corrected = letter.source() + " (corrected: recorded before as sent on ";
        for (HistoryEntry h : a.history()) {
            if (h.source() == null || h.date() == null) {
                continue;
            }
            if (letter.source().equals(h.source())) {
                if (!dates.contains(h.date())) {
                    dates.add(h.date());
                }
            } else if (h.source().startsWith(corrected) && h.source().endsWith(")")) {
                try {
                    dates.remove(LocalDate.parse(h.source().substring(corrected.length(), h.source().length() - 1)));
                } catch (java.time.format.DateTimeParseException e) {
                    continue;
                }
                if (!dates.contains(h.date())) {
                    dates.add(h.date());
                }
            }
        }
        return dates;
    }

    /** The day {@code letter} was first recorded as sent about {@code a}, from its history (corrections applied); or null. */
    public static LocalDate firstSent(Agreement a, Letter letter) {
        return sentDates(a, letter).stream().min(LocalDate::compareTo).orElse(null);
    }

    /** The day {@code letter} was first recorded as sent about any agreement of the register; or null. */
    public static LocalDate firstSent(List<Decided> register, Letter letter) {
        return register.stream().map(x -> firstSent(x.agreement(), letter)).filter(Objects::nonNull)
                .min(LocalDate::compareTo).orElse(null);
    }

    /** The letters' names for messages: {@code icb, follow-up, ...}. */
    public static String names() {
        List<String> n = new ArrayList<>();
        for (Letter l : Letter.values()) {
            n.add(l.option());
        }
        return String.join(", ", n).toLowerCase(Locale.ROOT);
    }
}
