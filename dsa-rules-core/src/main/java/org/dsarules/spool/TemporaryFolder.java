package org.dsarules.spool;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dsarules.exception.DsaRulesException;

/**
 * The temporary folder the spools use, and what to say when it fails. Java's exception for a file it could
 * not create names the file ({@code /tmp/x/dsa-audit-123.spool}), not the reason: a user reading that cannot
 * tell that the folder is missing, so the message names the folder and what is wrong with it, and how to
 * choose another ({@code -Djava.io.tmpdir}).
 */
final class TemporaryFolder {
    private TemporaryFolder() {
    }

    /** The folder {@link Files#createTempFile(String, String)} uses: {@code java.io.tmpdir}. */
    static Path java() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** A new temporary file in {@code folder}, or in Java's temporary folder when it is null. */
    static Path createFile(Path folder, String prefix, String suffix) throws IOException {
        return folder == null ? Files.createTempFile(prefix, suffix) : Files.createTempFile(folder, prefix, suffix);
    }

    /**
     * The one-line failure for {@code e}, raised using a temporary file in {@code folder} (null: Java's)
     * {@code forWhat} ("for what the audit holds until its end").
     */
    static DsaRulesException failure(IOException e, Path folder, String forWhat) {
        Path f = folder != null ? folder : java();
        String choose = "; run java with -Djava.io.tmpdir=FOLDER naming a folder that exists and can be written to";
        if (!Files.exists(f)) {
            return new DsaRulesException("cannot use a temporary file (" + forWhat + "): the temporary folder " + f
                    + " does not exist; create it" + choose.replace("; run", ", or run"), e);
        }
        if (!Files.isDirectory(f)) {
            return new DsaRulesException("cannot use a temporary file (" + forWhat + "): the temporary folder " + f
                    + " is not a folder" + choose, e);
        }
        if (e instanceof AccessDeniedException || !Files.isWritable(f)) {
            return new DsaRulesException("cannot use a temporary file (" + forWhat + "): the temporary folder " + f
                    + " cannot be written to (permission denied)" + choose, e);
        }
        return new DsaRulesException("cannot use a temporary file in " + f + " (" + forWhat + "): " + reason(e)
                + "; free some space there, or set java.io.tmpdir", e);
    }

    /** The system's reason, without the file's path (which a FileSystemException's message starts with). */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason() : "the system gave no reason";
        }
        return e.getMessage() != null ? e.getMessage() : "the system gave no reason";
    }
}
