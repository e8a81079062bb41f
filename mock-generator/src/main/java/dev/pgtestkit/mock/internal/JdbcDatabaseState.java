package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.QueryException;
import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.Sequence;
import dev.pgtestkit.core.sql.Identifiers;
import dev.pgtestkit.mock.internal.value.ValueType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads row counts, sequence positions and existing keys over one connection (the loading transaction's). */
public final class JdbcDatabaseState implements DatabaseState {

    private final Connection connection;
    private final Map<QualifiedName, Long> counts = new HashMap<>();

    public JdbcDatabaseState(Connection connection) {
        this.connection = connection;
    }

    @Override
    public long rowCount(QualifiedName table) {
        return counts.computeIfAbsent(table, t -> queryLong("SELECT count(*) FROM " + t.quoted()));
    }

    @Override
    public long nextValue(String sequence, Sequence meta, QualifiedName table, String column) {
        long increment = meta == null ? 1 : meta.increment();
        long next = meta == null ? 1 : meta.start();
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_sequence_last_value(?::regclass)")) {
            ps.setString(1, sequence);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    next = rs.getLong(1) + increment;
                }
            }
        } catch (SQLException e) {
            throw failure("reading sequence " + sequence, e);
        }
        if (rowCount(table) > 0) {
            long max = queryLong("SELECT coalesce(max(" + Identifiers.quote(column) + "), 0) FROM " + table.quoted());
            next = Math.max(next, max + increment);
        }
        return next;
    }

    @Override
    public List<Object[]> keys(QualifiedName table, List<String> columns, List<ValueType> types) {
        if (rowCount(table) == 0) {
            return List.of();
        }
        String cols = columns.stream().map(c -> Identifiers.quote(c) + "::text").collect(Collectors.joining(", "));
        String notNull = columns.stream().map(c -> Identifiers.quote(c) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        String sql = "SELECT " + cols + " FROM " + table.quoted() + " WHERE " + notNull + " ORDER BY "
                + columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        List<Object[]> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Object[] key = new Object[columns.size()];
                for (int k = 0; k < key.length; k++) {
                    key[k] = types.get(k).parse(rs.getString(k + 1));
                }
                out.add(key);
            }
        } catch (SQLException e) {
            throw failure("reading existing keys of " + table, e);
        }
        return out;
    }

    @Override
    public List<String> jsonSamples(QualifiedName table, String column, int limit) {
        if (rowCount(table) == 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        String sql = "SELECT " + Identifiers.quote(column) + "::text FROM " + table.quoted() + " WHERE "
                + Identifiers.quote(column) + " IS NOT NULL LIMIT " + limit;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw failure("reading JSON of " + table + "." + column, e);
        }
        out.sort(null);
        return out;
    }

    @Override
    public char typeCategory(String type) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT typcategory FROM pg_type WHERE oid = to_regtype(?)")) {
            ps.setString(1, type);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1).charAt(0) : '\0';
            }
        } catch (SQLException e) {
            throw failure("reading the category of type " + type, e);
        }
    }

    /** Casts the literals inside a savepoint (in a transaction), so a rejected one leaves it usable. */
    @Override
    public boolean accepts(String type, List<String> literals) {
        try (Statement s = connection.createStatement()) {
            boolean inTransaction = !connection.getAutoCommit();
            if (inTransaction) {
                s.execute("SAVEPOINT pgtestkit_probe");
            }
            boolean accepted = cast(type, literals);
            if (inTransaction) {
                s.execute((accepted ? "" : "ROLLBACK TO SAVEPOINT pgtestkit_probe; ")
                        + "RELEASE SAVEPOINT pgtestkit_probe");
            }
            return accepted;
        } catch (SQLException e) {
            throw failure("probing the input function of type " + type, e);
        }
    }

    private boolean cast(String type, List<String> literals) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(CAST(x AS " + type + ")) FROM unnest(?::text[]) AS x")) {
            ps.setArray(1, connection.createArrayOf("text", literals.toArray()));
            ps.executeQuery().close();
            return true;
        } catch (SQLException rejected) {
            if ("08".equals(rejected.getSQLState() == null ? null : rejected.getSQLState().substring(0, 2))) {
                throw rejected; // the connection failed, not the literal
            }
            return false;
        }
    }

    @Override
    public List<Column> compositeAttributes(String type) {
        try {
            return new CompositeCatalog(connection).attributes(type);
        } catch (SQLException e) {
            throw failure("reading the attributes of composite type " + type, e);
        }
    }

    private long queryLong(String sql) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure("running " + sql, e);
        }
    }

    static QueryException failure(String what, SQLException e) {
        return new QueryException("Failed " + what + ": " + e.getMessage(), e.getSQLState(), e);
    }
}
