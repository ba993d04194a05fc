package org.dsarules.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.RecordError;
import org.dsarules.decision.TraceLevel;
import org.dsarules.model.Practice;

/**
 * A whole audit as the templates see it: the practice, the rules, the date, and the decided agreements
 * in urgency order (WITHDRAW, REFER_TO_BMA, ASK_ICB_FOR_INFORMATION, KEEP; then id).
 */
final class View {

    /** One bar of the outcome chart; geometry computed here so the template holds no arithmetic. */
    record Bar(String label, String css, int count, int y, int width, int textX) {
    }

    static final Comparator<Decision> URGENCY = Comparator.comparingInt((Decision d) -> Plain.urgency(d.outcome()))
            .thenComparing(Decision::dsaId);

    private final AuditResult result;
    private final List<Item> items;
    private final IcbQuestions questions;

    View(DocumentModel audited) {
        this.result = audited.result();
        List<DecidedAgreement> sorted = audited.agreements().stream()
                .sorted(Comparator.comparing(DecidedAgreement::decision, URGENCY)).toList();
        List<Item> list = new ArrayList<>(sorted.size());
        int n = 0;
        for (DecidedAgreement d : sorted) {
            list.add(new Item(++n, d, result.asOf()));
        }
        this.items = List.copyOf(list);
        this.questions = new IcbQuestions(ask().stream().sorted(Comparator.comparing(Item::id)).toList());
    }

    // --- The letter to the ICB. ---

    /** The questions of the letter, numbered once, grouped by theme, and which agreement needs which. */
    /**
     * The signed agreements the letter names nowhere else (not asked about, not withdrawn from): the ICB is
     * asked, once for all of them, to assess each, so that the letter names every agreement the practice is
     * signed up to (issue 25 item 7). An agreement the ICB has assessed already is not listed again.
     */
    List<Item> toAssess() {
        java.util.Set<String> named = new java.util.HashSet<>();
        questions.agreements().forEach(a -> named.add(a.item().id()));
        return items.stream().filter(i -> !i.isNewRequest() && i.agreement() != null)
                .filter(i -> i.outcome() != Outcome.WITHDRAW && !named.contains(i.id()))
                .filter(i -> !org.dsarules.round.OpenQuestions.assessed(i.agreement()))
                .sorted(Comparator.comparing(Item::id)).toList();
    }

    /** The signed agreements the ICB has assessed already: named once, so the letter names every signed agreement. */
    List<Item> assessedAlready() {
        return items.stream().filter(i -> !i.isNewRequest() && i.agreement() != null && i.outcome() != Outcome.WITHDRAW)
                .filter(i -> org.dsarules.round.OpenQuestions.assessed(i.agreement()))
                .sorted(Comparator.comparing(Item::id)).toList();
    }

    /** "Title, with Org (our reference X); ..." for a one-line list. */
    static String headings(List<Item> items) {
        return String.join("; ", items.stream().map(Item::heading).toList());
    }

    IcbQuestions questions() {
        return questions;
    }

    /** How many days the letter gives the ICB to reply; the follow-up letter counts from the same. */
    static final int REPLY_WITHIN_DAYS = 28;

    /** The letter's date in words: the date the audit was made as of. */
    String dateInWords() {
        return Plain.date(result.asOf());
    }

    String replyBy() {
        return Plain.date(result.asOf().plusDays(REPLY_WITHIN_DAYS));
    }

    static String noticeWhen() {
        return Item.NOTICE_WHEN;
    }

    // --- Records left out of a document. ---

    /** The records in error, named as the reader knows them: "our reference MB-04 (entry 3 of our register)". */
    List<String> leftOut() {
        // Named by reference only: a validation message is the practice's own business, never sent to another
        // organisation (issue 25 item 6); the practice's audit and report keep the messages. The entry is counted
        // from 1, as the reader counts and as the system letter says it (RecordError.index counts from 0).
        return result.errors().stream().map(e -> e.dsaId() != null ? "our reference " + Plain.line(e.dsaId())
                + " (entry " + (e.index() + 1) + " of our register)" : "entry " + (e.index() + 1) + " of our register")
                .distinct().toList();
    }

    boolean hasPracticeName() {
        Practice p = result.practice();
        return p != null && p.name() != null && !p.name().isBlank();
    }

    boolean hasOdsCode() {
        Practice p = result.practice();
        return p != null && p.odsCode() != null && !p.odsCode().isBlank();
    }

    boolean hasIcb() {
        Practice p = result.practice();
        return p != null && p.icb() != null && !p.icb().isBlank();
    }

    // --- The practice. Placeholders where the register does not say. ---

    boolean hasPractice() {
        return result.practice() != null;
    }

    String practiceName() {
        Practice p = result.practice();
        return p == null || p.name() == null || p.name().isBlank() ? "[PRACTICE NAME]" : p.name();
    }

    String odsCode() {
        Practice p = result.practice();
        return p == null || p.odsCode() == null || p.odsCode().isBlank() ? "[ODS CODE]" : p.odsCode();
    }

    String icb() {
        Practice p = result.practice();
        return p == null || p.icb() == null || p.icb().isBlank() ? "[ICB NAME]" : p.icb();
    }

    // --- The rules and the date. ---

    String kbName() {
        return result.knowledgeBase().name();
    }

    String kbVersion() {
        return result.knowledgeBase().version();
    }

    String fingerprint() {
        return result.knowledgeBase().fingerprint();
    }

    String asOf() {
        return result.asOf().toString();
    }

