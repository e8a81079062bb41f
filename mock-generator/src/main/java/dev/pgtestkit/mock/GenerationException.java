package dev.pgtestkit.mock;

import dev.pgtestkit.core.SchemaException;

/**
 * The generator cannot produce rows for a table as asked: a check no row can meet, a type it cannot generate
 * for a NOT NULL column, more rows than a unique key has distinct values, a foreign key cycle it cannot break,
 * a bad plan. Raised before anything is written whenever it can be detected up front. {@link #column()} and
 * {@link #constraint()} name the culprit when there is one, else they are {@code null}.
 */
public class GenerationException extends SchemaException {

    private final String column;
    private final String constraint;

    public GenerationException(String message, String schema, String table, String column, String constraint) {
        super(message, schema, table);
        this.column = column;
        this.constraint = constraint;
    }

    public String column() {
        return column;
    }

    public String constraint() {
        return constraint;
    }
}
