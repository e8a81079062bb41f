package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.GenerationException;
import dev.pgtestkit.mock.internal.KeyInputs.ForeignKeyInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides how each key column gets its value so that every unique key holds without retries:
 * <ul>
 *   <li>a key with a sequence column, or with one column that can take a distinct value per row, is unique
 *       through that column ("global");</li>
 *   <li>a key that pairs a foreign key with other columns groups the rows by that parent: within a group the
 *       other columns take distinct values (line numbers 1..k, products without repeats);</li>
 *   <li>a key of columns none of which has enough values alone enumerates their cartesian product through a
 *       keyed permutation (junction tables without a grouping parent).</li>
 * </ul>
 * When the asked row count exceeds what a key allows, it fails naming the key, before anything is written.
 */
final class KeyPlanner {

    enum Mode { FREE, FIXED, SEQUENCE, GLOBAL, INNER, GROUP, CARTESIAN }

    /** One dimension of the unique keys: a foreign key or a column. */
    static final class Dim {
        final int foreignKey;
        final int position;
        final long capacity;
        final String label;
        Mode mode = Mode.FREE;
        int cartesian = -1;
        int component;

        Dim(int foreignKey, int position, long capacity, String label) {
            this.foreignKey = foreignKey;
            this.position = position;
            this.capacity = capacity;
            this.label = label;
        }

        boolean isForeignKey() {
            return foreignKey >= 0;
        }
    }

    record Key(String name, List<String> columns, List<Dim> dims) {
    }

    private final KeyInputs in;
    private final Map<Integer, Dim> foreignKeyDims = new LinkedHashMap<>();
    private final Map<Integer, Dim> columnDims = new LinkedHashMap<>();
    private final List<long[]> cartesians = new ArrayList<>();

    KeyPlanner(KeyInputs inputs) {
        this.in = inputs;
    }

    KeyLayout plan() {
        List<Key> keys = new KeySet(in, this).keys();
        Dim group = chooseGroup(keys);
        GroupLayout layout = group == null ? null : new GroupPlanner(in, keys, group).layout();
        long rows = layout != null ? layout.rows() : in.rows();
        for (Key key : keys) {
            if (group == null || !key.dims().contains(group)) {
                satisfyGlobally(key, rows);
            }
        }
        return new KeyLayout(in, layout, rows, foreignKeyDims, columnDims, cartesians);
    }

    Dim foreignKeyDim(int fk) {
        return foreignKeyDims.computeIfAbsent(fk, i -> {
            ForeignKeyInput f = in.foreignKeys().get(i);
            return new Dim(i, -1, f.parents().size(), "foreign key " + f.name() + " to " + f.parentName());
        });
    }

    Dim columnDim(int position, long capacity, Mode mode) {
        return columnDims.computeIfAbsent(position, p -> {
            Dim d = new Dim(-1, p, capacity, in.columnLabel().apply(p));
            d.mode = mode;
            return d;
        });
    }

    /** The parent to group by: the one asked for, else the foreign key that most multi-column keys contain. */
    private Dim chooseGroup(List<Key> keys) {
        if (in.grouping() != null) {
            return foreignKeyDim(in.grouping().foreignKey());
        }
        Map<Dim, Integer> counts = new LinkedHashMap<>();
        for (Key key : keys) {
            if (key.dims().size() < 2) {
                continue;
            }
            for (Dim d : key.dims()) {
                if (d.isForeignKey() && d.mode == Mode.FREE && !uniqueAlone(d, keys)) {
                    counts.merge(d, 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static boolean uniqueAlone(Dim d, List<Key> keys) {
        return keys.stream().anyMatch(k -> k.dims().size() == 1 && k.dims().get(0) == d);
    }

    private void satisfyGlobally(Key key, long rows) {
        if (key.dims().stream().anyMatch(d -> d.mode == Mode.GLOBAL || d.mode == Mode.SEQUENCE)) {
            return;
        }
        Dim best = key.dims().stream().filter(d -> d.mode == Mode.FREE && d.capacity >= needed(d, rows))
                .min(Comparator.comparing(Dim::isForeignKey).thenComparing(d -> -d.capacity)).orElse(null);
        if (best != null) {
            best.mode = Mode.GLOBAL;
            return;
        }
        if (key.dims().stream().allMatch(d -> d.mode == Mode.FREE)) {
            cartesian(key, rows);
            return;
        }
        throw failure(key, rows, "cannot be kept unique together with the table's other unique keys");
    }

    private long needed(Dim d, long rows) {
        return d.isForeignKey() ? rows : in.base() + rows;
    }

    /** Enumerates the product of the largest dimensions through one permutation. */
    private void cartesian(Key key, long rows) {
        List<Dim> dims = new ArrayList<>(key.dims());
        dims.sort(Comparator.comparing((Dim d) -> -d.capacity));
        List<Dim> used = new ArrayList<>();
        long product = 1;
        for (Dim d : dims) {
            if (product >= in.base() + rows) {
                break;
            }
            used.add(d);
            product = Math.multiplyHigh(product, d.capacity) != 0 ? Long.MAX_VALUE : product * d.capacity;
        }
        if (product < in.base() + rows || product == 0) {
            throw failure(key, rows, "allows at most " + product + " distinct combinations");
        }
        long[] radices = used.stream().mapToLong(d -> d.capacity).toArray();
        for (int c = 0; c < used.size(); c++) {
            used.get(c).mode = Mode.CARTESIAN;
            used.get(c).cartesian = cartesians.size();
            used.get(c).component = c;
        }
        cartesians.add(radices);
    }

    /** A column's number of values as a message shows it: a bound no plan reaches is "unbounded". */
    private static String capacity(long values) {
        return values >= Long.MAX_VALUE / 2 ? "unbounded" : values + " values";
    }

    GenerationException failure(Key key, long rows, String why) {
        String detail = key.dims().stream().map(d -> d.label + " (" + capacity(d.capacity) + ")").toList().toString();
        return new GenerationException("Cannot generate " + rows + " rows for table " + in.table() + ": unique key "
                + key.name() + " " + key.columns() + " " + why + "; " + detail + ". Ask for fewer rows, add parent rows,"
                + " or override one of its columns.", in.table().schema(), in.table().name(),
                key.columns().get(0), key.name());
    }
}