    /** Empty for a full trace, else a note that the trace was cut. */
    String traceNote() {
        TraceLevel t = result.traceLevel();
        if (t == null || t == TraceLevel.FULL) {
            return "";
        }
        return t == TraceLevel.DECISIVE ? "Each trace shows only the decisive rule (the audit was run with a shortened trace)."
                : "Traces are omitted (the audit was run without them).";
    }

    // --- Counts. ---

    int count(Outcome o) {
        return result.summary().count(o);
    }

    int errorCount() {
        return result.summary().errors();
    }

    int total() {
        return result.summary().total();
    }

    /** The bars of the outcome chart, most urgent first, then the records in error. */
    List<Bar> bars() {
        int[] counts = {count(Outcome.WITHDRAW), count(Outcome.REFER_TO_BMA), count(Outcome.ASK_ICB_FOR_INFORMATION),
            count(Outcome.KEEP), errorCount()};
        String[] labels = {"Withdraw", "Refer to the BMA", "Ask the ICB", "Keep", "In error"};
        String[] css = {"withdraw", "refer", "ask", "keep", "error"};
        int max = 1;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            int width = counts[i] == 0 ? 0 : Math.max(4, Math.round(CHART_BAR * counts[i] / (float) max));
            bars.add(new Bar(labels[i], css[i], counts[i], 10 + i * 36, width, CHART_LEFT + width + 8));
        }
        return bars;
    }

    static final int CHART_LEFT = 150;
    static final int CHART_BAR = 380;

    int chartHeight() {
        return 10 + 5 * 36;
    }

    // --- Agreements. ---

    List<Item> items() {
        return items;
    }

    List<Item> withOutcome(Outcome o) {
        return items.stream().filter(i -> i.outcome() == o).toList();
    }

    List<Item> withdraw() {
        return withOutcome(Outcome.WITHDRAW);
    }

    List<Item> refer() {
        return withOutcome(Outcome.REFER_TO_BMA);
    }

    List<Item> ask() {
        return withOutcome(Outcome.ASK_ICB_FOR_INFORMATION);
    }

    List<Item> keep() {
        return withOutcome(Outcome.KEEP);
    }

    /** WITHDRAW decisions on agreements the practice has signed (not new requests): extractions to switch off. */
    List<Item> withdrawExisting() {
        return withdraw().stream().filter(i -> !i.isNewRequest()).toList();
    }

    /** REFER_TO_BMA decisions on new requests: the requesters to tell that their request is referred. */
    List<Item> referNewRequests() {
        return refer().stream().filter(Item::isNewRequest).toList();
    }

    /**
     * The GP system supplier the supplier letter goes to: the supplier named (kind GP_SYSTEM_SUPPLIER) in the
     * agreements withdrawn from, or a placeholder when none or several different ones are named.
     */
    String supplier() {
        Set<String> names = new TreeSet<>();
        withdrawExisting().forEach(i -> names.addAll(i.suppliers()));
        return names.size() == 1 ? names.iterator().next() : "[GP SYSTEM SUPPLIER]";
    }

    /** Agreements the practice has signed (status EXISTING), by id: those whose assessment the letter asks for. */
    List<Item> existing() {
        return items.stream().filter(Item::isExisting).sorted(Comparator.comparing(Item::id)).toList();
    }

    /** Agreements whose status is not known (or whose agreement was not passed): named in the letter too. */
    List<Item> statusUnknown() {
        return items.stream().filter(i -> !i.isExisting() && !i.isNewRequest())
                .sorted(Comparator.comparing(Item::id)).toList();
    }

    List<RecordError> errors() {
        return result.errors();
    }

    // --- Escaping for the plain templates. ---

    /** Markdown-escaped register text; the document's own placeholders ("[PRACTICE NAME]") stay as they are. */
    static String md(String s) {
        return PLACEHOLDERS.contains(s) ? s : Plain.md(s);
    }

    private static final Set<String> PLACEHOLDERS = Set.of("[PRACTICE NAME]", "[ODS CODE]", "[ICB NAME]");

    // --- The PPG page: sentences shared by its Markdown and HTML forms. ---

    /** "We have checked all 13 of ours." or, with records in error, how many could not be checked yet. */
    String ppgChecked() {
        int decided = result.decisions().size();
        int errors = result.errors().size();
        if (errors == 0) {
            return "We have checked all " + decided + " of ours.";
        }
        return "We have checked " + decided + " of our " + (decided + errors) + "; we could not yet check " + errors
                + " more, because our own records of them are incomplete (we are putting that right).";
    }

    /** Shown under a heading with nothing in it. */
    static String ppgNone() {
        return "There is no agreement in this group at the moment.";
    }

    static final String NATIONAL_OPT_OUT = "To register a national data opt-out, which stops your confidential "
            + "information being used for research and planning across the NHS, visit www.nhs.uk/your-nhs-data-matters, "
            + "use the NHS App, or call 0300 303 5678. You can change your choice at any time.";

    static final String TYPE1_OPT_OUT = "To register a Type 1 opt-out, which stops information that identifies you "
            + "leaving this practice for purposes other than your care, ask at reception for the form or write to "
            + "the practice. We record it on your GP record.";

    static String nationalOptOut() {
        return NATIONAL_OPT_OUT;
    }

    static String type1OptOut() {
        return TYPE1_OPT_OUT;
    }

    /** The records in error as the PPG page names them: by title where one could be read, else by reference. */
    List<String> leftOutIds() {
        // Patients count from 1: "entry 1 of our register" is the first (RecordError.index counts from 0).
        return result.errors().stream().map(e -> e.dsaId() != null ? e.dsaId() : "entry " + (e.index() + 1)
                + " of our register").toList();
    }

    static String line(String s) {
        return Plain.line(s);
    }
}
