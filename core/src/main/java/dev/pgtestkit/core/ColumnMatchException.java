package dev.pgtestkit.core;

import java.util.List;

/**
 * A column name given by the caller matches no column of the table, even after forgiving case,
 * camelCase/snake_case and plural forms. The message lists the available columns and suggestions:
 * {@code Column 'userId' not found in table 'users'. Available columns: id, name. Did you mean: user_id?}
 */
public class ColumnMatchException extends SchemaException {

    private final String column;
    private final List<String> available;
    private final List<String> suggestions;

    public ColumnMatchException(String message, String schema, String table, String column,
                                List<String> available, List<String> suggestions) {
        super(message, schema, table);
        this.column = column;
        this.available = List.copyOf(available);
        this.suggestions = List.copyOf(suggestions);
    }

    /** The name as the caller gave it. */
    public String column() {
        return column;
    }

    public List<String> available() {
        return available;
    }

    public List<String> suggestions() {
        return suggestions;
    }

    @Override
    public int errorCode() {
        return 5;
    }
}
