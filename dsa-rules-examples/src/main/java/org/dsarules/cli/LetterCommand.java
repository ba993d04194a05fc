package org.dsarules.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.dsarules.documents.DocumentModel;
import org.dsarules.documents.DocxLetter;
import org.dsarules.documents.Reports;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.documents.FollowUpLetter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dsa-audit letter}: the practice's letter to its ICB, from an audit of its register. */
@Command(name = "letter",
        description = {"Write the practice's letter to its ICB (--kind icb, the default): that it signs no new voluntary "
                + "data sharing agreement for secondary uses during the collective action, the questions on each "
                + "agreement decided ASK_ICB_FOR_INFORMATION (each once, by theme, with those an answer would raise "
                + "asked up front), and the agreements it withdraws from and why. Or one of the other letters: "
                + "--kind notice (notice of withdrawal to each recipient), supplier (to the GP system supplier: switch "
                + "the extractions off), referral-reply (to each new requester: referred to the BMA). Fill in the "
                + "[BRACKETED] placeholders before sending.",
            "With several registers (or folders), each practice's letter is written into the --out folder; with --system, "
                + "the LMC's one letter to the ICB for the whole system instead.",
            "Once the ICB has replied and its answers are applied ('dsa-audit answer'), the follow-up letter instead of "
                + "the ICB letter (chosen by itself when the register's history records an applied answer, or with "
                + "--follow-up): it thanks the ICB for its reply, asks only what is still open, asks the ICB to pass the "
                + "questions on an agreement it declined to assess to the controller the agreement names, and names the "
                + "replies now overdue."},
        footer = {"", WholeRegister.HELP, "", "Exit status: 0 every record decided, 1 some records in error (no letter unless --allow-incomplete,",
            "and then the letter names them), 2 the command could not run."})
final class LetterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown, text (to paste into an email), html (to print: the first letter to the ICB) or docx "
                    + "(a Word document to edit and send, with the markdown letter's words; needs --out). The letters of "
                    + "--kind notice, supplier and referral-reply are plain text, or with docx a Word document with each "
                    + "letter on its own page. Default: ${DEFAULT-VALUE}.")
    Reports.Format format;

    enum Kind {
        icb(null), notice(Reports.Letter.NOTICE), supplier(Reports.Letter.SUPPLIER), referral_reply(Reports.Letter.REFERRAL_REPLY);

        final Reports.Letter letter;

        Kind(Reports.Letter letter) {
            this.letter = letter;
        }

        @Override
        public String toString() {
            return name().replace('_', '-');
        }
    }

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "icb", converter = KindConverter.class,
            description = "icb, notice, supplier or referral-reply. Default: ${DEFAULT-VALUE}.")
    Kind kind;

    static final class KindConverter implements ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            for (Kind k : Kind.values()) {
                if (k.toString().equalsIgnoreCase(value)) {
                    return k;
                }
            }
            throw new TypeConversionException("\"" + value + "\" is not a kind of letter: use icb, notice, supplier or referral-reply");
        }
    }

    @Mixin
    DocumentOptions options;

    @Mixin
    AliasOptions aliases;

    @Option(names = "--follow-up", description = "Write the follow-up letter, after the ICB's reply.")
    boolean followUp;

    @Option(names = "--first", description = "Write the first letter even if the register records an applied answer.")
    boolean first;

    @Option(names = "--system", description = "With several registers (or folders): the LMC's letter to the ICB for "
            + "the whole system, with one set of questions per programme.")
    boolean system;

    @Option(names = "--reply-within", paramLabel = "DAYS", defaultValue = "28",
            description = "In the follow-up letter, a request is overdue this many days after its requestedOn. "
                    + "Default: ${DEFAULT-VALUE}.")
    int replyWithin;

    @Override
    public Integer call() throws IOException {
        if (followUp && first) {
            throw new CliException("--follow-up and --first ask for different letters: give one");
        }
        if (replyWithin < 0) {
            throw new CliException("--reply-within " + replyWithin + ": the number of days must not be negative");
        }
        if ((followUp || system) && kind.letter != null) {
            throw new CliException("--follow-up and --system are letters to the ICB: leave out --kind " + kind);
        }
        if (format == Reports.Format.DOCX && options.out == null) {
            throw new CliException("--format docx writes a Word document, which is not text: give --out FILE.docx"
                    + " (or, with several registers, --out FOLDER)");
        }
        List<Path> files = RegisterArgs.expand(options.files);
        if (system) {
            return SystemDocuments.systemLetter(spec, files, format, options.out, options.asOf, options.rules, options.input,
                    options.allowIncomplete, aliases);
        }
        if (files.size() > 1 || Files.isDirectory(options.files.get(0))) {
            return SystemDocuments.letters(spec, files, this::bytes, extension(), options.out, options.asOf, options.rules,
                    options.input, options.allowIncomplete, aliases);
        }
        options.file = files.get(0);
        // a single register's letter reads no alias file, but --out must not replace one given (issue 27 item 2)
        Inputs.refuseOverwrite(options.out, files, aliases);
        return ReportDocument.write(spec, options, this::render, format == Reports.Format.DOCX ? this::bytes : null);
    }

    /**
     * The letter as the file holds it: a Word document for --format docx, made from the words of its
     * Markdown form (or of the plain-text letters, for the other kinds), else its text in UTF-8.
     */
    byte[] bytes(DocumentModel r) {
        if (format != Reports.Format.DOCX) {
            return render(r).getBytes(StandardCharsets.UTF_8);
        }
        LocalDate date = r.result().asOf();
        return kind.letter != null ? DocxLetter.fromText(render(r), date) : DocxLetter.fromMarkdown(render(r), date);
    }

    /** The file name extension of the letter this command writes. */
    String extension() {
        if (format == Reports.Format.DOCX) {
            return ".docx";
        }
        return kind.letter != null ? ".txt" : switch (format) {
            case MARKDOWN -> ".md";
            case TEXT -> ".txt";
            case HTML -> ".html";
            case DOCX -> ".docx";
        };
    }

    /** The letter for one audited register: the follow-up once due (or asked for), else the one --kind names. */
    String render(DocumentModel r) {
        if (kind.letter != null) {
            return Reports.letter(r, kind.letter);
        }
        if (followUp || !first && FollowUpLetter.due(round(r))) {
            return switch (format) {
                // docx: the Markdown letter's words, which bytes() makes a Word document of
                case MARKDOWN, DOCX -> FollowUpLetter.markdown(round(r), replyWithin);
                case TEXT -> FollowUpLetter.text(round(r), replyWithin);
                case HTML -> throw new CliException("the follow-up letter is written in markdown or text; "
                        + "--format html is for the first letter");
            };
        }
        return Reports.icbLetter(r, format == Reports.Format.DOCX ? Reports.Format.MARKDOWN : format);
    }

    /**
     * The same register as the second round's code sees it: each decision with its agreement.
     */
    static AuditedRegister round(DocumentModel r) {
        return new AuditedRegister("register", r.result(), r.decided());
    }
}
