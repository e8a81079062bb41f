package dev.pgtestkit.core;

/**
 * A statement failed on the server: syntax error, constraint violation, bad value. Carries the SQLState and,
 * for constraint violations, the constraint, table and column Postgres reported (each may be {@code null}).
 */
public class QueryException extends PgTestkitException {

    private final String sqlState;
    private final String constraint;
    private final String table;
    private final String column;

    public QueryException(String message, String sqlState, String constraint, String table, String column,
                          Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.constraint = constraint;
        this.table = table;
        this.column = column;
    }

    public QueryException(String message, String sqlState, Throwable cause) {
        this(message, sqlState, null, null, null, cause);
    }

    public String sqlState() {
        return sqlState;
    }

    public String constraint() {
        return constraint;
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    @Override
    public int errorCode() {
        return 6;
    }
}
