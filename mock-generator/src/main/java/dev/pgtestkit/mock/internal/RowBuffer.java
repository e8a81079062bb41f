package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.mock.GenerationException;
import dev.pgtestkit.mock.RowContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import net.datafaker.Faker;

/** The row under construction: values by writable-column position. One per thread, reused row after row. */
public final class RowBuffer implements RowContext {

    private final Table table;
    private final Map<String, Integer> positions;
    private final ThreadFakers fakers;
    private final List<ParentLink> links;
    /** The parent index each foreign key of {@link #links} chose for this row; -1 for none. */
    private final long[] parents;
    final Object[] values;
    private long index;
    private Rng rng;
    private long columnSeed;

    public RowBuffer(Table table, Map<String, Integer> positions, int width, ThreadFakers fakers,
                     List<ParentLink> links) {
        this.table = table;
        this.positions = positions;
        this.values = new Object[width];
        this.fakers = fakers;
        this.links = List.copyOf(links);
        this.parents = new long[links.size()];
    }

    void start(long rowIndex) {
        this.index = rowIndex;
        Arrays.fill(values, null);
        Arrays.fill(parents, -1);
    }

    /** Records the parent row foreign key {@code k} chose ({@code -1}: NULL). */
    void chose(int k, long parent) {
        parents[k] = parent;
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
    public Map<String, Object> parent(String foreignKey) {
        int k = link(foreignKey);
        ParentLink link = links.get(k);
        for (String column : link.foreignKey().columns()) {
            Integer p = positions.get(column);
            if (p == null || values[p] == null) {
                return Map.of(); // an arm not taken, or a key filled after the load
            }
        }
        return parents[k] < 0 ? Map.of() : link.row().apply(parents[k]);
    }

    private int link(String name) {
        List<Integer> matching = new ArrayList<>();
        for (int k = 0; k < links.size(); k++) {
            if (links.get(k).matches(name)) {
                matching.add(k);
            }
        }
        if (matching.size() == 1) {
            return matching.get(0);
        }
        List<String> listed = new ArrayList<>();
        for (ForeignKey fk : table.foreignKeys()) {
            listed.add(fk.name() + " " + fk.columns() + " -> " + fk.referencedTable());
        }
        throw new GenerationException("RowContext.parent(\"" + name + "\") on " + table.name() + ": "
                + (matching.isEmpty() ? "no foreign key the generator fills matches" : matching.size() + " foreign keys"
                + " match") + ". Name the constraint or one of its columns; foreign keys: " + listed + ".",
                table.schema(), table.simpleName(), null, null);
    }

    @Override
    public long index() {
        return index;
    }

    @Override
    public String table() {
        return table.simpleName();
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
