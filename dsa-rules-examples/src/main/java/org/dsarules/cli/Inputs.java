package org.dsarules.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * Options that name files the command reads besides its registers ({@code --catalogue}, {@code --aliases}):
     * each says its own, so that a command passes its options, never a list it keeps by hand.
     */
    interface Source {
        /** The files these options read (none when not given). */
        List<Path> inputFiles();
    }

    /**
     * Refuses, in one line, writing {@code target} (null: standard output, nothing to refuse) when it is one of
     * the command's inputs: {@code files} (its registers, questionnaire) and every file of {@code options}.
     */
    static void refuseOverwrite(Path target, Collection<Path> files, Source... options) {
        refuseOverwrite(target == null ? List.of() : List.of(target), files, options);
    }

    /**
     * Refuses, in one line, writing any of {@code targets} (a command writing several files into an {@code --out}
     * folder) when it is one of the command's inputs: {@code files} and every file of {@code options}.
     */
    static void refuseOverwrite(Collection<Path> targets, Collection<Path> files, Source... options) {
        List<Path> inputs = new ArrayList<>(files);
        for (Source o : options) {
            inputs.addAll(o.inputFiles());
        }
        for (Path target : targets) {
            refuse(target, inputs);
        }
    }

    private static void refuse(Path target, List<Path> inputs) {
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
