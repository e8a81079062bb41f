package dev.pgtestkit.core.tx.internal;

import dev.pgtestkit.core.tx.TransactionIsolationException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Which thread may use the pinned connection right now. A thread holds it while a statement runs and while it has
 * a unit of work open; it may take it again (nested units, statements inside its unit). Unlike a
 * {@code ReentrantLock}, the test's own thread can {@link #reset()} it when the test ends, whatever is left open.
 */
final class UnitLock {

    private Thread holder;
    private int holds;

    /** Takes the lock, waiting at most {@code timeout} for another thread's work to end. */
    synchronized void acquire(Duration timeout) {
        Thread me = Thread.currentThread();
        if (holder == null || holder == me) {
            holder = me;
            holds++;
            return;
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (holder != null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw waitedTooLong(me, Duration.ofNanos(System.nanoTime() - start));
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransactionIsolationException("Thread '" + me.getName() + "' was interrupted while waiting "
                        + "for the test transaction's pinned connection.", e);
            }
        }
        holder = me;
        holds = 1;
    }

    synchronized void release() {
        if (holds > 0 && --holds == 0) {
            holder = null;
            notifyAll();
        }
    }

    /** Forgets every hold, e.g. when the test's transaction ends with units still open. */
    synchronized void reset() {
        holder = null;
        holds = 0;
        notifyAll();
    }

    synchronized boolean isHeldByOtherThan(Thread thread) {
        return holder != null && holder != thread;
    }

    private TransactionIsolationException waitedTooLong(Thread me, Duration waited) {
        return new TransactionIsolationException("Thread '" + me.getName() + "' waited " + describe(waited)
                + " for the test transaction's pinned connection, held by thread '" + holder.getName()
                + "' with a unit of work still open (auto-commit off, not committed or rolled back). All threads share "
                + "one connection in @WithTransaction, so only one transaction can be open at a time. Commit, roll "
                + "back or close it before another thread needs the database, raise "
                + "@WithTransaction(threadWaitSeconds), or: " + TransactionIsolationException.useDatabasePerTest());
    }

    /** The measured wait: milliseconds under 10 s (a 300 ms wait is not "0 s"), whole seconds beyond. */
    static String describe(Duration waited) {
        return waited.compareTo(Duration.ofSeconds(10)) < 0 ? waited.toMillis() + " ms" : waited.toSeconds() + " s";
    }
}
