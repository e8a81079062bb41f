package dev.pgtestkit.core.schema.internal;

import dev.pgtestkit.core.schema.CheckConstraint;
import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.Identity;
import dev.pgtestkit.core.schema.Index;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.Sequence;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.TableKind;
import dev.pgtestkit.core.schema.UniqueKey;
import dev.pgtestkit.core.schema.internal.CatalogRows.ColumnRow;
import dev.pgtestkit.core.schema.internal.CatalogRows.ConstraintRow;
import dev.pgtestkit.core.schema.internal.CatalogRows.IndexRow;
import dev.pgtestkit.core.schema.internal.CatalogRows.SequenceRow;
import dev.pgtestkit.core.schema.internal.CatalogRows.Snapshot;
import dev.pgtestkit.core.schema.internal.CatalogRows.TableRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the immutable model from one {@link Snapshot}: tables sorted by name, their parts sorted by name. */
public final class ModelAssembler {

    private final TypeResolver types;
    private final Map<Long, List<ColumnRow>> columnsByTable;
    private final Map<Long, List<ConstraintRow>> constraintsByTable;
    private final Map<Long, List<IndexRow>> indexesByTable;
    private final Map<String, QualifiedName> sequenceByColumn = new HashMap<>();

    private ModelAssembler(Snapshot snapshot) {
        this.types = new TypeResolver(snapshot.types());
        this.columnsByTable = snapshot.columns().stream().collect(Collectors.groupingBy(ColumnRow::tableOid));
        this.constraintsByTable = snapshot.constraints().stream()
                .collect(Collectors.groupingBy(ConstraintRow::tableOid));
        this.indexesByTable = snapshot.indexes().stream().collect(Collectors.groupingBy(IndexRow::tableOid));
        for (SequenceRow row : snapshot.sequences()) {
            if (row.ownerTable() != null) {
                sequenceByColumn.put(columnKey(row.ownerSchema(), row.ownerTable(), row.ownerColumn()),
                        QualifiedName.of(row.schema(), row.name()));
            }
        }
    }

    /** Tables of the snapshot, sorted by qualified name. */
    public static List<Table> tables(Snapshot snapshot) {
        ModelAssembler assembler = new ModelAssembler(snapshot);
        return snapshot.tables().stream().map(assembler::table)
                .sorted(Comparator.comparing(Table::name)).toList();
    }

    /** Sequences of the snapshot, sorted by qualified name. */
    public static List<Sequence> sequences(Snapshot snapshot) {
        return snapshot.sequences().stream()
                .map(row -> new Sequence(QualifiedName.of(row.schema(), row.name()), row.dataType(), row.start(),
                        row.increment(), row.min(), row.max(),
                        row.ownerTable() == null ? null : QualifiedName.of(row.ownerSchema(), row.ownerTable()),
                        row.ownerColumn()))
                .sorted(Comparator.comparing(Sequence::name)).toList();
    }

    private Table table(TableRow row) {
        QualifiedName name = nameOf(row);
        List<ConstraintRow> constraints = constraintsByTable.getOrDefault(row.oid(), List.of());
        List<IndexRow> indexes = indexesByTable.getOrDefault(row.oid(), List.of());
        List<Column> columns = columnsByTable.getOrDefault(row.oid(), List.of()).stream()
                .map(c -> column(name, c)).toList();
        UniqueKey primaryKey = constraints.stream().filter(c -> c.type() == 'p')
                .map(c -> uniqueKey(c, UniqueKey.Kind.PRIMARY_KEY)).findFirst().orElse(null);
        return new Table(name, kind(row), row.parentName() == null ? null : QualifiedName.of(row.parentSchema(), row.parentName()),
                columns, primaryKey, uniqueKeys(constraints, indexes), foreignKeys(name, constraints),
                checks(constraints, columns), indexes(indexes));
    }

