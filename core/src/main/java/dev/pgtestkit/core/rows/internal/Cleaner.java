package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.FkCycle;
import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.InsertionOrder;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.TableKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Deletes every row that is not protected (the seed's {@code cleanup_non_protected}), children before
 * parents. Deferrable foreign keys are deferred to commit; in a foreign-key cycle, the nullable columns of an
 * edge that would block the deletes (NO ACTION / RESTRICT, not deferrable) are set to NULL first on the rows
 * about to go. Runs in the caller's transaction.
 */
public final class Cleaner {

    /** Postgres allows 65535 parameters per statement; stay well below. */
    private static final int MAX_PARAMS = 30_000;

    private final Handle handle;
    private final SchemaRegistry registry;
    private final Protection protection;

    private Cleaner(Handle handle, SchemaRegistry registry, Protection protection) {
        this.handle = handle;
        this.registry = registry;
        this.protection = protection;
    }

    /** Rows deleted per table, in deletion order; {@code schema} {@code null} means all schemas. */
    public static Map<QualifiedName, Integer> cleanup(Handle handle, SchemaRegistry registry, String schema,
                                                      Protection protection) {
        return new Cleaner(handle, registry, protection).run(schema);
    }

    private Map<QualifiedName, Integer> run(String schema) {
        RawSql.execute(handle, "SET CONSTRAINTS ALL DEFERRED");
        InsertionOrder order = registry.insertionOrder();
        List<QualifiedName> deletion = new ArrayList<>(order.tables().stream()
                .filter(name -> schema == null || name.schema().equals(schema))
                .filter(name -> registry.table(name).kind() != TableKind.PARTITION).toList());
        Collections.reverse(deletion);
        for (FkCycle cycle : order.cycles()) {
            cycle.edges().stream().filter(fk -> blocksDeletes(fk, order.tables()) && deletion.contains(fk.table()))
                    .forEach(this::clearEdge);
        }
        Map<QualifiedName, Integer> deleted = new LinkedHashMap<>();
        for (QualifiedName name : deletion) {
            if (!protection.isWholeTable(name)) {
                deleted.put(name, deleteUnprotected(registry.table(name)));
            }
        }
        return deleted;
    }

    /** An edge from a table inserted before the one it references, that the server checks right away. */
    private boolean blocksDeletes(ForeignKey fk, List<QualifiedName> insertion) {
        boolean checkedNow = !fk.deferrable() && (fk.onDelete() == ForeignKey.Action.NO_ACTION
                || fk.onDelete() == ForeignKey.Action.RESTRICT);
        return checkedNow && !fk.isSelfReference()
                && insertion.indexOf(fk.table()) < insertion.indexOf(fk.referencedTable());
    }

    private void clearEdge(ForeignKey fk) {
        Table table = registry.table(fk.table());
        List<Column> columns = fk.columns().stream().map(c -> table.column(c).orElseThrow()).toList();
        if (columns.stream().anyMatch(Column::notNull)) {
            return;  // cannot be cleared; the delete will report the violation
        }
        SqlBuilder sql = new SqlBuilder().sql("UPDATE ").table(table).sql(" SET ");
        for (int i = 0; i < columns.size(); i++) {
            sql.sql(i == 0 ? "" : ", ").name(columns.get(i).name()).sql(" = NULL");
        }
        unprotected(sql, table, protection.keysOf(table.name()));
        Session.update(handle, sql.text(), sql.params());
    }

    private int deleteUnprotected(Table table) {
        Set<List<Object>> kept = protection.keysOf(table.name());
        if (kept.isEmpty()) {
            return TableOps.delete(handle, table, Map.of());
        }
        List<Column> key = Protection.keyColumns(table);
        if (kept.size() * key.size() <= MAX_PARAMS) {
            SqlBuilder sql = unprotected(new SqlBuilder().sql("DELETE FROM ").table(table), table, kept);
            return Session.update(handle, sql.text(), sql.params());
        }
        return deleteByDifference(table, key, kept);
    }

    /** Appends {@code WHERE (key) NOT IN (VALUES ...)} for the protected keys, if any. */
    private static SqlBuilder unprotected(SqlBuilder sql, Table table, Set<List<Object>> kept) {
        if (!kept.isEmpty()) {
            sql.sql(" WHERE ");
            keyIn(sql, table, Protection.keyColumns(table), kept, true);
        }
        return sql;
    }

    /** Too many protected rows for one statement: read the keys, delete the others in chunks. */
    private int deleteByDifference(Table table, List<Column> key, Set<List<Object>> kept) {
        SqlBuilder select = new SqlBuilder().sql("SELECT ").names(key).sql(" FROM ").table(table);
        List<List<Object>> doomed = Session.query(handle, select.text(), select.params()).stream()
                .map(row -> key.stream().map(c -> row.get(c.name())).toList())
                .filter(k -> !kept.contains(k)).toList();
        int perStatement = Math.max(1, MAX_PARAMS / key.size());
        int deleted = 0;
        for (int from = 0; from < doomed.size(); from += perStatement) {
            SqlBuilder sql = new SqlBuilder().sql("DELETE FROM ").table(table).sql(" WHERE ");
            keyIn(sql, table, key, doomed.subList(from, Math.min(doomed.size(), from + perStatement)), false);
            deleted += Session.update(handle, sql.text(), sql.params());
        }
        return deleted;
    }

    /** {@code ("a", "b") [NOT] IN (VALUES (CAST(? AS ...), CAST(? AS ...)), ...)}. */
    private static void keyIn(SqlBuilder sql, Table table, List<Column> key, Collection<List<Object>> keys,
                              boolean negate) {
        sql.sql("(").names(key).sql(negate ? ") NOT IN (VALUES " : ") IN (VALUES ");
        String separator = "";
        for (List<Object> values : keys) {
            sql.sql(separator).sql("(");
            for (int i = 0; i < key.size(); i++) {
                sql.sql(i == 0 ? "" : ", ").value(table, key.get(i), values.get(i));
            }
            sql.sql(")");
            separator = ", ";
        }
        sql.sql(")");
    }
}
