package dev.pgtestkit.core.rows;

import dev.pgtestkit.core.PgTestkitException;

/**
 * A fixture file could not be read or loaded. The message starts with where: the file, and when known the
 * table, the row index (0-based, as in the file) and the line, e.g.
 * {@code Fixture 'seed.json', table 'users', row 2 (line 14): Column 'emial' not found ...}. The cause, when
 * there is one, is the underlying failure (a {@code ColumnMatchException}, {@code QueryException}...).
 * Nothing of the file is kept in the database when loading fails.
 */
public class FixtureException extends PgTestkitException {

    private final String file;
    private final String table;
    private final int rowIndex;
    private final int line;

    public FixtureException(String message, String file, String table, int rowIndex, int line, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.table = table;
        this.rowIndex = rowIndex;
        this.line = line;
    }

    /** The file or classpath resource as given. */
    public String file() {
        return file;
    }

    /** The table key as written in the file, or {@code null} when the failure is not about one table. */
    public String table() {
        return table;
    }

    /** 0-based index of the row in its table's list, or -1. */
    public int rowIndex() {
        return rowIndex;
    }

    /** 1-based line in the file, or -1 when unknown. */
    public int line() {
        return line;
    }
}
