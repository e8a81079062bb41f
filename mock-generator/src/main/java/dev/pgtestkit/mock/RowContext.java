package dev.pgtestkit.mock;

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

    /** The row's index within this generation of its table, from 0. */
    long index();

    /** The table's name as stored in the catalog. */
    String table();

    /** A random source seeded for this row and column: using only it keeps the output deterministic. */
    RandomGenerator random();

    /** A Datafaker instance seeded for this row and column (one per thread, reseeded, never per row). */
    Faker faker();
}
