package org.dsarules.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes a local rule that calls {@code System.exit} (or {@code Runtime.exit}) while deciding an agreement
 * end the program with a non-zero status and a message, rather than with the status the rule asked for
 * (often 0) and nothing said: the caller's run did not finish, and what it was writing is incomplete.
 * Java 17 offers no supported way to forbid the call (the SecurityManager is deprecated for removal), so
 * a shutdown hook, installed the first time a knowledge base with local rules decides, looks at the
 * threads that are deciding: if one of them is inside {@code Runtime.exit}, a rule called it, and the hook
 * halts the JVM with {@link #STATUS} after one line on standard error (once the program's other hooks
 * have finished, or a few seconds have passed). The status the rule asked for is not known to a hook, so
 * even {@code System.exit(3)} ends with {@link #STATUS}. An exit called by the application
 * itself, from a thread that is not deciding, is left alone. {@code Runtime.halt} in a rule runs no hook
 * and cannot be caught: a rule file is trusted code (see SECURITY.md).
 */
final class ExitGuard {
    /** The status the program ends with when a rule called {@code System.exit}: the CLI's "cannot run". */
    static final int STATUS = 2;
    /** The most the halt waits for the program's other shutdown hooks. */
    private static final long HOOKS_GRACE_MS = 3_000;
    private static final Map<Thread, Evaluator> DECIDING = new ConcurrentHashMap<>();
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private ExitGuard() {
    }

    /** The current thread starts deciding on {@code e}. */
    static void enter(Evaluator e) {
        if (INSTALLED.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(ExitGuard::check, "dsa-rules-exit-guard"));
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already shutting down: nothing left to guard
            }
        }
        DECIDING.put(Thread.currentThread(), e);
    }

    /** The current thread has finished deciding. */
    static void leave() {
        DECIDING.remove(Thread.currentThread());
    }

    /**
     * Gives the program's other shutdown hooks (which run at the same time as this one: removing a
     * half-written temporary file, say) up to {@link #HOOKS_GRACE_MS} to finish before the halt, which would
     * cut them short. They are the live non-daemon threads other than this one and the exiting one.
     */
    private static void awaitOtherHooks(Thread exiting) {
        long deadline = System.nanoTime() + HOOKS_GRACE_MS * 1_000_000L;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t == Thread.currentThread() || t == exiting || t.isDaemon() || DECIDING.containsKey(t)) {
                continue;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return;
            }
            try {
                t.join(left);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void check() {
        for (Map.Entry<Thread, Evaluator> deciding : DECIDING.entrySet()) {
            for (StackTraceElement frame : deciding.getKey().getStackTrace()) {
                if (frame.getClassName().equals("java.lang.Runtime") && frame.getMethodName().equals("exit")) {
                    System.err.println("dsa-rules: " + deciding.getValue().runningRule()
                            + " called System.exit while deciding an agreement: the run was stopped before it finished,"
                            + " and nothing it was writing is complete (exit status " + STATUS + ")");
                    System.err.flush();
                    awaitOtherHooks(deciding.getKey());
                    Runtime.getRuntime().halt(STATUS);
                }
            }
        }
    }
}
