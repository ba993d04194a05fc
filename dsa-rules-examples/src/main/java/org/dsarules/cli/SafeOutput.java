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
final class SafeOutput {
    private static final Set<Path> OPEN_TEMPORARY_FILES = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile boolean hookAdded;

    private SafeOutput() {
    }

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    static void write(Path target, Writer writer) {
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
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // Best effort: the temporary file is hidden and named after the target.
            }
            OPEN_TEMPORARY_FILES.remove(tmp);
        }
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
                        try {
                            Files.deleteIfExists(tmp);
                        } catch (IOException ignored) {
                            // The process is ending; nothing else can be done.
                        }
                    }
                }, "dsa-audit-remove-temporary-files"));
                hookAdded = true;
            }
        }
    }
}
