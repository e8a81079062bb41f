package dev.pgtestkit.core.schema;

import java.util.List;

/**
 * A foreign key constraint.
 *
 * @param name              constraint name
 * @param table             the referencing table
 * @param columns           referencing columns, in the order matching {@code referencedColumns}
 * @param referencedTable   the referenced table
 * @param referencedColumns referenced columns
 * @param onDelete          ON DELETE action
 * @param onUpdate          ON UPDATE action
 * @param deferrable        DEFERRABLE
 * @param initiallyDeferred INITIALLY DEFERRED
 */
public record ForeignKey(String name, QualifiedName table, List<String> columns, QualifiedName referencedTable,
                         List<String> referencedColumns, Action onDelete, Action onUpdate, boolean deferrable,
                         boolean initiallyDeferred) {

    public enum Action { NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT }

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    public boolean isSelfReference() {
        return table.equals(referencedTable);
    }
}
