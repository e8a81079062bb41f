package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.SchemaException;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.Sequence;
import dev.pgtestkit.core.schema.Table;
import java.util.Collection;
import java.util.List;

/** A {@link SchemaView} over hand-built tables, already listed parents first. */
record ModelSchema(List<Table> tables, List<Sequence> sequences) implements SchemaView {

    static ModelSchema of(Table... tables) {
        return new ModelSchema(List.of(tables), List.of());
    }

    @Override
    public Table table(String name) {
        String simple = name.contains(".") ? name.substring(name.indexOf('.') + 1) : name;
        return tables.stream().filter(t -> t.simpleName().equals(simple)).findFirst()
                .orElseThrow(() -> new SchemaException("no table " + name, null, name));
    }

    @Override
    public Table table(QualifiedName name) {
        return table(name.name());
    }

    @Override
    public List<QualifiedName> insertionOrder(Collection<QualifiedName> wanted) {
        return tables.stream().map(Table::name).filter(wanted::contains).toList();
    }
}
