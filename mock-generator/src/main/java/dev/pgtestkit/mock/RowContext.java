package dev.pgtestkit.mock;

import java.util.Map;
import java.util.random.RandomGenerator;
import net.datafaker.Faker;

/**
 * The row being built, as a {@link ColumnOverride#computed computed override} sees it. Columns are filled in
 * this order: foreign keys and unique keys first, then the other columns, then overrides; {@link #get} returns
 * {@code null} for a column not filled yet.
 */
public interface RowContext {

    /** Value of a column of this row (exact catalog name), or {@code null}. */
    Object get(String column);

    /**
     * The parent row this row points at through a foreign key, so an override can derive from it (an order's
     * currency from its account's). The foreign key is named by its constraint, one of its columns, or the parent
     * table when only one foreign key leads there. A parent generated in this run shows every column the generator
     * writes, as first generated; a row that was already in the database shows its referenced key columns only.
     *
     * @return column name to value; empty when this row's foreign key is NULL (or filled after the load, across a
     *         cycle)
     * @throws GenerationException when no foreign key of the table matches, or several do (listing them)
     */
    Map<String, Object> parent(String foreignKey);

    /** The row's index within this generation of its table, from 0. */
    long index();

    /** The table's name as stored in the catalog. */
    String table();

    /** A random source seeded for this row and column: using only it keeps the output deterministic. */
    RandomGenerator random();

    /** A Datafaker instance seeded for this row and column (one per thread, reseeded, never per row). */
    Faker faker();
}
