package dev.pgtestkit.sync.internal.schema;

import dev.pgtestkit.sync.internal.schema.Catalog.Relation;
import dev.pgtestkit.sync.internal.schema.RelationReader.ConstraintRow;
import java.util.List;

/**
 * A table's constraints that are post-data items: primary keys, unique and exclusion constraints (with the index
 * they build), foreign keys and NOT VALID checks. Validated checks are part of the table; what a partition or a
 * child inherits is its parent's.
 */
final class ConstraintItems {

    private ConstraintItems() {
    }

    static void add(Catalog catalog, Relation table, List<ConstraintRow> constraints) {
        String tableKey = table.item().key;
        for (ConstraintRow constraint : constraints) {
            String key = Catalog.key("pg_constraint", constraint.oid());
            ItemKind kind = switch (constraint.type()) {
                case 'p', 'u', 'x' -> ItemKind.CONSTRAINT;
                case 'f' -> constraint.parent() == 0 ? ItemKind.FK_CONSTRAINT : null;
                default -> constraint.local() && !constraint.validated() ? ItemKind.CHECK_CONSTRAINT : null;
            };
            if (kind == null) {
                // A foreign key a partition got from its parent's stands for the parent's; a check is its table's.
                catalog.aliases.putIfAbsent(key, constraint.type() == 'f'
                        ? Catalog.key("pg_constraint", constraint.parent()) : tableKey);
                continue;
            }
            SchemaItem item = catalog.add(new SchemaItem(key, kind, table.schema(), table.name(), constraint.name()));
            item.requires.add(tableKey);
            // ONLY: a partition's key is its own item (attached to the parent's index); a foreign key or a check
            // on a partitioned table must reach its partitions.
            boolean only = kind == ItemKind.CONSTRAINT || (kind == ItemKind.FK_CONSTRAINT && !table.partitioned());
            item.statement("ALTER TABLE " + (only ? "ONLY " : "") + table.quoted() + " ADD CONSTRAINT "
                    + constraint.quoted() + " " + constraint.definition());
            Sql.comment(item, "CONSTRAINT " + constraint.quoted() + " ON " + table.quoted(), constraint.comment());
            if (constraint.index() != 0) {
                if (kind == ItemKind.CONSTRAINT) {
                    catalog.aliases.put(Catalog.key("pg_class", constraint.index()), key);
                }
            }
        }
    }
}
