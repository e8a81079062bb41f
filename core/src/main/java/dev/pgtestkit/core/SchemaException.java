package dev.pgtestkit.core;

/**
 * A schema, table or other catalog object is missing or unusable (unknown table, unbreakable FK cycle, ...).
 * {@link #schema()} and {@link #table()} name the object when known, otherwise they are {@code null}.
 */
public class SchemaException extends PgTestkitException {

    private final String schema;
    private final String table;

    public SchemaException(String message, String schema, String table) {
        super(message);
        this.schema = schema;
        this.table = table;
    }

    public SchemaException(String message, String schema, String table, Throwable cause) {
        super(message, cause);
        this.schema = schema;
        this.table = table;
    }

    public String schema() {
        return schema;
    }

    public String table() {
        return table;
    }

    @Override
    public int errorCode() {
        return 4;
    }
}
