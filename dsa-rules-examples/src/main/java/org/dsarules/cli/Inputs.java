package org.dsarules.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rule every command keeps (issue 27): {@code --out} never overwrites an input, whatever the command and
 * whatever the input (a register, one found in a folder, a questionnaire, an alias or catalogue file). Files
 * are compared as the system sees them ({@link Files#isSameFile}: through links, {@code ./}, {@code ..}, hard
 * links), not by how they were written on the command line.
 */
final class Inputs {
    private Inputs() {
    }

    /** Refuses, in one line, writing {@code target} when it is one of {@code inputs}. */
    static void refuseOverwrite(Path target, Collection<Path> inputs) {
        if (target == null || !Files.exists(target)) {
            // A file that does not exist yet is no input; a broken link is replaced, its target never read.
            return;
        }
        for (Path in : inputs) {
            if (in == null || !Files.exists(in)) {
                continue;
            }
            try {
                if (Files.isSameFile(target, in)) {
                    throw new CliException(target + ": --out would overwrite the input " + in
                            + ", and an input is never changed: write elsewhere");
                }
            } catch (IOException e) {
                throw new CliException(target + ": cannot compare with the input " + in + ": "
                        + OutputFailure.reason(e), e);
            }
        }
    }

    /**
     * Refuses two outputs with the same name in one folder (two registers {@code a/reg.json} and {@code b/reg.json},
     * or the letters of {@code birch.json} and {@code birch.csv}), which would overwrite each other. Names are
     * compared ignoring case, as a Windows or macOS folder would. Refusing, rather than renaming one, keeps every
     * output's name the name the user gave its input.
     *
     * @param targets each output with the input it is written from, in order
     */
    static void refuseCollisions(List<Map.Entry<Path, Path>> targets) {
        Map<String, Path> seen = new HashMap<>();
        for (Map.Entry<Path, Path> t : targets) {
            String key = t.getKey().toAbsolutePath().normalize().toString().toLowerCase(Locale.ROOT);
            Path earlier = seen.putIfAbsent(key, t.getValue());
            if (earlier != null) {
                throw new CliException(t.getKey() + ": " + earlier + " and " + t.getValue() + " would both be written "
                        + "there, one over the other: give the registers different file names (or run the command "
                        + "once for each)");
            }
        }
    }
}
