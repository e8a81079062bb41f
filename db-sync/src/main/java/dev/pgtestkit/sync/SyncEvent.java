package dev.pgtestkit.sync;

import dev.pgtestkit.core.schema.QualifiedName;

/**
 * Progress of a dump, restore or verification, for progress bars and logs.
 *
 * @param type          what happened
 * @param phase         the phase it belongs to
 * @param table         the table, for table events; else {@code null}
 * @param rows          rows done so far in this table (table events), or in the phase
 * @param bytes         bytes done so far in this table (table events), or in the phase
 * @param expectedBytes the bytes the table (or phase) is expected to take, an estimate for a dump (the table's
 *                      size on disk); 0 when unknown
 * @param message       for {@link Type#NOTICE}, a line for the user (a dropped leftover shadow, connected
 *                      sessions); else {@code null}
 */
public record SyncEvent(Type type, Phase phase, QualifiedName table, long rows, long bytes, long expectedBytes,
                        String message) {

    /** What an event reports. */
    public enum Type {
        PHASE_STARTED, TABLE_STARTED, TABLE_PROGRESS, TABLE_FINISHED, PHASE_FINISHED,
        /** Something the user should know; {@link SyncEvent#message()} says what. */
        NOTICE
    }

    /** The phases, in the order a dump or restore goes through them (each uses those it needs). */
    public enum Phase { SCHEMA, DATA, POST_DATA, VERIFY, SWAP, CLEANUP }

    /** A {@link Type#NOTICE}. */
    public static SyncEvent notice(Phase phase, String message) {
        return new SyncEvent(Type.NOTICE, phase, null, 0, 0, 0, message);
    }
}
