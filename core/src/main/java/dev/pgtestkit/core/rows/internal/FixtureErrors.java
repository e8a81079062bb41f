package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.rows.FixtureException;

/** Where in a fixture file something failed, as the start of a message. */
final class FixtureErrors {

    private FixtureErrors() {
    }

    /**
     * {@code Fixture 'seed.json', table 'users', row 2 (line 14): }; the table, row ({@code < 0}) and line
     * ({@code < 0}) are left out when unknown.
     */
    static String where(String source, String table, int row, int line) {
        StringBuilder where = new StringBuilder("Fixture '").append(source).append('\'');
        if (table != null) {
            where.append(", table '").append(table).append('\'');
        }
        if (row >= 0) {
            where.append(", row ").append(row);
        }
        if (line >= 0) {
            where.append(" (line ").append(line).append(')');
        }
        return where.append(": ").toString();
    }

    /** {@code cause} with its message prefixed by where it happened. */
    static FixtureException wrap(String source, String table, int row, int line, RuntimeException cause) {
        return new FixtureException(where(source, table, row, line) + cause.getMessage(), source, table, row, line,
                cause);
    }
}
