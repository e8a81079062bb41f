package dev.pgtestkit.core.tx;

import java.sql.Connection;

/**
 * The isolation level a test transaction begins at. PostgreSQL cannot change it once the transaction has begun, so
 * it is chosen for the whole test transaction (for every test of a class whose tests share one).
 */
public enum IsolationLevel {

    /** The server's {@code default_transaction_isolation}: READ COMMITTED unless configured otherwise. */
    DEFAULT(Connection.TRANSACTION_NONE, null),
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED, "READ COMMITTED"),
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ, "REPEATABLE READ"),
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE, "SERIALIZABLE");

    private final int jdbcLevel;
    private final String sql;

    IsolationLevel(int jdbcLevel, String sql) {
        this.jdbcLevel = jdbcLevel;
        this.sql = sql;
    }

    /** The {@code java.sql.Connection.TRANSACTION_*} constant; {@code TRANSACTION_NONE} for {@link #DEFAULT}. */
    public int jdbcLevel() {
        return jdbcLevel;
    }

    /** The level as SQL writes it ({@code REPEATABLE READ}); null for {@link #DEFAULT}. */
    public String sql() {
        return sql;
    }

    /**
     * The level PostgreSQL runs for a JDBC constant: READ UNCOMMITTED behaves as READ COMMITTED.
     *
     * @throws IllegalArgumentException for {@code TRANSACTION_NONE} and unknown values
     */
    public static IsolationLevel ofJdbc(int jdbcLevel) {
        return switch (jdbcLevel) {
            case Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED -> READ_COMMITTED;
            case Connection.TRANSACTION_REPEATABLE_READ -> REPEATABLE_READ;
            case Connection.TRANSACTION_SERIALIZABLE -> SERIALIZABLE;
            default -> throw new IllegalArgumentException("Transaction isolation level " + jdbcLevel
                    + " not supported: use one of java.sql.Connection's TRANSACTION_* constants other than NONE");
        };
    }

    /**
     * The level PostgreSQL runs for a setting value ({@code transaction_isolation}, {@code SET TRANSACTION ...}),
     * case and spacing ignored: {@code read uncommitted} behaves as READ COMMITTED.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static IsolationLevel ofSql(String value) {
        String level = value.trim().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT);
        return switch (level) {
            case "READ UNCOMMITTED", "READ COMMITTED" -> READ_COMMITTED;
            case "REPEATABLE READ" -> REPEATABLE_READ;
            case "SERIALIZABLE" -> SERIALIZABLE;
            default -> throw new IllegalArgumentException("Unknown transaction isolation level '" + value + "'");
        };
    }
}
