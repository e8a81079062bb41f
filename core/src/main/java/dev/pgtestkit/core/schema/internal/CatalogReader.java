package dev.pgtestkit.core.schema.internal;

import dev.pgtestkit.core.schema.internal.CatalogRows.ColumnRow;
import dev.pgtestkit.core.schema.internal.CatalogRows.ConstraintRow;
import dev.pgtestkit.core.schema.internal.CatalogRows.IndexRow;
import dev.pgtestkit.core.schema.internal.CatalogRows.SequenceRow;
import dev.pgtestkit.core.schema.internal.CatalogRows.Snapshot;
import dev.pgtestkit.core.schema.internal.CatalogRows.TableRow;
import dev.pgtestkit.core.schema.internal.CatalogRows.TypeRow;
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
 * indexes, sequences), inside one read-only REPEATABLE READ transaction so that all of them see the same
 * snapshot. Leaves the connection's transaction settings as it found them.
 */
public final class CatalogReader {

    private final Connection connection;
    private int queryCount;

    private CatalogReader(Connection connection) {
        this.connection = connection;
    }

    /**
     * @param schemas schemas to read, or {@code null} for every user schema; names the server does not have
     *                are simply absent from {@link Snapshot#schemas()}
     */
    public static Snapshot read(Connection connection, Collection<String> schemas) throws SQLException {
        return new CatalogReader(connection).inSnapshot(schemas);
    }

    private Snapshot inSnapshot(Collection<String> schemas) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        if (autoCommit) {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
        }
        try {
            return readAll(schemas);
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(isolation);
            }
        }
    }

    private Snapshot readAll(Collection<String> wanted) throws SQLException {
        List<String> schemas = query(CatalogQueries.SCHEMAS, null, rs -> rs.getString(1));
        if (wanted != null) {
            schemas = schemas.stream().filter(wanted::contains).toList();
        }
        Array names = connection.createArrayOf("text", schemas.toArray());
        int major = connection.getMetaData().getDatabaseMajorVersion();
        return new Snapshot(schemas,
                query(CatalogQueries.TABLES, names, CatalogReader::table),
                query(CatalogQueries.COLUMNS, names, CatalogReader::column),
                query(CatalogQueries.TYPES, names, CatalogReader::type),
                query(CatalogQueries.constraints(major), names, CatalogReader::constraint),
                query(CatalogQueries.indexes(major), names, CatalogReader::index),
                query(CatalogQueries.SEQUENCES, names, CatalogReader::sequence),
                queryCount);
    }

    private <T> List<T> query(String sql, Array schemas, RowMapper<T> mapper) throws SQLException {
        queryCount++;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (schemas != null) {
                statement.setArray(1, schemas);
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
                rs.getString(6), rs.getString(7));
    }

    private static ColumnRow column(ResultSet rs) throws SQLException {
        return new ColumnRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                rs.getString(6), rs.getBoolean(7), letter(rs, 8), letter(rs, 9), rs.getString(10));
    }

    private static TypeRow type(ResultSet rs) throws SQLException {
        return new TypeRow(rs.getLong(1), rs.getString(2), rs.getString(3), letter(rs, 4), letter(rs, 5),
                rs.getInt(6), rs.getLong(7), rs.getInt(8), rs.getString(9), rs.getLong(10), rs.getBoolean(11),
                strings(rs, 12), strings(rs, 13), strings(rs, 14), strings(rs, 15));
    }

    private static ConstraintRow constraint(ResultSet rs) throws SQLException {
        return new ConstraintRow(rs.getLong(1), rs.getString(2), letter(rs, 3), strings(rs, 4),
                rs.getString(5), rs.getString(6), strings(rs, 7), letter(rs, 8), letter(rs, 9),
                rs.getBoolean(10), rs.getBoolean(11), rs.getString(12), rs.getString(13), rs.getBoolean(14));
    }

    private static IndexRow index(ResultSet rs) throws SQLException {
        return new IndexRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                strings(rs, 6), rs.getBoolean(7), rs.getString(8), rs.getString(9), rs.getBoolean(10),
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

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
