package org.dsarules.documents;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.StringOutput;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.dsarules.decision.AuditResult;
import org.dsarules.model.Agreement;
import org.dsarules.register.ReadResult;

/**
 * The documents a practice needs once its register is audited: the HTML audit report, the letter to
 * its ICB, the referrals to the BMA and a page for its patient participation group.
 *
 * <pre>{@code
 * AuditResult result = DsaRules.defaults().audit(register, LocalDate.parse("2026-06-15"));
 * Map<String, Agreement> byId = Reports.byId(RegisterReader.defaults().readAll(register));
 * String html = Reports.html(result, byId);
 * String letter = Reports.icbLetter(result, byId, Reports.Format.MARKDOWN);
 * }</pre>
 *
 * <p>Every method takes the audit's result and the audited agreements by id: the decisions say what to
 * do, the agreements give titles, parties and purposes. An agreement missing from the map is shown by
 * its id alone. Output is deterministic: the same arguments give the same text (no clock is read).
 *
 * <p>Every value that comes from a register is escaped for its output: in HTML by the template engine
 * (it cannot be turned off for register data), in Markdown with backslashes, so a title such as
 * {@code <script>} shows as text. Plain text is written as given, line breaks folded to spaces.
 *
 * <p>Thread-safe; templates are compiled at build time, so no Java compiler is needed at run time.
 */
public final class Reports {

    /** The forms of the letter to the ICB. */
    public enum Format {
        /** Markdown, to edit and convert. */
        MARKDOWN,
        /** Plain text, to paste into an email. */
        TEXT,
        /** One self-contained HTML page, to print. */
        HTML,
        /**
         * A Word document, to edit and send: bytes, not text, so {@link #icbLetter(DocumentModel, Format)}
         * refuses it; {@link #icbLetterDocx(DocumentModel)} writes it, from the Markdown form's words.
         */
        DOCX
    }

    static final String PACKAGE = "org.dsarules.documents";

    private static final class Engines {
        static final TemplateEngine HTML =
                TemplateEngine.createPrecompiled(null, ContentType.Html, Reports.class.getClassLoader(), PACKAGE);
        static final TemplateEngine PLAIN =
                TemplateEngine.createPrecompiled(null, ContentType.Plain, Reports.class.getClassLoader(), PACKAGE);
    }

    private Reports() {
    }

    /**
     * The audit report as one self-contained HTML page (no scripts, fonts, images or network; inline
     * CSS, printable on A4): the practice, the rules and the date, a chart of the outcome counts, a
     * table of the agreements most urgent first linking to a section per agreement (summary, red flags,
     * questions for the ICB, the full trace with citations), and the records in error.
     *
     * @param result         the audit
     * @param agreementsById the audited agreements by id (see {@link #byId(ReadResult)}); may be empty
     */
    public static String html(AuditResult result, Map<String, Agreement> agreementsById) {
        return html(DocumentModel.of(result, agreementsById, null));
    }

    /** The audit report (see {@link #html(AuditResult, Map)}), with what would settle each open agreement. */
    public static String html(DocumentModel audited) {
        return render(Engines.HTML, "report.jte", new View(audited));
    }

    /**
     * The practice's letter to its ICB: that it signs no new voluntary data sharing agreement for
     * secondary uses during the collective action; the agreements decided ASK_ICB_FOR_INFORMATION with
     * their questions; a request to assess each existing agreement; the agreements the practice will
     * withdraw from, with the reason for each. Square-bracketed placeholders ({@code [DATE]},
     * {@code [PRACTICE MANAGER NAME]}, ...) are for the practice to fill in.
     */
    public static String icbLetter(AuditResult result, Map<String, Agreement> agreementsById, Format format) {
        return icbLetter(DocumentModel.of(result, agreementsById, null), format);
    }

