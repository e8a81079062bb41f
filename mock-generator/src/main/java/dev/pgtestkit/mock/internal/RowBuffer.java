package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.RowContext;
import java.util.Arrays;
import java.util.Map;
import java.util.random.RandomGenerator;
import net.datafaker.Faker;

/** The row under construction: values by writable-column position. One per thread, reused row after row. */
public final class RowBuffer implements RowContext {

    private final String table;
    private final Map<String, Integer> positions;
    private final ThreadFakers fakers;
    final Object[] values;
    private long index;
    private Rng rng;
    private long columnSeed;

    public RowBuffer(String table, Map<String, Integer> positions, int width, ThreadFakers fakers) {
        this.table = table;
        this.positions = positions;
        this.values = new Object[width];
        this.fakers = fakers;
    }

    void start(long rowIndex) {
        this.index = rowIndex;
        Arrays.fill(values, null);
    }

    /** Called before each column's source runs, so {@link #random()} and {@link #faker()} are seeded for it. */
    void column(Rng columnRng, long seed) {
        this.rng = columnRng;
        this.columnSeed = seed;
    }

    public Object value(int position) {
        return values[position];
    }

    public Object[] values() {
        return values;
    }

    @Override
    public Object get(String column) {
        Integer p = positions.get(column);
        return p == null ? null : values[p];
    }

    @Override
    public long index() {
        return index;
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public RandomGenerator random() {
        return rng;
    }

    @Override
    public Faker faker() {
        return fakers.faker(columnSeed);
    }
}
