package dev.pgtestkit.core.rows;

import dev.pgtestkit.core.ColumnMatchException;
import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.core.PgTestkitException;
import dev.pgtestkit.core.QueryException;
import dev.pgtestkit.core.SchemaException;
import dev.pgtestkit.core.internal.SqlStates;
import dev.pgtestkit.core.rows.internal.Names;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Translates a {@link SQLException} into pgtestkit's exceptions by SQLState class: connection problems
 * (08, 28, 53, 57P0x, 3D000) → {@link ConnectionException}; missing tables, schemas and types (42P01, 3F000,
 * 42704) → {@link SchemaException}; a missing column (42703) → {@link ColumnMatchException}; everything else,
 * syntax errors and constraint violations included → {@link QueryException}. Constraint violations name the
 * constraint, the table, the column and the offending value from the server's detail. Statement text is
 * included only for non-constraint query errors, and never contains values (they are always bound).
 */
public final class SqlErrors {

    /** The seed's error families. */
    public enum Category { CONNECTION, QUERY, SCHEMA, COLUMN_MATCH }

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern KEY_COLUMNS = Pattern.compile("Key \\(([^)]*)\\)=");
    private static final Pattern KEY_VALUES = Pattern.compile(
            "Key \\(([^)]*)\\)=\\((.*?)\\)(?= already exists| is not present| is still referenced|\\.|$)");
    private static final int MAX_SQL_SHOWN = 300;
    private static final int MAX_DETAIL_SHOWN = 200;

    private SqlErrors() {
    }

    /** The family of a SQLState; {@code null} (no server answer) counts as {@link Category#CONNECTION}. */
    public static Category categorize(String sqlState) {
        if (SqlStates.isConnectionFailure(sqlState)) {
            return Category.CONNECTION;
        }
        return switch (sqlState) {
            case "42P01", "3F000", "42704" -> Category.SCHEMA;
            case "42703" -> Category.COLUMN_MATCH;
            default -> Category.QUERY;
        };
    }

    public static PgTestkitException translate(SQLException e) {
        return translate(e, null);
    }

    /** As {@link #translate(SQLException)}; {@code sql} (nullable) is shown for syntax and other query errors. */
    public static PgTestkitException translate(SQLException e, String sql) {
        ServerError error = ServerError.of(e);
        return switch (categorize(e.getSQLState())) {
            case CONNECTION -> "3D000".equals(e.getSQLState()) ? new ConnectionException(error.message()
                    + " (SQLState 3D000). If it is a database pgtestkit cloned, it was dropped (or, unchanged, renamed "
                    + "and given back to the pool): DisposableDatabase.close() does that (so does the end of its test "
                    + "or class), and DataSources and Rows made from it "
                    + "stop working then. Use it before closing it, keep() it, or check out a new one.",
                    e.getSQLState(), e)
                    : "57P01".equals(e.getSQLState()) ? new ConnectionException("The server ended the session "
                    + "(SQLState 57P01): " + error.message() + ". That is pg_terminate_backend(), a server shutdown, or "
                    + "DROP DATABASE ... WITH (FORCE), which DisposableDatabase.close() runs: DataSources and Rows of a "
                    + "closed DisposableDatabase stop working.", e.getSQLState(), e)
                    : new ConnectionException("Database connection failed (SQLState " + e.getSQLState()
                    + "): " + error.message() + ". Check that the server is running and that the URL, user and"
                    + " database are right.", e.getSQLState(), e);
            case SCHEMA -> schemaError(e, error);
            case COLUMN_MATCH -> new ColumnMatchException("Unknown column (SQLState 42703): " + error.message()
                    + ". Check the column name against the table's columns.", error.schema(), error.table(),
                    firstQuoted(error.message()), List.of(), List.of());
            case QUERY -> e.getSQLState().startsWith("23") ? constraintError(e, error) : queryError(e, error, sql);
        };
    }

    private static SchemaException schemaError(SQLException e, ServerError error) {
        String name = firstQuoted(error.message());
        String what = switch (e.getSQLState()) {
            case "42P01" -> "Table '" + name + "' does not exist";
            case "3F000" -> "Schema '" + name + "' does not exist";
            default -> "Type or object '" + name + "' does not exist";
        };
        String fix = e.getSQLState().equals("3F000") ? "Create it (Rows.createSchema) or check the name."
                : "Check the name and the schema, or run the migrations that create it.";
        boolean isSchema = e.getSQLState().equals("3F000");
        return new SchemaException(what + " (SQLState " + e.getSQLState() + "). " + fix,
                isSchema ? name : error.schema(), isSchema ? null : name, e);
    }

