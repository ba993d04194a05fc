package org.dsarules.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.dsarules.documents.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dsa-audit letter}: the practice's letter to its ICB, from an audit of its register. */
@Command(name = "letter", mixinStandardHelpOptions = true, versionProvider = DsaAudit.Version.class,
        description = {"Write the practice's letter to its ICB (--kind icb, the default): that it signs no new voluntary "
                + "data sharing agreement for secondary uses during the collective action, the questions on each "
                + "agreement decided ASK_ICB_FOR_INFORMATION (each once, by theme, with those an answer would raise "
                + "asked up front), and the agreements it withdraws from and why. Or one of the other letters: "
                + "--kind notice (notice of withdrawal to each recipient), supplier (to the GP system supplier: switch "
                + "the extractions off), referral-reply (to each new requester: referred to the BMA). Fill in the "
                + "[BRACKETED] placeholders before sending."},
        footer = {"", "Exit status: 0 every record decided, 1 some records in error (no letter unless --allow-incomplete,",
            "and then the letter names them), 2 the command could not run."})
final class LetterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "For --kind icb: markdown, text (to paste into an email) or html (to print). "
                    + "The other letters are plain text. Default: ${DEFAULT-VALUE}.")
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

    @Override
    public Integer call() throws IOException {
        return ReportDocument.write(spec, options,
                r -> kind.letter == null ? Reports.icbLetter(r, format) : Reports.letter(r, kind.letter));
    }
}
