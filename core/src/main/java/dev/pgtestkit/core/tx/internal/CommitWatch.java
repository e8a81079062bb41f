package dev.pgtestkit.core.tx.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * The commit check's reading of one database as the last test on it left it, so that commits between two tests are blamed on
 * the earlier test, not on the next one; the sessions of others that outlived a full wait for them to exit (open
 * sessions: the check does not wait for them again); and the last full reading with its signature, which later
 * readings take their counts from while the signature stays the same (see {@link SessionSql#SIGNATURE}). One per
 * database; thread-safe.
 */
public final class CommitWatch {

    /** A full reading's signature (read first) and counts (read last). */
    private record Known(long written, long sessions, long commits, long analyses) {
    }

    private final Set<Integer> stayed = new HashSet<>();
    private CommitWindow lastEnd;
    private Known known;
    /** The signature of this database by its OID, and with the advisory unlock; from the first full reading on. */
    private String signature;
    private String signatureAndUnlock;
    private long fullReadings;
    /** How often the readings were forgotten ({@link #forget()}). */
    private long epoch;

    synchronized long epoch() {
        return epoch;
    }

    /**
     * Whether a reading whose signature has not moved since the last full one may stand for the other-session check
     * too: no session of others stayed open at that reading, so with no session arrived since (the signature counts
     * sessions) none is there now. When the signature moved, the full reading that follows lists them.
     */
    synchronized boolean vouchesForOthers() {
        return known != null && stayed.isEmpty();
    }

    /**
     * Takes the counts of the last full reading into a reading of the signature alone, when the signature has not
     * moved since: nothing can have been counted meanwhile, and every session of others present now was there at
     * that reading (and was waited for, or stayed). False when it moved: a full reading is needed.
     */
    synchronized boolean fill(BatchResults reading) {
        if (known == null || known.written != reading.written || known.sessions != reading.sessions) {
            return false;
        }
        reading.commits = known.commits;
        reading.analyses = known.analyses;
        reading.unsettled = Set.of();
        return true;
    }

    /** A settled full reading: later readings with the same signature take its counts. */
    synchronized void known(BatchResults full) {
        known = new Known(full.written, full.sessions, full.commits, full.analyses);
        fullReadings++;
        if (signature == null) {
            signature = SessionSql.signatureOf(full.database);
            signatureAndUnlock = SessionSql.signatureAndUnlockOf(full.database);
        }
    }

    /** Settled full readings so far: the rest of the readings took their counts from the signature. */
    public synchronized long fullReadings() {
        return fullReadings;
    }

    /** What a reading reads: the signature alone while a full reading is known, else the full reading. */
    synchronized String reading() {
        return known != null ? signature : SessionSql.FULL_READING;
    }

    /**
     * The signature and the advisory unlock in one statement when {@code reading} is the signature alone, else null.
     */
    synchronized String signatureAndUnlock(String reading) {
        return reading.equals(signature) ? signatureAndUnlock : null;
    }

    /** The end of a test: the reading then. */
    synchronized void ended(String test, BatchResults reading) {
        lastEnd = CommitWindow.of("test " + test + " ended", reading);
    }

    /**
     * The window since the last test ended, when others committed rows since: {@code null} when they did not, or when
     * no test has ended since the last {@link #forget()}.
     */
    synchronized CommitWindow movedSince(BatchResults now) {
        return lastEnd == null || lastEnd.committedUntil(now) == 0 ? null : lastEnd;
    }

    /** Whether any of the sessions is not known to stay open: then it may be exiting, and the check waits for it. */
    synchronized boolean waitsFor(Set<Integer> sessions) {
        return !stayed.containsAll(sessions);
    }

    /** The sessions still there after a full wait: open ones. Those gone meanwhile are forgotten. */
    synchronized void stayed(Set<Integer> sessions) {
        stayed.clear();
        stayed.addAll(sessions);
    }

    /**
     * Forgets the last reading: the counter may move before the next test for reasons the check must not blame on a
     * test (a test without a transaction ran on the database).
     */
    public synchronized void forget() {
        lastEnd = null;
        known = null;
        epoch++;
    }
}