    private static QueryException constraintError(SQLException e, ServerError error) {
        String table = Names.table(error.schema(), error.table());
        String detail = error.detail() == null ? "" : " " + redacted(error.detail());
        String message = switch (e.getSQLState()) {
            case "23505" -> "Unique constraint '" + error.constraint() + "' violated on table '" + table + "':"
                    + detail + " Use a different value, or upsert to update the existing row.";
            case "23503" -> "Foreign key '" + error.constraint() + "' violated on table '" + table + "':" + detail
                    + (detail.contains("still referenced") ? " Delete the referencing rows first."
                    : " Insert the referenced row first, or fix the value.");
            case "23502" -> error.column() == null ? "Null value not allowed (SQLState 23502): " + error.message()
                    + ". Give it a value." : "Column '" + error.column() + "' of table '" + table
                    + "' must not be null. Give it a value, or a default in the schema.";
            case "23514" -> "Check constraint '" + error.constraint() + "' violated on table '" + table + "':"
                    + shortened(detail) + " Change the values so that the check holds.";
            default -> "Constraint '" + error.constraint() + "' violated on table '" + table + "' (SQLState "
                    + e.getSQLState() + "): " + error.message() + "." + detail;
        };
        return new QueryException(message, e.getSQLState(), error.constraint(), error.table(),
                error.column() != null ? error.column() : keyColumn(error.detail()), e);
    }

    private static QueryException queryError(SQLException e, ServerError error, String sql) {
        String what = switch (e.getSQLState().substring(0, 2)) {
            case "42" -> e.getSQLState().equals("42601") ? "SQL syntax error" : "Query failed";
            case "22" -> "Invalid value";
            case "40" -> "Transaction aborted";
            default -> "Query failed";
        };
        StringBuilder message = new StringBuilder(what).append(" (SQLState ").append(e.getSQLState()).append("): ")
                .append(error.message());
        if (error.position() > 0) {
            message.append(" at position ").append(error.position());
        }
        message.append('.');
        if (error.detail() != null) {
            message.append(' ').append(shortened(redacted(error.detail())));
        }
        if (error.hint() != null) {
            message.append(" Hint: ").append(error.hint());
        }
        if (sql != null) {
            message.append(" SQL: ").append(shortened(sql, MAX_SQL_SHOWN));
        }
        return new QueryException(message.toString(), e.getSQLState(), error.constraint(), error.table(),
                error.column(), e);
    }

    /**
     * The server's detail with the values of secret-looking key columns hidden ({@code Key (api_token)=(***)}), as
     * {@link RowFormatter} hides them in rows.
     */
    static String redacted(String detail) {
        Matcher m = KEY_VALUES.matcher(detail);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean secret = java.util.Arrays.stream(m.group(1).split(",\\s*", -1))
                    .anyMatch(c -> RowFormatter.DEFAULT_SECRET_KEYS.matcher(c.replace("\"", "")).matches());
            m.appendReplacement(out, Matcher.quoteReplacement(secret ? "Key (" + m.group(1) + ")=(***)" : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String shortened(String text) {
        return shortened(text, MAX_DETAIL_SHOWN);
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    private static String firstQuoted(String message) {
        Matcher m = QUOTED.matcher(message == null ? "" : message);
        return m.find() ? m.group(1) : null;
    }

    private static String keyColumn(String detail) {
        Matcher m = KEY_COLUMNS.matcher(detail == null ? "" : detail);
        return m.find() ? m.group(1).split(",\\s*", -1)[0] : null;
    }

    /** The fields of the server's error report, or the exception message when there is none. */
    private record ServerError(String message, String detail, String hint, String schema, String table,
                               String column, String constraint, int position) {

        static ServerError of(SQLException e) {
            ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
            if (server == null) {
                return new ServerError(String.valueOf(e.getMessage()), null, null, null, null, null, null, 0);
            }
            return new ServerError(server.getMessage(), server.getDetail(), server.getHint(), server.getSchema(),
                    server.getTable(), server.getColumn(), server.getConstraint(), server.getPosition());
        }
    }
}
