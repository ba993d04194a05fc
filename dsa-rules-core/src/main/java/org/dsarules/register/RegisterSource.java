package org.dsarules.register;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.dsarules.model.Practice;

/**
 * A register being read, one record at a time, without holding the whole register in memory: each
 * {@link #next()} gives the next record as a {@link RegisterEntry}, valid or in error, in input order.
 *
 * <p>{@link #hasNext()} and {@link #next()} throw {@link org.dsarules.exception.RegisterFormatException}
 * when the input as a whole turns out to be unreadable part way (not JSON, not UTF-8, over a parser
 * limit); the entries already returned stay valid, but the register is incomplete. Closing the source
 * closes its input.
 */
public interface RegisterSource extends Iterator<RegisterEntry>, AutoCloseable {

    /**
     * The practice block, or null: known once it has been read. It may come before or after
     * {@code agreements} in the register's object, so it is certain only once {@link #hasNext()} has
     * returned false; it is null for a bare array and for a register without one.
     */
    Practice practice();

    /**
     * How far into the input the reader is, in characters (close to bytes for UTF-8 text), or -1 when
     * not known: with the input's size, an estimate of progress for long registers.
     */
    default long position() {
        return -1;
    }

    /**
     * Lines about the input as a whole, each naming it, for the user (a CSV file read as Windows-1252
     * because it is not UTF-8, record-format.md v1.2); known once the source is open. Empty for most inputs.
     */
    default List<String> warnings() {
        return List.of();
    }

    /** Closes the input; never throws a checked exception. Closing twice does nothing. */
    @Override
    void close();

    /**
     * This source, handing each entry to {@code action} as it is read: the one wrapper that records or
     * limits what passes (closing it closes this source).
     */
    default RegisterSource peek(Consumer<RegisterEntry> action) {
        Objects.requireNonNull(action, "action");
        RegisterSource source = this;
        return new RegisterSource() {
            @Override
            public Practice practice() {
                return source.practice();
            }

            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public RegisterEntry next() {
                RegisterEntry e = source.next();
                action.accept(e);
                return e;
            }

            @Override
            public long position() {
                return source.position();
            }

            @Override
            public List<String> warnings() {
                return source.warnings();
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }
}
