package org.dsarules.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes {@code --out}. To a regular file (or a new one): into a temporary file beside it, renamed into
 * place only when the whole output was written and synced, so a failed or interrupted run never leaves a
 * half-written report over a good one. The replaced file keeps its permissions (and, where the process may,
 * its owner and group); a new file gets the mode an ordinary program's would, 0666 less the umask.
 * Temporary files still open when the process is stopped by SIGINT, SIGTERM or {@code System.exit} are
 * removed by a shutdown hook (kill -9 cannot be caught: a hidden {@code .NAME.*.tmp} may then remain,
 * the target is intact).
 *
 * <p>To a target that exists and is not a regular file (a device such as {@code /dev/null}, a FIFO, a
 * socket), or a link into {@code /proc} such as {@code /dev/stdout}: in place, never replacing it.
 *
 * <p>Every failure, of writing or renaming, is one {@link CliException} naming the target and the system's
 * reason ("No space left on device").
 */
public final class SafeOutput {
    private static final Set<Path> OPEN_TEMPORARY_FILES = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile boolean hookAdded;

    private SafeOutput() {
    }

    /** What writes the file's bytes. */
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} whole or not at all: a device or pipe in place, a file through a temporary file beside it
     * that is synced and then moved over it. Every failure is one message naming the target (the command line's
     * handler prints it, exit 2). Public for the workspace's {@code export}, which writes as every command does.
     */
    public static void write(Path target, Writer writer) {
        if (writesInPlace(target)) {
            writeInPlace(target, writer);
            return;
        }
        Path file = target;
        try {
            if (Files.isSymbolicLink(file) && Files.exists(file)) {
                // Write through a link to a regular file, as cp and a shell's > do, rather than replace the link.
                file = file.toRealPath();
            }
        } catch (IOException e) {
            throw new CliException(target + ": cannot write: " + OutputFailure.reason(e), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CliException(target + ": cannot write: the folder " + dir + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new CliException(target + ": cannot write: it is a folder; name a file");
        }
        Path tmp = createTemporary(target, dir, file.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    CheckedOutputStream out = new CheckedOutputStream(
                            new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), target.toString())) {
                writer.write(out);
                out.flush();
                // A full disk may only show when the data reaches it: find out before replacing anything.
                channel.force(true);
            }
            setMode(file, tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (OutputFailure e) {
            throw new CliException(target + ": cannot write: " + OutputFailure.reason((IOException) e.getCause()), e);
        } catch (IOException e) {
            throw new CliException(target + ": cannot write: " + OutputFailure.reason(e), e);
        } catch (UncheckedIOException e) {
            throw new CliException(target + ": cannot write: " + OutputFailure.reason(e.getCause()), e);
        } catch (IllegalArgumentException e) {
            throw cellTooLong(target, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // Best effort: the temporary file is hidden and named after the target.
            }
            OPEN_TEMPORARY_FILES.remove(tmp);
        }
    }

    /** One file of {@link #writeAll}: where it goes, and what writes it. */
    record Target(Path path, Writer writer) {
    }

    /**
     * Writes several files into one folder, all or none (issue 27): each is first written whole into a hidden
     * temporary folder beside them ({@code .dsa-audit-*.tmp}, skipped by every reader of a folder of registers);
     * only once all are written is each moved into place, the file it replaces set aside until every move has
     * succeeded. A failure at any point puts back what was there before and says which files were not written.
     * A folder left by kill -9 is hidden and never read as a register; it may be deleted.
     */
    static void writeAll(Path dir, List<Target> targets) {
        for (Target t : targets) {
            if (Files.isDirectory(t.path())) {
                throw new CliException(t.path() + ": cannot write: it is a folder; nothing was written");
            }
        }
        addShutdownHook();
        Path tmp;
        try {
            byte[] random = new byte[6];
            RANDOM.nextBytes(random);
            tmp = Files.createDirectory(dir.resolve(".dsa-audit-" + HexFormat.of().formatHex(random) + ".tmp"));
        } catch (IOException e) {
            throw new CliException(dir + ": cannot write here: " + OutputFailure.reason(e), e);
        }
        OPEN_TEMPORARY_FILES.add(tmp);
        List<Path> moved = new ArrayList<>();
        List<Path> setAside = new ArrayList<>();
        try {
            for (int i = 0; i < targets.size(); i++) {
                Target t = targets.get(i);
                try {
                    write(tmp.resolve("new-" + i), t.writer());
                } catch (CliException e) {
                    throw new CliException(t.path() + ": cannot write: " + reasonOf(e) + "; nothing was written", e);
                }
            }
            for (int i = 0; i < targets.size(); i++) {
                Path target = targets.get(i).path();
                try {
                    Path old = tmp.resolve("old-" + i);
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                        setAside.add(old);
                    } else {
                        setAside.add(null);
                    }
                    Files.move(tmp.resolve("new-" + i), target, StandardCopyOption.ATOMIC_MOVE);
                    moved.add(target);
                } catch (IOException e) {
                    String restored = putBack(targets.stream().map(Target::path).toList(), setAside, moved.size());
                    throw new CliException(target + ": cannot write: " + OutputFailure.reason(e) + "; none of the "
                            + targets.size() + " files was written" + restored, e);
                }
            }
        } finally {
            deleteTree(tmp);
            OPEN_TEMPORARY_FILES.remove(tmp);
        }
    }

    /** The first reason in a {@link CliException} from {@link #write}, without the target it names again. */
    private static String reasonOf(CliException e) {
        String m = String.valueOf(e.getMessage());
        int i = m.indexOf(": cannot write: ");
        return i >= 0 ? m.substring(i + ": cannot write: ".length()) : m;
    }

    /**
     * Undoes the moves done: each target gets back the file it replaced ({@code setAside}, null where there was
     * none), and a target that was new is removed. The first {@code moved} targets received their new file.
     */
    private static String putBack(List<Path> targets, List<Path> setAside, int moved) {
        List<String> lost = new ArrayList<>();
        for (int i = setAside.size() - 1; i >= 0; i--) {
            Path target = targets.get(i);
            try {
                if (i < moved) {
                    Files.deleteIfExists(target);
                }
                if (setAside.get(i) != null) {
                    Files.move(setAside.get(i), target, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                lost.add(target.toString());
            }
        }
        return lost.isEmpty() ? "" : " (could not put back: " + String.join(", ", lost) + ")";
    }

    private static void deleteTree(Path p) {
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // Best effort: the folder is hidden and never read as a register.
        }
    }

    /**
     * A text longer than an Excel cell holds (32,767 characters), refused by the workbook writer, or an id a
     * spreadsheet would read as a comment row, refused by the register writer: one line the user can act on, not
     * an internal error (issue 27). Any other refused argument is this program's fault and
     * is passed on as such.
     */
    private static RuntimeException cellTooLong(Path target, IllegalArgumentException e) {
        if (String.valueOf(e.getMessage()).contains("maximum length of cell contents")) {
            return new CliException(target + ": cannot write: a text in the register is longer than 32,767 characters, "
                    + "the most an Excel cell holds (usually notes): shorten it, or write another format than .xlsx", e);
        }
        if (String.valueOf(e.getMessage()).contains("starts with #, which makes a spreadsheet row a comment")) {
            // An id read from " #1" (the reader strips it) cannot be written back as a spreadsheet row: the
            // register writer says which agreement and what to do.
            return new CliException(target + ": cannot write: " + e.getMessage(), e);
        }
        return e;
    }

    /**
     * Whether {@code target} is written in place: it exists and is not a regular file or a folder (a
     * device, a FIFO, a socket), or it is a link into {@code /proc} ({@code /dev/stdout}, {@code /dev/fd/3}),
     * whatever that is open on.
     */
    static boolean writesInPlace(Path target) {
        if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
            return true;
        }
        Path p = target.toAbsolutePath();
        for (int hops = 0; hops < 40 && Files.isSymbolicLink(p); hops++) {
            try {
                Path link = Files.readSymbolicLink(p);
                p = p.resolveSibling(link).normalize();
            } catch (IOException e) {
                return false;
            }
            if (p.startsWith("/proc/")) {
                return Files.exists(target);
            }
        }
        return false;
    }

    private static void writeInPlace(Path target, Writer writer) {
        boolean regular = Files.isRegularFile(target);
        // A regular file reached through /dev/stdout is what the shell opened for us: write it as > would.
        StandardOpenOption[] options = regular
                ? new StandardOpenOption[] {StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING}
                : new StandardOpenOption[] {StandardOpenOption.WRITE};
        try (CheckedOutputStream out = new CheckedOutputStream(
                new BufferedOutputStream(Files.newOutputStream(target, options), 1 << 16), target.toString())) {
            writer.write(out);
        } catch (OutputFailure e) {
            throw new CliException(target + ": cannot write: " + OutputFailure.reason((IOException) e.getCause()), e);
        } catch (IOException e) {
            throw new CliException(target + ": cannot write: " + OutputFailure.reason(e), e);
        } catch (UncheckedIOException e) {
            throw new CliException(target + ": cannot write: " + OutputFailure.reason(e.getCause()), e);
        } catch (IllegalArgumentException e) {
            throw cellTooLong(target, e);
        }
    }

    /** A new hidden file beside the target, readable by this user only until it is complete. */
    private static Path createTemporary(Path target, Path dir, String name) {
        addShutdownHook();
        boolean posix;
        try {
            posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
        } catch (IOException e) {
            throw new CliException(target + ": cannot write here: " + OutputFailure.reason(e), e);
        }
        for (int attempt = 0; ; attempt++) {
            byte[] random = new byte[6];
            RANDOM.nextBytes(random);
            Path tmp = dir.resolve("." + name + "." + HexFormat.of().formatHex(random) + ".tmp");
            try {
                if (posix) {
                    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(
                            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
                } else {
                    Files.createFile(tmp);
                }
                OPEN_TEMPORARY_FILES.add(tmp);
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw new CliException(target + ": cannot write here: " + OutputFailure.reason(e), e);
                }
            } catch (IOException e) {
                throw new CliException(target + ": cannot write here: " + OutputFailure.reason(e), e);
            }
        }
    }

    /** Gives the finished temporary file the mode (and owner) the target has, or a new file's mode under the umask. */
    private static void setMode(Path target, Path tmp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            PosixFileAttributes old = Files.readAttributes(target, PosixFileAttributes.class);
            try {
                view.setGroup(old.group());
                view.setOwner(old.owner());
            } catch (IOException | SecurityException e) {
                // Only root may give a file away; the file is then this user's, as any program's new file is.
            }
            view.setPermissions(old.permissions());
        } else {
            view.setPermissions(newFileMode());
        }
    }

    /** 0666 less the process's umask (read from /proc/self/status on Linux; 022 where it cannot be read). */
    static Set<PosixFilePermission> newFileMode() {
        int umask = umask();
        Set<PosixFilePermission> mode = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        int m = 0666 & ~umask;
        for (int i = 0; i < bits.length; i++) {
            if ((m & (1 << i)) != 0) {
                mode.add(bits[i]);
            }
        }
        return mode;
    }

    static int umask() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Umask:")) {
                    return Integer.parseInt(line.substring(6).strip(), 8);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or an old kernel: assume the common umask.
        }
        return 022;
    }

    private static void addShutdownHook() {
        if (hookAdded) {
            return;
        }
        synchronized (SafeOutput.class) {
            if (!hookAdded) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    for (Path tmp : OPEN_TEMPORARY_FILES) {
                        deleteTree(tmp);
                    }
                }, "dsa-audit-remove-temporary-files"));
                hookAdded = true;
            }
        }
    }
}
