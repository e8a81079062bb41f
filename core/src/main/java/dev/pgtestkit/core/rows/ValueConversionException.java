package dev.pgtestkit.core.rows;

import dev.pgtestkit.core.QueryException;

/**
 * A Java value cannot be converted to its column's type; nothing was sent to the server. The message names
 * the column, the type and the value: {@code Cannot convert value 'abc' for column 'users.age' of type
 * integer: expected a whole number}. {@link #sqlState()} is {@code null}.
 */
public class ValueConversionException extends QueryException {

    private final String type;

    public ValueConversionException(String message, String table, String column, String type, Throwable cause) {
        super(message, null, null, table, column, cause);
        this.type = type;
    }

    /** The column's type as Postgres prints it ({@code integer}, {@code character varying(255)}, {@code mood[]}). */
    public String type() {
        return type;
    }
}
