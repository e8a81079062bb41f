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

    /** Delete actions that would delete or change a protected child row when its parent goes. */
    private static final Set<ForeignKey.Action> CHANGES_CHILDREN = java.util.EnumSet.of(ForeignKey.Action.CASCADE,
            ForeignKey.Action.SET_NULL, ForeignKey.Action.SET_DEFAULT);

    /** pgtestkit never empties Flyway's history: the schema would no longer match what Flyway believes it is. */
    private static final String FLYWAY_HISTORY = "flyway_schema_history";

    private final Handle handle;
    private final SchemaRegistry registry;
    private final Protection protection;
    private final Set<QualifiedName> toClean = new java.util.HashSet<>();
    private final Set<QualifiedName> cleaned = new java.util.HashSet<>();

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
                .filter(name -> registry.table(name).kind() != TableKind.PARTITION)
                .filter(name -> !name.name().equals(FLYWAY_HISTORY)).toList());
        Collections.reverse(deletion);
        for (FkCycle cycle : order.cycles()) {
            cycle.edges().stream().filter(fk -> blocksDeletes(fk, order.tables()) && deletion.contains(fk.table()))
                    .forEach(this::clearEdge);
        }
        Map<QualifiedName, Integer> deleted = new LinkedHashMap<>();
        toClean.addAll(deletion);
        for (QualifiedName name : deletion) {
            if (!protection.isWholeTable(name)) {
                deleted.put(name, deleteUnprotected(registry.table(name)));
            }
            cleaned.add(name);
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
        Set<List<Object>> kept = protection.keysOf(table.name());
        if (!kept.isEmpty()) {
            keys(sql.sql(" WHERE "), table, "", kept, true);
        }
        Session.update(handle, sql.text(), sql.params());
    }

    private int deleteUnprotected(Table table) {
        Set<List<Object>> kept = protection.keysOf(table.name());
        SqlBuilder sql = new SqlBuilder().sql("DELETE FROM ").table(table).sql(" t");
        String where = " WHERE ";
        if (!kept.isEmpty()) {
            keys(sql.sql(where), table, "", kept, true);
            where = " AND ";
        }
        for (ForeignKey fk : registry.referencing(table.name())) {
            if (CHANGES_CHILDREN.contains(fk.onDelete()) && (allStay(fk.table())
                    || !protection.keysOf(fk.table()).isEmpty())) {
                keepReferenced(sql.sql(where), fk);
                where = " AND ";
            }
        }
        return Session.update(handle, sql.text(), sql.params());
    }

    /**
     * Whether every row left in the table stays: it is not cleaned, is protected whole, or was cleaned already (then
     * what is left is protected).
     */
    private boolean allStay(QualifiedName table) {
        return protection.isWholeTable(table) || !toClean.contains(table) || cleaned.contains(table);
    }

    /**
     * Keeps a row that a protected row references through a foreign key that would delete or change that row
     * ({@code ON DELETE CASCADE / SET NULL / SET DEFAULT}): {@code NOT EXISTS} such a referencing row.
     */
    private void keepReferenced(SqlBuilder sql, ForeignKey fk) {
        Table child = registry.table(fk.table());
        sql.sql("NOT EXISTS (SELECT 1 FROM ").table(child).sql(" c WHERE ");
        for (int i = 0; i < fk.columns().size(); i++) {
            sql.sql(i == 0 ? "" : " AND ").sql("c.").name(fk.columns().get(i)).sql(" = t.")
                    .name(fk.referencedColumns().get(i));
        }
        if (!allStay(fk.table())) { // a child cleaned later (a cycle): only its protected rows stay
            keys(sql.sql(" AND "), child, "c.", protection.keysOf(fk.table()), false);
        }
        sql.sql(")");
    }

    /**
     * Appends {@code (key) [NOT] IN (...)} for protected keys: one JSON parameter whatever their number, each value
     * cast to its column's type on the server, so keys compare as the column's values (an Integer matches a bigint,
     * a String a uuid).
     */
    private static SqlBuilder keys(SqlBuilder sql, Table table, String alias, Set<List<Object>> kept,
                                   boolean negate) {
        List<Column> key = Protection.keyColumns(table);
        sql.sql("(");
        for (int i = 0; i < key.size(); i++) {
            sql.sql(i == 0 ? alias : ", " + alias).name(key.get(i).name());
        }
        sql.sql(negate ? ") NOT IN (SELECT " : ") IN (SELECT ");
        for (int i = 0; i < key.size(); i++) {
            Column column = key.get(i);
            sql.sql(i == 0 ? "" : ", ").sql("CAST(k->>" + i + " AS ")
                    .sql(QualifiedName.of(column.type().schema(), column.type().name()).quoted()).sql(")");
        }
        List<List<String>> texts = new ArrayList<>(kept.size());
        for (List<Object> values : kept) {
            List<String> text = new ArrayList<>(key.size());
            for (int i = 0; i < key.size(); i++) {
                text.add(asText(SqlBuilder.convert(table, key.get(i), values.get(i))));
            }
            texts.add(text);
        }
        return sql.sql(" FROM jsonb_array_elements(CAST(").param(Json.write(texts)).sql(" AS jsonb)) k)");
    }

    /** A converted key value as the text PostgreSQL reads for it. */
    private static String asText(Object value) {
        return value instanceof byte[] bytes ? "\\x" + java.util.HexFormat.of().formatHex(bytes) : String.valueOf(value);
    }
}
