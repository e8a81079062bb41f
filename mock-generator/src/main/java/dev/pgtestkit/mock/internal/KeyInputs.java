package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.mock.ChildCount;
import dev.pgtestkit.mock.ParentDistribution;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

/**
 * What {@link KeyPlanner} needs to know about one table: its foreign keys, unique keys, sequence columns
 * (all by writable-column position) and the row count asked for.
 *
 * @param uniqueSource a column's unique source ({@code null} for a column that cannot be made unique)
 * @param plainSource  a column's ordinary source, for key columns that need not be unique themselves
 * @param grouping     children generated per parent through this foreign key, or {@code null}
 */
record KeyInputs(QualifiedName table, long seed, long rows, long base, List<ForeignKeyInput> foreignKeys,
                 List<UniqueKeyInput> uniqueKeys, List<SequenceInput> sequences, IntFunction<UniqueSource> uniqueSource,
                 IntFunction<ValueSource> plainSource, IntFunction<String> columnLabel, Grouping grouping) {

    /**
     * @param name       constraint name
     * @param parentName the referenced table, for messages
     * @param positions  the referencing columns' positions
     * @param self       references its own table (built as a tree)
     * @param link       the parent rows, for computed overrides
     */
    @SuppressWarnings("ArrayRecordComponent") // internal, never compared or hashed: arrays for the hot loops
    record ForeignKeyInput(String name, QualifiedName parentName, int[] positions, ParentKeys parents,
                           boolean nullable, double nullFraction, boolean self, ParentDistribution distribution,
                           ParentLink link) {
    }

    /** @param positions key column positions; -1 for a column the generator does not write */
    @SuppressWarnings("ArrayRecordComponent") // internal, never compared or hashed: arrays for the hot loops
    record UniqueKeyInput(String name, List<String> columns, int[] positions) {
    }

    /** A column numbered by a sequence (identity, serial, or a {@code nextval} default). */
    record SequenceInput(int position, long next, long increment, long capacity, LongFunction<Object> value) {
    }

    /** @param foreignKey index into {@link #foreignKeys()} */
    record Grouping(int foreignKey, ChildCount count) {
    }
}
