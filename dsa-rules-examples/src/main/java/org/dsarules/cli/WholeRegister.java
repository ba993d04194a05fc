package org.dsarules.cli;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.dsarules.register.RegisterSource;

/**
 * The documents that must hold a whole register in memory (the HTML report, the letters, the PPG page,
 * the referrals, {@code diff}) refuse a register larger than {@link #LIMIT} with one line, and turn a heap
 * too small even for that into one line too, rather than run out of memory with a stack trace. The JSON
 * and text audits stream, and have no limit.
 */
final class WholeRegister {
    /** The most records a whole-register document reads: about 20 KB of heap each, 400 MB in all. */
    static final int LIMIT = 20_000;

    /** The sentence the commands' --help uses. */
    static final String HELP = "Holds the whole register in memory: at most 20,000 agreements (use 'audit --format "
            + "json' or '--format text' for more; they stream).";

    private WholeRegister() {
    }

    /** {@code source}, refusing its record number {@link #LIMIT} + 1 with one line naming {@code what}. */
    static RegisterSource limited(RegisterSource source, Path file, String what) {
        int[] read = {0};
        return source.peek(e -> {
            if (++read[0] > LIMIT) {
                throw new CliException.TooLarge(file + " holds more than " + String.format("%,d", LIMIT)
                        + " agreements, the most " + what + " holds in memory; use 'dsa-audit audit " + file
                        + " --format json' (or --format text), which streams a register of any size");
            }
        });
    }

    /**
     * {@code source}, one of several registers read into one document: together they may hold at most
     * {@link #LIMIT} agreements ({@code read} counts across them), refused with one line naming {@code what}.
     */
    static RegisterSource limitedTogether(RegisterSource source, int[] read, String what) {
        return source.peek(e -> {
            if (++read[0] > LIMIT) {
                throw new CliException.TooLarge("the registers given hold more than " + String.format("%,d", LIMIT)
                        + " agreements together, the most " + what + " holds in memory: give fewer registers at once "
                        + "(or use 'dsa-audit audit REGISTER --format json' for each, which streams)");
            }
        });
    }

    /**
     * Runs {@code work}; a heap too small for it is one line naming {@code what}, not a stack trace, also
     * when a library wrapped the OutOfMemoryError (the template engine reports it as a render failure).
     */
    static <T> T inMemory(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (OutOfMemoryError e) {
            throw new CliException(outOfMemory(what, true));
        } catch (RuntimeException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof OutOfMemoryError) {
                    throw new CliException(outOfMemory(what, true));
                }
            }
            throw e;
        }
    }

    /**
     * The one line for a heap too small: what held the memory, and the ways out. The streaming audit is offered
     * only by a whole-register document ({@code streams}): offered after a command that already streams (a json or
     * text audit), it would name the command just run as if it were another.
     */
    static String outOfMemory(String what, boolean streams) {
        long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return "not enough memory for " + what + " in a heap of " + mb + " MB: run java with a larger heap "
                + "(java -Xmx2g -jar dsa-audit.jar ...)"
                + (streams ? ", or use 'audit --format json' or '--format text', which stream" : "");
    }

}
