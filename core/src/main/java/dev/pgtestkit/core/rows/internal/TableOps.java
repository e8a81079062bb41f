package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.QueryException;
import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.Identity;
import dev.pgtestkit.core.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** The statements of the row API over one resolved table. Column keys are already matched to columns. */
public final class TableOps {

    /** Postgres allows 65535 parameters per statement; stay well below. */
    private static final int MAX_PARAMS = 30_000;

    private TableOps() {
    }

    /** A sort key: a column and its direction. */
    public record Order(Column column, boolean descending) {
    }

    public static List<Map<String, Object>> select(Handle handle, Table table, Map<Column, ?> where,
                                                   List<Order> orders, Long limit, Long offset) {
        SqlBuilder sql = new SqlBuilder().sql("SELECT * FROM ").table(table).where(table, where);
        String separator = " ORDER BY ";
        for (Order order : orders) {
            sql.sql(separator).name(order.column().name()).sql(order.descending() ? " DESC" : " ASC");
            separator = ", ";
        }
        if (limit != null) {
            sql.sql(" LIMIT ").param(limit);
        }
        if (offset != null) {
            sql.sql(" OFFSET ").param(offset);
        }
        return Session.query(handle, sql.text(), sql.params());
    }

    public static long count(Handle handle, Table table, Map<Column, ?> where) {
        SqlBuilder sql = new SqlBuilder().sql("SELECT count(*) AS n FROM ").table(table).where(table, where);
        return ((Number) Session.query(handle, sql.text(), sql.params()).get(0).get("n")).longValue();
    }

    public static boolean exists(Handle handle, Table table, Map<Column, ?> where) {
        SqlBuilder sql = new SqlBuilder().sql("SELECT EXISTS (SELECT 1 FROM ").table(table).where(table, where)
                .sql(") AS found");
        return (Boolean) Session.query(handle, sql.text(), sql.params()).get(0).get("found");
    }

    /** Inserts one row and returns it as stored (generated keys, defaults). */
    public static Map<String, Object> insert(Handle handle, Table table, Map<Column, ?> row) {
        return insertAll(handle, table, List.of(row)).get(0);
    }

    /**
     * Inserts rows with multi-row VALUES statements (a column a row leaves out gets DEFAULT), as few
     * statements as the parameter limit allows, and returns them as stored, in order.
     */
    public static List<Map<String, Object>> insertAll(Handle handle, Table table, List<? extends Map<Column, ?>> rows) {
        Set<Column> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        columns.forEach(column -> requireWritable(table, column));
        int perStatement = Math.max(1, MAX_PARAMS / Math.max(1, columns.size()));
        List<Map<String, Object>> stored = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<? extends Map<Column, ?>> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            SqlBuilder sql = insertStatement(table, columns, chunk).sql(" RETURNING *");
            stored.addAll(Session.query(handle, sql.text(), sql.params()));
        }
        return stored;
    }

    /** {@code INSERT INTO t (cols) [OVERRIDING SYSTEM VALUE] VALUES (...), (...)}, or DEFAULT VALUES. */
    static SqlBuilder insertStatement(Table table, Set<Column> columns, List<? extends Map<Column, ?>> rows) {
        SqlBuilder sql = new SqlBuilder().sql("INSERT INTO ").table(table);
        if (columns.isEmpty()) {
            if (rows.size() > 1) {
                throw new IllegalArgumentException("rows without any column can only be inserted one at a time");
            }
            return sql.sql(" DEFAULT VALUES");
        }
        sql.sql(" (").names(columns).sql(")");
        if (columns.stream().anyMatch(c -> c.identity() == Identity.ALWAYS)) {
            sql.sql(" OVERRIDING SYSTEM VALUE");
        }
        String rowSeparator = " VALUES ";
        for (Map<Column, ?> row : rows) {
            sql.sql(rowSeparator).sql("(");
            String separator = "";
            for (Column column : columns) {
                sql.sql(separator);
                if (row.containsKey(column)) {
                    sql.value(table, column, row.get(column));
                } else {
                    sql.sql("DEFAULT");
                }
                separator = ", ";
            }
            sql.sql(")");
            rowSeparator = ", ";
        }
        return sql;
    }

    public static int update(Handle handle, Table table, Map<Column, ?> values, Map<Column, ?> where) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("update of table '" + Names.table(table) + "' needs at least one"
                    + " column to set");
        }
        SqlBuilder sql = new SqlBuilder().sql("UPDATE ").table(table).sql(" SET ");
        String separator = "";
        for (Map.Entry<Column, ?> entry : values.entrySet()) {
            requireWritable(table, entry.getKey());
            sql.sql(separator).name(entry.getKey().name()).sql(" = ").value(table, entry.getKey(), entry.getValue());
            separator = ", ";
        }
        sql.where(table, where);
        return Session.update(handle, sql.text(), sql.params());
    }

    /**
     * {@code INSERT ... ON CONFLICT (key) [WHERE predicate] DO UPDATE SET <other given columns> RETURNING *}.
     * When the row holds only key columns the key is "updated" to itself, so the row is still returned.
     */
    public static Map<String, Object> upsert(Handle handle, Table table, Map<Column, ?> row, List<Column> key,
                                             String predicate) {
        SqlBuilder sql = insertStatement(table, row.keySet(), List.of(row)).sql(" ON CONFLICT (").names(key)
                .sql(")");
        if (predicate != null) {
            sql.sql(" WHERE ").sql(predicate);
        }
        List<Column> updated = row.keySet().stream().filter(c -> !key.contains(c)).toList();
        sql.sql(" DO UPDATE SET ");
        String separator = "";
        for (Column column : updated.isEmpty() ? key : updated) {
            sql.sql(separator).name(column.name()).sql(" = EXCLUDED.").name(column.name());
            separator = ", ";
        }
        sql.sql(" RETURNING *");
        return Session.query(handle, sql.text(), sql.params()).get(0);
    }

    public static int delete(Handle handle, Table table, Map<Column, ?> where) {
        SqlBuilder sql = new SqlBuilder().sql("DELETE FROM ").table(table).where(table, where);
        return Session.update(handle, sql.text(), sql.params());
    }

    private static void requireWritable(Table table, Column column) {
        if (column.isGenerated()) {
            throw new QueryException("Column '" + column.name() + "' of table '" + Names.table(table)
                    + "' is generated (" + column.generatedExpr() + ") and cannot be written; leave it out.",
                    null, null, table.simpleName(), column.name(), null);
        }
    }
}
