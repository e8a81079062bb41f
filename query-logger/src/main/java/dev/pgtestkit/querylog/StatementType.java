package dev.pgtestkit.querylog;

/**
 * What kind of statement an execution ran, by its main statement: {@code WITH ... INSERT} is an {@link #INSERT},
 * {@code VALUES} and {@code TABLE t} are {@link #SELECT}s.
 */
public enum StatementType {
    SELECT,
    INSERT,
    UPDATE,
    DELETE,
    MERGE,
    /** {@code CALL proc()} and the JDBC escape {@code {call proc(?)}}. */
    CALL,
    /**
     * {@code CREATE}, {@code ALTER}, {@code DROP}, {@code TRUNCATE}, {@code COMMENT}, {@code GRANT}, {@code REVOKE}.
     */
    DDL,
    /** {@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}, {@code SAVEPOINT}, {@code RELEASE}. */
    TRANSACTION,
    /** Everything else: {@code SET}, {@code SHOW}, {@code EXPLAIN}, {@code COPY}, {@code DO}, {@code VACUUM}... */
    OTHER
}
