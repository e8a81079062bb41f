package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Sequence;
import dev.pgtestkit.core.schema.Table;
import java.util.Collection;
import java.util.List;

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

    static SchemaView of(SchemaRegistry registry) {
        return new SchemaView() {
            @Override
            public Table table(String name) {
                return registry.table(name);
            }

            @Override
            public Table table(QualifiedName name) {
                return registry.table(name);
            }

            @Override
            public List<Table> tables() {
                return registry.tables();
            }

            @Override
            public List<Sequence> sequences() {
                return registry.sequences();
            }

            @Override
            public List<QualifiedName> insertionOrder(Collection<QualifiedName> tables) {
                return registry.insertionOrder(tables).tables();
            }
        };
    }
}
