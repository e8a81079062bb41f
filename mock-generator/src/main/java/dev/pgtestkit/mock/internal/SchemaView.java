package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Sequence;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.internal.InsertionPlanner;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The part of the schema model generation reads: the {@link SchemaRegistry} in production, hand-built tables in
 * unit tests.
 */
public interface SchemaView {

    /** Table by forgiving name ({@code schema.table} allowed). */
    Table table(String name);

    Table table(QualifiedName name);

    List<Table> tables();

    List<Sequence> sequences();

    /** The given tables, referenced tables first (cycles adjacent). */
    List<QualifiedName> insertionOrder(Collection<QualifiedName> tables);

    /**
     * The registry's tables, partitioned tables merged with what their partitions declare
     * ({@link PartitionedTables}); the insertion order follows the merged foreign keys.
     */
    static SchemaView of(SchemaRegistry registry) {
        Map<QualifiedName, Table> merged = PartitionedTables.merge(registry.tables());
        List<Table> tables = List.copyOf(merged.values());
        return new SchemaView() {
            @Override
            public Table table(String name) {
                return merged.get(registry.table(name).name());
            }

            @Override
            public Table table(QualifiedName name) {
                return merged.get(registry.table(name).name());
            }

            @Override
            public List<Table> tables() {
                return tables;
            }

            @Override
            public List<Sequence> sequences() {
                return registry.sequences();
            }

            @Override
            public List<QualifiedName> insertionOrder(Collection<QualifiedName> names) {
                return InsertionPlanner.plan(names.stream().map(merged::get).toList()).tables();
            }
        };
    }
}
