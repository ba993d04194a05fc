package org.dsarules.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code letter}, {@code refer} and {@code ppg} take: the register, the date, where to write, which rules. */
final class DocumentOptions {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The register to audit (JSON, CSV or .xlsx); for "
            + "letter, also several registers or folders.")
    List<Path> files = new ArrayList<>();

    /** The one register, once the command has checked that one is given. */
    Path file;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the document to FILE instead of standard output: a regular file is replaced only "
                    + "once the document is complete (keeping its permissions), a device or FIFO is written in place.")
    Path out;

    @Option(names = "--allow-incomplete",
            description = "With records in error, write the document anyway; it names the agreements it leaves out. "
                    + "Without it, such a register gives no document and exit status 1.")
    boolean allowIncomplete;

    @Mixin
    RulesOptions rules;

    @Mixin
    InputOptions input;
}
