package dev.pgtestkit.core.schema.internal;

import dev.pgtestkit.core.schema.CheckConstraint;
import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.Identity;
import dev.pgtestkit.core.schema.Index;
import dev.pgtestkit.core.schema.PgType;
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
import dev.pgtestkit.core.schema.internal.CatalogRows.TypeRow;
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
    /** Column names by table oid and attnum, to resolve the attnums keys come as. */
    private final Map<Long, Map<Integer, String>> columnNames = new HashMap<>();
    private final Map<String, QualifiedName> sequenceByColumn = new HashMap<>();

    private ModelAssembler(Snapshot snapshot) {
        this.types = new TypeResolver(snapshot.types());
        this.columnsByTable = snapshot.columns().stream().collect(Collectors.groupingBy(ColumnRow::tableOid));
        this.constraintsByTable = snapshot.constraints().stream()
                .collect(Collectors.groupingBy(ConstraintRow::tableOid));
        this.indexesByTable = snapshot.indexes().stream().collect(Collectors.groupingBy(IndexRow::tableOid));
        for (ColumnRow column : snapshot.columns()) {
            columnNames.computeIfAbsent(column.tableOid(), oid -> new HashMap<>()).put(column.attnum(), column.name());
        }
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

    /** The enums, domains and composite types declared in the loaded schemas, sorted by schema then name. */
    public static List<PgType> declaredTypes(Snapshot snapshot) {
        TypeResolver resolver = new TypeResolver(snapshot.types());
        return snapshot.types().stream().filter(TypeRow::declared)
                .map(row -> resolver.resolve(row.oid(), -1, row.display()))
                .sorted(Comparator.comparing(PgType::schema).thenComparing(PgType::name)).toList();
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
                checks(constraints), indexes(indexes),
                new Table.Partitioning(row.partitionKey(), row.partitionBound(), row.partitionConstraint()));
    }

    private Column column(QualifiedName table, ColumnRow row) {
        Typmods.Modifier modifier = types.modifier(row.typeOid(), row.typmod());
        boolean generated = row.generated() != '\0';
        return new Column(row.name(), row.attnum(), types.resolve(row.typeOid(), row.typmod(), row.display()),
                row.notNull(), generated ? null : row.defaultExpr(), identity(row.identity()),
                generated ? row.defaultExpr() : null, modifier.length(), modifier.precision(), modifier.scale(),
                sequenceByColumn.get(columnKey(table.schema(), table.name(), row.name())));
    }

    private List<UniqueKey> uniqueKeys(List<ConstraintRow> constraints, List<IndexRow> indexes) {
        List<UniqueKey> keys = new ArrayList<>();
        constraints.stream().filter(c -> c.type() == 'u')
                .forEach(c -> keys.add(uniqueKey(c, UniqueKey.Kind.UNIQUE_CONSTRAINT)));
        indexes.stream().filter(i -> i.unique() && !i.constraintBacked() && !i.keys().contains(0))
                .forEach(i -> keys.add(new UniqueKey(i.name(), UniqueKey.Kind.UNIQUE_INDEX,
                        names(i.tableOid(), i.keys()), i.predicate(), i.nullsNotDistinct())));
        keys.sort(Comparator.comparing(UniqueKey::name));
        return keys;
    }

    private UniqueKey uniqueKey(ConstraintRow row, UniqueKey.Kind kind) {
        return new UniqueKey(row.name(), kind, names(row.tableOid(), row.keys()), null, row.nullsNotDistinct());
    }

    private List<ForeignKey> foreignKeys(QualifiedName table, List<ConstraintRow> constraints) {
        return constraints.stream().filter(c -> c.type() == 'f')
                .map(c -> new ForeignKey(c.name(), table, names(c.tableOid(), c.keys()),
                        QualifiedName.of(c.referencedSchema(), c.referencedTable()),
                        c.referencedNames().isEmpty() ? names(c.referencedOid(), c.referencedKeys())
                                : c.referencedNames(),
                        action(c.onDelete()), action(c.onUpdate()), c.deferrable(), c.deferred()))
                .sorted(Comparator.comparing(ForeignKey::name)).toList();
    }

    /** Checks with their columns in table order (the catalog keeps them in no particular order). */
    private List<CheckConstraint> checks(List<ConstraintRow> constraints) {
        return constraints.stream().filter(c -> c.type() == 'c')
                .map(c -> new CheckConstraint(c.name(), c.definition(), c.expression(),
                        names(c.tableOid(), c.keys().stream().sorted().toList())))
                .sorted(Comparator.comparing(CheckConstraint::name)).toList();
    }

    /** Indexes with their keys by name, an expression key by its text. */
    private List<Index> indexes(List<IndexRow> rows) {
        return rows.stream()
                .map(i -> new Index(i.name(), i.method(), indexKeys(i), i.unique(), i.primary(), i.predicate(),
                        i.definition()))
                .sorted(Comparator.comparing(Index::name)).toList();
    }

    private List<String> indexKeys(IndexRow row) {
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < row.keys().size(); k++) {
            int attnum = row.keys().get(k);
            keys.add(attnum == 0 ? row.keyTexts().get(k) : columnNames.get(row.tableOid()).get(attnum));
        }
        return keys;
    }

    private List<String> names(long tableOid, List<Integer> attnums) {
        Map<Integer, String> names = columnNames.getOrDefault(tableOid, Map.of());
        return attnums.stream().map(names::get).toList();
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
