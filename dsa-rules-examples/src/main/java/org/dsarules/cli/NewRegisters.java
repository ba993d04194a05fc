package org.dsarules.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.dsarules.register.RegisterFiles;

/**
 * Where and how the commands that write new registers ({@code answer}, {@code sent}) write them, one path for
 * both (issue 27 items 2, 3, 4, 12): one register to the {@code --out} file, several into the {@code --out}
 * folder under their own names, all or none; never over an input, never two over each other, and an .xlsx
 * register dated from the command's date, so the same run gives the same bytes.
 */
final class NewRegisters {
    private NewRegisters() {
    }

    /**
     * The file each of {@code files} is written to, after refusing (before anything is read) an {@code --out}
     * that is not what the number of registers needs, a target that is one of the command's inputs (the
     * registers, {@code others}, the files of {@code options}), and two registers of one file name.
     */
    static List<Path> targets(Path out, List<Path> files, Collection<Path> others, Inputs.Source... options) {
        boolean several = files.size() > 1;
        if (several && !Files.isDirectory(out)) {
            throw new CliException(out + ": with several registers --out must be an existing folder, where each new "
                    + "register is written under its own file name");
        }
        if (!several && Files.isDirectory(out)) {
            throw new CliException(out + ": --out is a folder; give the new register's file name");
        }
        List<Path> targets = new ArrayList<>();
        List<Map.Entry<Path, Path>> pairs = new ArrayList<>();
        for (Path f : files) {
            Path t = several ? out.resolve(f.getFileName()) : out;
            targets.add(t);
            pairs.add(Map.entry(t, f));
        }
        List<Path> inputs = new ArrayList<>(files);
        inputs.addAll(others);
        Inputs.refuseOverwrite(targets, inputs, options);
        Inputs.refuseCollisions(pairs);
        return targets;
    }

    /**
     * {@code writer} for a register written in {@code format}: an .xlsx register is a zip the workbook library
     * stamps with the time of writing, so it is dated from {@code date} (the command's --on) instead.
     */
    static SafeOutput.Writer dated(RegisterFiles.Format format, LocalDate date, SafeOutput.Writer writer) {
        return format == RegisterFiles.Format.XLSX ? FixedTimeZip.of(date, writer) : writer;
    }

    /**
     * Writes the new registers: one as any {@code --out} (whole or not at all), several all or none through
     * {@link SafeOutput#writeAll}, whose one line on failure says that none was written (or which could not be
     * put back).
     */
    static void write(Path out, List<SafeOutput.Target> writes) {
        if (writes.size() > 1) {
            SafeOutput.writeAll(out, writes);
        } else {
            SafeOutput.write(out, writes.get(0).writer());
        }
    }
}
