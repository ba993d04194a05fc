package org.dsarules.spool;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import org.dsarules.exception.DsaRulesException;

/**
 * The ids a register has used so far, each with the index of the first record that used it, in
 * bounded heap: a register's duplicate ids are found however many records it has. The first
 * {@value #IN_HEAP} distinct ids are kept in an ordinary map; past that, each further id is kept as
 * the first 128 bits of its SHA-256 digest in an open-addressing table in a memory-mapped temporary
 * file (outside the Java heap, unlinked at once on POSIX systems). Two different ids would be taken for
 * the same only if their digests agreed in 128 bits, which no register can arrange (it would take about
 * 2^64 ids, or a break of SHA-256).
 *
 * <p>Not thread-safe; one per register.
 */
public final class IdIndex {
    static final int IN_HEAP = 50_000;
    private static final int SLOT = 20;
    private static final int FIRST_CAPACITY = 1 << 17;

    private final Map<String, Integer> heap = new HashMap<>();
    private final int inHeap;
    private MappedByteBuffer table;
    private int capacity;
    private int used;
    private MessageDigest sha256;

    public IdIndex() {
        this(IN_HEAP);
    }

    /** An index that leaves the heap past {@code inHeap} distinct ids (for tests). */
    public IdIndex(int inHeap) {
        this.inHeap = inHeap;
    }

    /**
     * Records that the record at {@code index} uses {@code id}.
     *
     * @return the index of the first record that used {@code id}, or -1 when this is the first
     */
    public int putIfAbsent(String id, int index) {
        Integer first = heap.get(id);
        if (first != null) {
            return first;
        }
        if (heap.size() < inHeap) {
            heap.put(id, index);
            return -1;
        }
        return putOffHeap(id, index);
    }

    private int putOffHeap(String id, int index) {
        byte[] d = digest(id);
        long hi = bytesToLong(d, 0);
        long lo = bytesToLong(d, 8);
        if (table == null || used + 1 > capacity / 2) {
            grow();
        }
        int slot = probe(table, capacity, hi, lo);
        int at = slot * SLOT;
        int stored = table.getInt(at + 16);
        if (stored != 0) {
            return stored - 1;
        }
        table.putLong(at, hi);
        table.putLong(at + 8, lo);
        // 0 marks an empty slot: store index + 1.
        table.putInt(at + 16, index + 1);
        used++;
        return -1;
    }

    /** The slot holding (hi, lo), or the empty slot where it belongs. */
    private static int probe(MappedByteBuffer t, int cap, long hi, long lo) {
        int mask = cap - 1;
        int slot = (int) (hi ^ (hi >>> 32)) & mask;
        while (true) {
            int at = slot * SLOT;
            if (t.getInt(at + 16) == 0 || (t.getLong(at) == hi && t.getLong(at + 8) == lo)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        int newCapacity = table == null ? FIRST_CAPACITY : capacity * 2;
        if ((long) newCapacity * SLOT > Integer.MAX_VALUE) {
            throw new DsaRulesException("a register with more than " + (capacity / 2 + inHeap)
                    + " distinct ids is more than this reader can check for duplicates");
        }
        MappedByteBuffer bigger = map((long) newCapacity * SLOT);
        if (table != null) {
            for (int s = 0; s < capacity; s++) {
                int at = s * SLOT;
                int stored = table.getInt(at + 16);
                if (stored != 0) {
                    long hi = table.getLong(at);
                    long lo = table.getLong(at + 8);
                    int to = probe(bigger, newCapacity, hi, lo) * SLOT;
                    bigger.putLong(to, hi);
                    bigger.putLong(to + 8, lo);
                    bigger.putInt(to + 16, stored);
                }
            }
        }
        // The old mapping is released when it is collected; its file is already unlinked.
        table = bigger;
        capacity = newCapacity;
    }

    private static MappedByteBuffer map(long size) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("dsa-audit-ids-", ".idx");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, size);
                try {
                    Files.delete(tmp);
                } catch (IOException e) {
                    // Windows keeps a mapped file: delete it at exit.
                    tmp.toFile().deleteOnExit();
                }
                return m;
            }
        } catch (IOException e) {
            throw TemporaryFolder.failure(e, tmp != null ? tmp.getParent() : null,
                    "to check a large register's ids for duplicates");
        }
    }

    private byte[] digest(String id) {
        if (sha256 == null) {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
        // The UTF-16 code units themselves: exact for any string, a lone surrogate included.
        byte[] units = new byte[id.length() * 2];
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            units[2 * i] = (byte) (c >>> 8);
            units[2 * i + 1] = (byte) c;
        }
        return sha256.digest(units);
    }

    private static long bytesToLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }
}
