package org.dsarules.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.dsarules.exception.DsaRulesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27 item 12: when the temporary folder is missing or cannot be written, the message says so and names
 * the folder and how to choose another; it never gives the name of the {@code .spool} file it could not make
 * as the reason (which is what Java's exception message holds).
 */
class TemporaryFolderTest {
    @TempDir
    Path dir;

    @Test
    void aMissingTemporaryFolderIsNamedAsMissingNotAsASpoolPath() {
        Path missing = dir.resolve("no-such-tmp");
        DsaRulesException e = assertThrows(DsaRulesException.class, () -> {
            try (Spool s = new Spool(4, missing)) {
                s.add("more than four characters");
            }
        });
        String m = e.getMessage();
        assertTrue(m.contains("the temporary folder " + missing + " does not exist"), m);
        assertTrue(m.contains("-Djava.io.tmpdir="), "says how to choose another: " + m);
        assertFalse(m.contains(".spool"), "no spool file as the reason: " + m);
        assertEquals(1, m.lines().count(), m);
    }

    @Test
    void aTemporaryFolderThatIsAFileIsNamedAsNotAFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("tmp-is-a-file"), "x");
        DsaRulesException e = assertThrows(DsaRulesException.class, () -> {
            try (Spool s = new Spool(4, file)) {
                s.add("more than four characters");
            }
        });
        assertTrue(e.getMessage().contains("the temporary folder " + file + " is not a folder"), e.getMessage());
        assertFalse(e.getMessage().contains(".spool"), e.getMessage());
    }

    @Test
    void aTemporaryFolderThatCannotBeWrittenIsNamedAsSuch() throws IOException {
        // Tests may run as root, who can write anywhere: the reason Java gives is what is checked.
        Path folder = Files.createDirectories(dir.resolve("read-only"));
        String m = TemporaryFolder.failure(new AccessDeniedException(folder.resolve("dsa-audit-1.spool").toString()),
                folder, "for what the audit holds until its end").getMessage();
        assertTrue(m.contains("the temporary folder " + folder + " cannot be written to (permission denied)"), m);
        assertTrue(m.contains("-Djava.io.tmpdir="), m);
        assertFalse(m.contains(".spool"), m);
    }

    @Test
    void anyOtherReasonIsTheSystemsWordsWithoutTheFilesPath() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("full"));
        String full = TemporaryFolder.failure(new IOException("No space left on device"), folder,
                "for what the audit holds until its end").getMessage();
        assertEquals("cannot use a temporary file in " + folder + " (for what the audit holds until its end): "
                + "No space left on device; free some space there, or set java.io.tmpdir", full);
        String readOnly = TemporaryFolder.failure(new FileSystemException(folder.resolve("dsa-audit-2.spool").toString(),
                null, "Read-only file system"), folder, "for what the audit holds until its end").getMessage();
        assertTrue(readOnly.endsWith(": Read-only file system; free some space there, or set java.io.tmpdir"), readOnly);
        assertFalse(readOnly.contains(".spool"), readOnly);
        String none = TemporaryFolder.failure(new NoSuchFileException(folder.resolve("gone.spool").toString()), folder,
                "for what the audit holds until its end").getMessage();
        assertFalse(none.contains(".spool"), "a folder that exists, a file gone: still no path as the reason: " + none);
    }
}
