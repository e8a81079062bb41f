package dev.pgtestkit.core.schema.internal;

import dev.pgtestkit.core.schema.internal.CatalogRows.ColumnRow;
import dev.pgtestkit.core.schema.internal.CatalogRows.ConstraintRow;
import dev.pgtestkit.core.schema.internal.CatalogRows.IndexRow;
import dev.pgtestkit.core.schema.internal.CatalogRows.SequenceRow;
import dev.pgtestkit.core.schema.internal.CatalogRows.Snapshot;
import dev.pgtestkit.core.schema.internal.CatalogRows.TableRow;
import dev.pgtestkit.core.schema.internal.CatalogRows.TypeRow;
import dev.pgtestkit.core.tx.TransactionIsolationException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Reads the catalog of the given schemas in seven queries (schemas, tables, columns, types, constraints,
 * indexes, sequences), plus one that turns JIT off for them (and, inside a caller's transaction, one that
 * restores it). With auto-commit on they run in their own REPEATABLE READ transaction, so all of them see the
 * same snapshot; inside the caller's transaction they see what it sees. Leaves the connection's transaction
 * settings as it found them.
 */
public final class CatalogReader {

    /** Marks pgtestkit's own statements: the query logger leaves them out of the application's statements. */
    private static final String INTERNAL = "/* pgtestkit:internal */ ";

    private final Connection connection;
    private int queryCount;

    private CatalogReader(Connection connection) {
        this.connection = connection;
    }

    /**
     * Reads the catalog on the connection, leaving its transaction settings as it found them.
     *
     * @param schemas schemas to read, or {@code null} for every user schema; names the server does not have
     *                are simply absent from {@link Snapshot#schemas()}
     */
    public static Snapshot read(Connection connection, Collection<String> schemas) throws SQLException {
        return new CatalogReader(connection).inSnapshot(schemas);
    }

    private Snapshot inSnapshot(Collection<String> schemas) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        boolean raised = false;
        if (autoCommit) {
            raised = raiseToRepeatableRead(isolation);
            connection.setAutoCommit(false);
        }
        Snapshot snapshot;
        try {
            String previousJit = query(CatalogQueries.JIT_OFF, rs -> rs.getString(1)).get(0);
            snapshot = readAll(schemas);
            if (!autoCommit) {
                // After a failure the caller's transaction is aborted anyway; only a success needs this.
                restoreJit(previousJit);
            }
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            if (raised) {
                connection.setTransactionIsolation(isolation);
            }
        }
        return snapshot.withQueryCount(queryCount);
    }

    /**
     * One snapshot for all the queries. A connection of a pgtestkit test transaction refuses a stronger level than the
     * transaction began at: it is read at that level, as inside a caller's transaction.
     */
    private boolean raiseToRepeatableRead(int isolation) throws SQLException {
        if (isolation >= Connection.TRANSACTION_REPEATABLE_READ) {
            return false;
        }
        try {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return true;
        } catch (TransactionIsolationException e) {
            return false;
        }
    }

    private void restoreJit(String previous) throws SQLException {
        queryCount++;
        try (PreparedStatement statement = connection.prepareStatement(INTERNAL + CatalogQueries.JIT_RESTORE)) {
            statement.setString(1, previous);
            statement.executeQuery().close();
        }
    }

    private Snapshot readAll(Collection<String> wanted) throws SQLException {
        List<String> all = query(CatalogQueries.SCHEMAS, rs -> rs.getString(1));
        List<String> schemas = wanted == null ? all : all.stream().filter(wanted::contains).toList();
        Array names = connection.createArrayOf("text", schemas.toArray());
        int major = connection.getMetaData().getDatabaseMajorVersion();
        return new Snapshot(all, schemas,
                query(CatalogQueries.TABLES, names, CatalogReader::table),
                query(CatalogQueries.COLUMNS, names, CatalogReader::column),
                query(CatalogQueries.TYPES, names, CatalogReader::type),
                query(CatalogQueries.constraints(major), names, CatalogReader::constraint),
                query(CatalogQueries.indexes(major), names, CatalogReader::index),
                query(CatalogQueries.SEQUENCES, names, CatalogReader::sequence),
                queryCount);
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper) throws SQLException {
        return query(sql, null, mapper);
    }

    private <T> List<T> query(String sql, Array schemas, RowMapper<T> mapper) throws SQLException {
        queryCount++;
        try (PreparedStatement statement = connection.prepareStatement(INTERNAL + sql)) {
            if (schemas != null) {
                // Every parameter of a catalog query is the schema list.
                for (int i = 1; i <= sql.chars().filter(ch -> ch == '?').count(); i++) {
                    statement.setArray(i, schemas);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    private static TableRow table(ResultSet rs) throws SQLException {
        return new TableRow(rs.getLong(1), rs.getString(2), rs.getString(3), letter(rs, 4), rs.getBoolean(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }

    private static ColumnRow column(ResultSet rs) throws SQLException {
        return new ColumnRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                rs.getString(6), rs.getBoolean(7), letter(rs, 8), letter(rs, 9), rs.getString(10));
    }

    private static TypeRow type(ResultSet rs) throws SQLException {
        return new TypeRow(rs.getLong(1), rs.getString(2), rs.getString(3), letter(rs, 4), letter(rs, 5),
                rs.getInt(6), rs.getLong(7), rs.getInt(8), rs.getString(9), rs.getLong(10), rs.getBoolean(11),
                strings(rs, 12), strings(rs, 13), strings(rs, 14), strings(rs, 15), rs.getBoolean(16),
                rs.getString(17));
    }

    private static ConstraintRow constraint(ResultSet rs) throws SQLException {
        return new ConstraintRow(rs.getLong(1), rs.getString(2), letter(rs, 3), numbers(rs, 4), rs.getLong(5),
                rs.getString(6), rs.getString(7), numbers(rs, 8), strings(rs, 9), letter(rs, 10), letter(rs, 11),
                rs.getBoolean(12), rs.getBoolean(13), rs.getString(14), rs.getString(15), rs.getBoolean(16));
    }

    private static IndexRow index(ResultSet rs) throws SQLException {
        return new IndexRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                numbers(rs, 6), strings(rs, 7), rs.getString(8), rs.getString(9), rs.getBoolean(10),
                rs.getBoolean(11));
    }

    private static SequenceRow sequence(ResultSet rs) throws SQLException {
        return new SequenceRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }

    /** A {@code "char"} column; the empty string (no identity, not generated) becomes {@code '\0'}. */
    private static char letter(ResultSet rs, int index) throws SQLException {
        String value = rs.getString(index);
        return value == null || value.isEmpty() ? '\0' : value.charAt(0);
    }

    private static List<String> strings(ResultSet rs, int index) throws SQLException {
        Array array = rs.getArray(index);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** An {@code int2[]} as attnums; SQL NULL gives an empty list. */
    private static List<Integer> numbers(ResultSet rs, int index) throws SQLException {
        Array array = rs.getArray(index);
        if (array == null) {
            return List.of();
        }
        List<Integer> numbers = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            numbers.add(((Number) value).intValue());
        }
        return numbers;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
