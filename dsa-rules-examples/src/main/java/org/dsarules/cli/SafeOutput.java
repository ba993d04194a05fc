package org.dsarules.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a report to a temporary file beside its target and renames it into place only when the
 * whole report was written, so an interrupted or failed run never leaves a half-written report
 * over a good one.
 */
final class SafeOutput {
    private SafeOutput() {
    }

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    static void write(Path target, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CliException(target + ": cannot write: the folder " + dir + " does not exist");
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new CliException(target + ": cannot write here: " + e.getMessage(), e);
        }
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CliException(target + ": cannot write: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // Best effort: the temporary file is hidden and named after the target.
            }
        }
    }
}
