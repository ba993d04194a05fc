package org.dsarules.spool;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.dsarules.exception.DsaRulesException;

/**
 * Lines of text kept until the end of an audit (its records in error, a report's body) in bounded
 * memory: in memory up to about a megabyte, then in a temporary file that only this process can
 * read. On POSIX systems the file is unlinked as soon as it is open, so nothing is left behind even
 * when the process is killed; elsewhere it is deleted on {@link #close} or at exit.
 *
 * <p>Add every line first, then read them back once ({@link #forEach} or {@link #copyTo}), then close.
 * Not thread-safe.
 */
public final class Spool implements Closeable {
    /** Characters held in memory before the spool moves to a file. */
    static final int IN_MEMORY = 1 << 20;

    private final int inMemory;
    /** Where the file goes: null for Java's temporary folder ({@code java.io.tmpdir}). */
    private final Path folder;
    private StringBuilder memory = new StringBuilder();
    private FileChannel channel;
    private Writer file;
    private Path where;
    private long lines;

    public Spool() {
        this(IN_MEMORY);
    }

    /** A spool that moves to a file past {@code inMemoryChars} characters (for tests). */
    public Spool(int inMemoryChars) {
        this(inMemoryChars, null);
    }

    /** A spool whose file goes in {@code folder} (for tests; null: Java's temporary folder). */
    Spool(int inMemoryChars, Path folder) {
        this.inMemory = inMemoryChars;
        this.folder = folder;
    }

    /** Adds one line; it must not hold a {@code \n}. */
    public void add(String line) {
        lines++;
        try {
            if (file == null) {
                memory.append(line).append('\n');
                if (memory.length() > inMemory) {
                    spill();
                }
            } else {
                file.write(line);
                file.write('\n');
            }
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** How many lines were added. */
    public long size() {
        return lines;
    }

    /** Whether the lines are in a file rather than in memory. */
    public boolean spilled() {
        return file != null;
    }

    /** Hands each line, in the order added, to {@code action}. */
    public void forEach(Consumer<String> action) {
        try (BufferedReader r = new BufferedReader(reader())) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                action.accept(line);
            }
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Writes every line, each ended by {@code \n}, to {@code out}. */
    public void copyTo(Writer out) throws IOException {
        try (Reader r = reader()) {
            r.transferTo(out);
        }
    }

    private Reader reader() throws IOException {
        if (file == null) {
            return new StringReader(memory.toString());
        }
        file.flush();
        channel.position(0);
        return new InputStreamReader(Channels.newInputStream(new Unclosed(channel)), StandardCharsets.UTF_8);
    }

    private void spill() throws IOException {
        Path tmp = TemporaryFolder.createFile(folder, "dsa-audit-", ".spool");
        where = tmp;
        boolean unlinked;
        try {
            channel = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE);
            Files.delete(tmp);
            unlinked = true;
        } catch (IOException e) {
            // Windows will not delete an open file: delete it when closed, or at exit.
            if (channel != null) {
                channel.close();
            }
            channel = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            tmp.toFile().deleteOnExit();
            unlinked = false;
        }
        if (unlinked) {
            where = tmp.getParent();
        }
        file = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(new Unclosed(channel)),
                StandardCharsets.UTF_8), 1 << 16);
        file.append(memory);
        memory = null;
    }

    private DsaRulesException failed(IOException e) {
        // Where names the file until it is unlinked, then its folder; before it exists, the folder asked for.
        Path place = where == null ? folder : Files.isDirectory(where) ? where : where.getParent();
        return TemporaryFolder.failure(e, place, "for what the audit holds until its end");
    }

    @Override
    public void close() {
        memory = null;
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Nothing is lost: the file was only ever this spool's, and it is unlinked or deleted at exit.
        }
        channel = null;
        file = null;
    }

    /** The channel seen as a stream that does not close it, so reading and writing can share it. */
    private static final class Unclosed implements ByteChannel {
        private final FileChannel channel;

        Unclosed(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return channel.read(dst);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return channel.write(src);
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() {
            // The spool closes the channel.
        }
    }
}
