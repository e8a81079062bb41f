package dev.pgtestkit.core.schema;

import java.util.List;

/**
 * A CHECK constraint of a table or a domain.
 *
 * @param name       constraint name
 * @param definition definition as {@code pg_get_constraintdef} prints it: {@code CHECK ((price >= (0)::numeric))}
 * @param expression the expression inside {@code CHECK (...)}, parentheses as printed by Postgres
 * @param columns    the table columns it refers to (empty for domain checks, which use VALUE)
 */
public record CheckConstraint(String name, String definition, String expression, List<String> columns) {

    public CheckConstraint {
        columns = List.copyOf(columns);
    }
}
