package org.dsarules.cli;

import java.nio.file.Path;
import org.dsarules.register.RegisterFiles;
import org.dsarules.register.RegisterSource;
import picocli.CommandLine.Option;

/** How to read the register: JSON, CSV or xlsx, by the file's extension unless told. */
final class InputOptions {
    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "json, csv or xlsx. Default: csv for a .csv file, xlsx for a .xlsx file, else json.")
    RegisterFiles.Format inputFormat;

    RegisterSource open(Path file) {
        return RegisterFiles.open(file, inputFormat != null ? inputFormat : RegisterFiles.Format.of(file));
    }
}
