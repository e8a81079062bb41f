package dev.pgtestkit.mock;

import java.util.Objects;
import java.util.function.Function;

/**
 * Replaces the generated value of one column. Overrides are not checked against the column's constraints by
 * the generator (the server still enforces them), except that a constant on a unique column is rejected when
 * more than one row is requested.
 */
public sealed interface ColumnOverride {

    /** Always this value ({@code null} allowed); a Java value or its Postgres text form. */
    static ColumnOverride constant(Object value) {
        return new Constant(value);
    }

    /**
     * A Datafaker expression such as {@code #{Name.firstName}} or {@code #{numerify '###-####'}}, evaluated per row
     * with a Faker reseeded from (seed, table, row, column), so it is deterministic.
     */
    static ColumnOverride expression(String expression) {
        Objects.requireNonNull(expression, "expression");
        return new Expression(expression);
    }

    /** A function of the row being built (see {@link RowContext} for what is filled in when). */
    static ColumnOverride computed(Function<RowContext, Object> function) {
        Objects.requireNonNull(function, "function");
        return new Computed(function);
    }

    /** Leave the column out of the insert so the server's default (or sequence) fills it in. */
    static ColumnOverride serverDefault() {
        return ServerDefault.INSTANCE;
    }

    record Constant(Object value) implements ColumnOverride {
    }

    record Expression(String expression) implements ColumnOverride {
    }

    record Computed(Function<RowContext, Object> function) implements ColumnOverride {
    }

    enum ServerDefault implements ColumnOverride {
        INSTANCE
    }
}
