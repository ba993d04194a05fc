package org.dsarules.cli;

import java.nio.file.Path;
import org.dsarules.register.RegisterFiles;
import org.dsarules.register.RegisterSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How to read the register: JSON, CSV or xlsx, by the file's extension unless told. */
final class InputOptions {
    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "json, csv or xlsx. Default: csv for a .csv file, xlsx for a .xlsx file, else json.")
    RegisterFiles.Format inputFormat;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    RegisterSource open(Path file) {
        RegisterSource source = RegisterFiles.open(file, inputFormat != null ? inputFormat : RegisterFiles.Format.of(file));
        // one line per thing the reading said about the whole file (a CSV read as Windows-1252)
        if (!source.warnings().isEmpty()) {
            // a mixin of a mixin (DocumentOptions) may have no command line of its own: standard error then
            java.io.PrintWriter err = mixee != null && mixee.commandLine() != null ? mixee.commandLine().getErr()
                    : new java.io.PrintWriter(System.err, true);
            source.warnings().forEach(w -> err.println("dsa-audit: warning: " + w));
            err.flush();
        }
        return source;
    }
}