    /**
     * The letter to the ICB (see {@link #icbLetter(AuditResult, Map, Format)}); with the rules in
     * {@code audited}, it also asks up front the questions an answer would raise.
     */
    public static String icbLetter(DocumentModel audited, Format format) {
        Objects.requireNonNull(format, "format");
        View v = new View(audited);
        return switch (format) {
            case MARKDOWN -> render(Engines.PLAIN, "letterMarkdown.jte", v);
            case TEXT -> render(Engines.PLAIN, "letterText.jte", v);
            case HTML -> render(Engines.HTML, "letter.jte", v);
            case DOCX -> throw new IllegalArgumentException("a .docx letter is a Word document, not text: use icbLetterDocx");
        };
    }

    /**
     * The letter to the ICB as a Word document ({@code .docx}): the Markdown letter's words, read into Word's
     * headings, paragraphs, bold and lists ({@link DocxLetter}), dated the audit's as-of date.
     */
    public static byte[] icbLetterDocx(DocumentModel audited) {
        return DocxLetter.fromMarkdown(icbLetter(audited, Format.MARKDOWN), audited.result().asOf());
    }

    /**
     * Plain text, one short summary for each REFER_TO_BMA decision, to paste into an email to the BMA:
     * the agreement, who asks and for what, the facts that matter, and why it is referred.
     */
    public static String bmaReferrals(AuditResult result, Map<String, Agreement> agreementsById) {
        return bmaReferrals(DocumentModel.of(result, agreementsById, null));
    }

    /** The referral pack for the BMA (see {@link #bmaReferrals(AuditResult, Map)}). */
    public static String bmaReferrals(DocumentModel audited) {
        return render(Engines.PLAIN, "bmaReferrals.jte", new View(audited));
    }

    /**
     * Markdown, a plain-English page for the patient participation group: what the practice shares and
     * why, what it is stopping, what it is still finding out; no legal references or codes in the body,
     * and a short glossary at the end.
     */
    public static String ppgSummary(AuditResult result, Map<String, Agreement> agreementsById) {
        return ppgSummary(DocumentModel.of(result, agreementsById, null));
    }

    /** The PPG page in Markdown (see {@link #ppgSummary(AuditResult, Map)}); each reason is the deciding rule's {@code @patientReason}. */
    public static String ppgSummary(DocumentModel audited) {
        return render(Engines.PLAIN, "ppgSummary.jte", new View(audited));
    }

    /** The PPG page as one self-contained, printable HTML page: the same sentences as the Markdown one. */
    public static String ppgHtml(DocumentModel audited) {
        return render(Engines.HTML, "ppg.jte", new View(audited));
    }

    /** The other letters a decision implies. */
    public enum Letter {
        /** To the recipient of each agreement decided WITHDRAW: notice that the practice ends it (or will not sign it). */
        NOTICE("notice.jte"),
        /** To the GP system supplier: switch off the extraction for each agreement the practice withdraws from. */
        SUPPLIER("supplier.jte"),
        /** To the requester of each new request decided REFER_TO_BMA: the request is referred to the BMA. */
        REFERRAL_REPLY("referralReply.jte");

        final String template;

        Letter(String template) {
            this.template = template;
        }
    }

    /** One of the other letters, in plain text (one letter after another, separated by a line of dashes). */
    public static String letter(DocumentModel audited, Letter kind) {
        Objects.requireNonNull(kind, "kind");
        return render(Engines.PLAIN, kind.template, new View(audited));
    }

    /**
     * The plain-text audit report for a practice manager: the counts, then each agreement in the register's
     * order with why, red flags and what is not known in words, questions, what would settle it, next steps
     * and the trace.
     *
     * @param source the register's name as the report shows it
     */
    public static void text(DocumentModel audited, String source, Writer out) {
        TextReport.write(audited, source, out);
    }

    /** The valid agreements of a register read with {@code RegisterReader.readAll}, by id (first one wins). */
    public static Map<String, Agreement> byId(ReadResult read) {
        Map<String, Agreement> map = new LinkedHashMap<>();
        read.agreements().forEach(a -> map.putIfAbsent(a.id(), a));
        return map;
    }

    private static String render(TemplateEngine engine, String template, View v) {
        StringOutput out = new StringOutput(16 * 1024);
        try {
            engine.render(template, v, out);
        } catch (TemplateException e) {
            throw new IllegalStateException("report template " + template + " failed: " + e.getMessage(), e);
        }
        return out.toString();
    }
}
