package dev.pgtestkit.core.tx.internal;

/**
 * What a SQL string asks of the transaction it runs in, as far as the test transaction cares.
 *
 * @param kind    the family
 * @param command the keywords that decided it, e.g. {@code CREATE INDEX CONCURRENTLY}; empty for ordinary SQL
 */
public record SqlCommand(Kind kind, String command) {

    /** Every statement that needs no special handling. */
    public static final SqlCommand ORDINARY = new SqlCommand(Kind.ORDINARY, "");

    /** Families of statements. */
    public enum Kind {
        /** Runs as is inside the test transaction. */
        ORDINARY,
        /** {@code BEGIN} / {@code START TRANSACTION}: opens a unit of work (a savepoint). */
        BEGIN,
        /** {@code COMMIT} / {@code END}: releases the unit's savepoint. */
        COMMIT,
        /** {@code ROLLBACK} / {@code ABORT}: rolls back to the unit's savepoint. */
        ROLLBACK,
        /**
         * {@code SET TRANSACTION} / {@code SET SESSION CHARACTERISTICS AS TRANSACTION} with modes (isolation level,
         * read only): honoured where PostgreSQL allows it inside the test transaction, refused otherwise.
         */
        SET_TRANSACTION,
        /** PostgreSQL refuses it inside a transaction block ({@code VACUUM}, {@code CREATE DATABASE}...). */
        NOT_IN_TRANSACTION,
        /** Transaction control inside a multi-statement string or a batch, which cannot be emulated. */
        CONTROL_IN_BATCH
    }

    /** Whether this is BEGIN, COMMIT, ROLLBACK or SET TRANSACTION. */
    public boolean isTransactionControl() {
        return kind == Kind.BEGIN || kind == Kind.COMMIT || kind == Kind.ROLLBACK || kind == Kind.SET_TRANSACTION;
    }
}
