package org.dsarules.cli;

import java.time.LocalDate;
import org.dsarules.DsaRules;
import picocli.CommandLine.Option;

/**
 * {@code --as-of}, declared once for every command that decides as of a date, and defaulted in one place:
 * today in England by the rules' clock.
 */
final class AsOfOption {
    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Dates.class,
            description = "Decide as of this date. Default: today in England.")
    LocalDate asOf;

    /** The date given, or today by the rules' clock. */
    LocalDate date(DsaRules rules) {
        return or(asOf, rules);
    }

    /** {@code date}, or today by the rules' clock: for a date option that means more than "decide as of" (diff's first date). */
    static LocalDate or(LocalDate date, DsaRules rules) {
        return date != null ? date : rules.today();
    }
}
