package dev.pgtestkit.core.schema;

import dev.pgtestkit.core.ColumnMatchException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table as read from the catalog. Immutable.
 *
 * @param name        qualified name
 * @param kind        ordinary, partitioned or partition
 * @param partitionOf parent of a partition, else {@code null}
 * @param columns     columns in ordinal order
 * @param primaryKey  primary key, or {@code null}
 * @param uniqueKeys  unique constraints and unique indexes (not the primary key); partial ones flagged
 * @param foreignKeys foreign keys this table declares
 * @param checks      CHECK constraints
 * @param indexes     all indexes, including those behind keys
 * @param partitioning partition key and bound, {@link Partitioning#NONE} for an ordinary table
 */
public record Table(QualifiedName name, TableKind kind, QualifiedName partitionOf, List<Column> columns,
                    UniqueKey primaryKey, List<UniqueKey> uniqueKeys, List<ForeignKey> foreignKeys,
                    List<CheckConstraint> checks, List<Index> indexes, Partitioning partitioning) {

    /**
     * How a table takes part in partitioning, as the server prints it.
     *
     * @param key        of a partitioned table, {@code pg_get_partkeydef} ({@code RANGE (ordered_at)}), else
     *                   {@code null}
     * @param bound      of a partition, its bound ({@code FOR VALUES FROM ('2026-01-01') TO ('2026-04-01')},
     *                   {@code FOR VALUES IN ('eu')}, {@code FOR VALUES WITH (modulus 4, remainder 0)},
     *                   {@code DEFAULT}), else {@code null}
     * @param constraint of a partition, the implicit constraint its rows meet, its ancestors' included
     *                   ({@code pg_get_partition_constraintdef}); {@code null} when there is none (not a partition,
     *                   or the only partition, a default one)
     */
    public record Partitioning(String key, String bound, String constraint) {

        /** An ordinary table's. */
        public static final Partitioning NONE = new Partitioning(null, null, null);

        /** Whether this is a DEFAULT partition (it takes the rows no sibling's bound accepts). */
        public boolean isDefault() {
            return "DEFAULT".equals(bound);
        }
    }

    /** A table that is not partitioned and no partition ({@link Partitioning#NONE}). */
    public Table(QualifiedName name, TableKind kind, QualifiedName partitionOf, List<Column> columns,
                 UniqueKey primaryKey, List<UniqueKey> uniqueKeys, List<ForeignKey> foreignKeys,
                 List<CheckConstraint> checks, List<Index> indexes) {
        this(name, kind, partitionOf, columns, primaryKey, uniqueKeys, foreignKeys, checks, indexes,
                Partitioning.NONE);
    }

    public Table {
        partitioning = partitioning == null ? Partitioning.NONE : partitioning;
        columns = List.copyOf(columns);
        uniqueKeys = List.copyOf(uniqueKeys);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
        indexes = List.copyOf(indexes);
    }

    public String schema() {
        return name.schema();
    }

    public String simpleName() {
        return name.name();
    }

    /** Column by its exact catalog name. */
    public Optional<Column> column(String exactName) {
        for (Column c : columns) {
            if (c.name().equals(exactName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Column by forgiving name, as {@link NameMatcher} matches: the exact name first, then ignoring case,
     * camelCase vs snake_case, and singular/plural ({@code userId} finds {@code user_id}).
     *
     * @param name the caller's column name, not {@code null}
     * @throws ColumnMatchException when no column matches (the message lists the available columns and
     *                              suggestions) or when several match equally well
     */
    public Column matchColumn(String name) {
        Objects.requireNonNull(name, "name");
        Optional<Column> exact = column(name);
        if (exact.isPresent()) {
            return exact.get();
        }
        NameMatcher.Result result = NameMatcher.match(name, columnNames());
        if (!result.found()) {
            throw MatchErrors.column(this, result);
        }
        return column(result.match()).orElseThrow();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public Optional<UniqueKey> primaryKeyOptional() {
        return Optional.ofNullable(primaryKey);
    }
}
