package dev.pgtestkit.core.rows;

import dev.pgtestkit.core.QueryException;
import dev.pgtestkit.core.rows.internal.Names;
import dev.pgtestkit.core.rows.internal.Scope;
import dev.pgtestkit.core.rows.internal.TableOps;
import dev.pgtestkit.core.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A query over one table: conditions (ANDed equality; {@code null} means IS NULL, a collection means IN),
 * order, limit and offset. Immutable: every method returns a new {@code Fetch}; nothing runs until
 * {@link #list()}, {@link #first()}, {@link #one()}, {@link #count()} or {@link #exists()}.
 *
 * <pre>{@code
 * List<Map<String, Object>> recent = rows.from("orders").where("status", "paid")
 *         .orderByDesc("placed_at").limit(10).list();
 * }</pre>
 */
public final class Fetch {

    private record Sort(String column, boolean descending) {
    }

    private final Scope scope;
    private final String table;
    private final Map<String, Object> conditions;
    private final List<Sort> sorts;
    private final Long limit;
    private final Long offset;

    Fetch(Scope scope, String table) {
        this(scope, Objects.requireNonNull(table, "table"), Map.of(), List.of(), null, null);
    }

    private Fetch(Scope scope, String table, Map<String, Object> conditions, List<Sort> sorts, Long limit,
                  Long offset) {
        this.scope = scope;
        this.table = table;
        this.conditions = conditions;
        this.sorts = sorts;
        this.limit = limit;
        this.offset = offset;
    }

    /** Adds {@code column = value} ({@code IS NULL} for null, {@code IN (...)} for a collection). */
    public Fetch where(String column, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(conditions);
        more.put(Objects.requireNonNull(column, "column"), value);
        return new Fetch(scope, table, Collections.unmodifiableMap(more), sorts, limit, offset);
    }

    /** Adds every entry of {@code moreConditions} as {@link #where(String, Object)}, in the map's order. */
    public Fetch where(Map<String, ?> moreConditions) {
        Fetch fetch = this;
        for (Map.Entry<String, ?> condition : moreConditions.entrySet()) {
            fetch = fetch.where(condition.getKey(), condition.getValue());
        }
        return fetch;
    }

    /** Sorts by {@code column} ascending, after any earlier sort keys. */
    public Fetch orderBy(String column) {
        return sorted(column, false);
    }

    /** Sorts by {@code column} descending, after any earlier sort keys. */
    public Fetch orderByDesc(String column) {
        return sorted(column, true);
    }

    private Fetch sorted(String column, boolean descending) {
        List<Sort> more = new ArrayList<>(sorts);
        more.add(new Sort(Objects.requireNonNull(column, "column"), descending));
        return new Fetch(scope, table, conditions, List.copyOf(more), limit, offset);
    }

    /** At most {@code count} rows (0 or more). */
    public Fetch limit(long count) {
        requireNotNegative(count, "limit");
        return new Fetch(scope, table, conditions, sorts, count, offset);
    }

    /** Skips the first {@code count} rows (0 or more). */
    public Fetch offset(long count) {
        requireNotNegative(count, "offset");
        return new Fetch(scope, table, conditions, sorts, limit, count);
    }

    /** The matching rows, each a {@link LinkedHashMap} in column order. */
    public List<Map<String, Object>> list() {
        return run(limit);
    }

    /** The first matching row in this order, if any. */
    public Optional<Map<String, Object>> first() {
        return run(limit == null ? 1L : Math.min(limit, 1L)).stream().findFirst();
    }

    /** The only matching row, if any; more than one throws {@link QueryException}. */
    public Optional<Map<String, Object>> one() {
        List<Map<String, Object>> found = run(limit == null ? 2L : Math.min(limit, 2L));
        if (found.size() > 1) {
            throw new QueryException("Expected at most one row of table '" + table + "' where "
                    + RowFormatter.defaults().format(conditions) + ", found more. Add conditions that identify"
                    + " one row, or use first() or list().", null, null, table, null, null);
        }
        return found.stream().findFirst();
    }

    /** Number of matching rows (limit and offset ignored). */
    public long count() {
        return scope.withTable(table, (handle, t) -> TableOps.count(handle, t, scope.catalog().columns(t, conditions)));
    }

    /** Whether any row matches. */
    public boolean exists() {
        return scope.withTable(table, (handle, t) -> TableOps.exists(handle, t, scope.catalog().columns(t, conditions)));
    }

    private List<Map<String, Object>> run(Long rowLimit) {
        return scope.withTable(table, (handle, t) -> TableOps.select(handle, t, scope.catalog().columns(t, conditions),
                orders(t), rowLimit, offset));
    }

    private List<TableOps.Order> orders(Table t) {
        return sorts.stream().map(s -> new TableOps.Order(scope.catalog().column(t, s.column()), s.descending())).toList();
    }

    private static void requireNotNegative(long count, String what) {
        if (count < 0) {
            throw new IllegalArgumentException(what + " must be 0 or more, got " + count);
        }
    }

    @Override
    public String toString() {
        return "Fetch[" + Names.table(scope.schema(), table) + " where " + RowFormatter.defaults().format(conditions)
                + ", order " + sorts + ", limit " + limit + ", offset " + offset + "]";
    }
}