    private Column column(QualifiedName table, ColumnRow row) {
        Typmods.Modifier modifier = types.modifier(row.typeOid(), row.typmod());
        boolean generated = row.generated() != '\0';
        return new Column(row.name(), row.attnum(), types.resolve(row.typeOid(), row.typmod(), row.display()),
                row.notNull(), generated ? null : row.defaultExpr(), identity(row.identity()),
                generated ? row.defaultExpr() : null, modifier.length(), modifier.precision(), modifier.scale(),
                sequenceByColumn.get(columnKey(table.schema(), table.name(), row.name())));
    }

    private static List<UniqueKey> uniqueKeys(List<ConstraintRow> constraints, List<IndexRow> indexes) {
        List<UniqueKey> keys = new ArrayList<>();
        constraints.stream().filter(c -> c.type() == 'u')
                .forEach(c -> keys.add(uniqueKey(c, UniqueKey.Kind.UNIQUE_CONSTRAINT)));
        indexes.stream().filter(i -> i.unique() && !i.constraintBacked() && !i.hasExpressions())
                .forEach(i -> keys.add(new UniqueKey(i.name(), UniqueKey.Kind.UNIQUE_INDEX, i.keys(),
                        i.predicate(), i.nullsNotDistinct())));
        keys.sort(Comparator.comparing(UniqueKey::name));
        return keys;
    }

    private static UniqueKey uniqueKey(ConstraintRow row, UniqueKey.Kind kind) {
        return new UniqueKey(row.name(), kind, row.columns(), null, row.nullsNotDistinct());
    }

    private static List<ForeignKey> foreignKeys(QualifiedName table, List<ConstraintRow> constraints) {
        return constraints.stream().filter(c -> c.type() == 'f')
                .map(c -> new ForeignKey(c.name(), table, c.columns(),
                        QualifiedName.of(c.referencedSchema(), c.referencedTable()), c.referencedColumns(),
                        action(c.onDelete()), action(c.onUpdate()), c.deferrable(), c.deferred()))
                .sorted(Comparator.comparing(ForeignKey::name)).toList();
    }

    /** Checks with their columns in table order (the catalog keeps them in no particular order). */
    private static List<CheckConstraint> checks(List<ConstraintRow> constraints, List<Column> columns) {
        Map<String, Integer> ordinals = columns.stream().collect(Collectors.toMap(Column::name, Column::ordinal));
        return constraints.stream().filter(c -> c.type() == 'c')
                .map(c -> new CheckConstraint(c.name(), c.definition(), c.expression(), c.columns().stream()
                        .sorted(Comparator.comparing(ordinals::get)).toList()))
                .sorted(Comparator.comparing(CheckConstraint::name)).toList();
    }

    private static List<Index> indexes(List<IndexRow> rows) {
        return rows.stream()
                .map(i -> new Index(i.name(), i.method(), i.keys(), i.unique(), i.primary(), i.predicate(),
                        i.definition()))
                .sorted(Comparator.comparing(Index::name)).toList();
    }

    private static TableKind kind(TableRow row) {
        if (row.relkind() == 'p') {
            return TableKind.PARTITIONED;
        }
        return row.partition() ? TableKind.PARTITION : TableKind.ORDINARY;
    }

    private static Identity identity(char code) {
        return switch (code) {
            case 'a' -> Identity.ALWAYS;
            case 'd' -> Identity.BY_DEFAULT;
            default -> Identity.NONE;
        };
    }

    private static ForeignKey.Action action(char code) {
        return switch (code) {
            case 'r' -> ForeignKey.Action.RESTRICT;
            case 'c' -> ForeignKey.Action.CASCADE;
            case 'n' -> ForeignKey.Action.SET_NULL;
            case 'd' -> ForeignKey.Action.SET_DEFAULT;
            default -> ForeignKey.Action.NO_ACTION;
        };
    }

    private static QualifiedName nameOf(TableRow row) {
        return QualifiedName.of(row.schema(), row.name());
    }

    private static String columnKey(String schema, String table, String column) {
        return schema + '\0' + table + '\0' + column;
    }
}
