package org.dsarules.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dsarules.exception.DsaRulesException;

/** Reads a directory of rule files for {@link org.dsarules.DsaRules.Builder}. Not API. */
public final class RuleFiles {
    private RuleFiles() {
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    public static List<RuleSource> readDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DsaRulesException(dir + ": not a directory of rule files");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            // Hidden files and folders (".x.drl", ".git/...") are ignored, the same way for compiling,
            // the fingerprint and the catalogue, which all read this list.
            List<Path> drl = files.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p)
                    && !hidden(dir.relativize(p))).sorted().toList();
            List<RuleSource> out = new ArrayList<>();
            for (Path p : drl) {
                String key = "rules/" + dir.relativize(p).toString().replace('\\', '/');
                out.add(new RuleSource(p.toString(), key, Files.readString(p, StandardCharsets.UTF_8)));
            }
            return out;
        } catch (IOException | UncheckedIOException e) {
            throw new DsaRulesException(dir + ": cannot read rule files: " + e.getMessage(), e);
        }
    }
}
