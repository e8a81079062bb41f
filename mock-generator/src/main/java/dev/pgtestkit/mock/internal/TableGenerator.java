package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.mock.GenerationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the rows of one table: row {@code i} is a pure function of (seed, table, i), so any thread can
 * generate any row, in any order, and get the same values. Key columns come from the {@link KeyAssigner}, the
 * others from a {@link Variant}; rows that break a check are regenerated with the next attempt number.
 */
public final class TableGenerator {

    private final Table table;
    private final List<ColumnSpec> columns;
    private final Map<String, Integer> positions = new HashMap<>();
    private final long seed;
    private final long base;
    private final long rows;
    private final KeyAssigner keys;
    private final Variants variants;
    private final CheckEvaluator checks;
    private final ThreadFakers fakers;
    private final TableExtras extras;

    TableGenerator(Table table, List<ColumnSpec> columns, long seed, long base, long rows, KeyAssigner keys,
                   Variants variants, CheckEvaluator checks, ThreadFakers fakers, TableExtras extras) {
        this.table = table;
        this.columns = List.copyOf(columns);
        for (ColumnSpec c : columns) {
            positions.put(c.name(), c.position());
        }
        this.seed = seed;
        this.base = base;
        this.rows = rows;
        this.keys = keys;
        this.variants = variants;
        this.checks = checks;
        this.fakers = fakers;
        this.extras = extras;
    }

    public Table table() {
        return table;
    }

    /** Rows this generation adds. */
    public long rows() {
        return rows;
    }

    /** Rows the table had before (generated keys continue after them). */
    public long base() {
        return base;
    }

    /** The written columns' catalog names, in row (and COPY) order. */
    public List<String> columnNames() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    List<ColumnSpec> columns() {
        return columns;
    }

    int position(String column) {
        Integer p = positions.get(column);
        if (p == null) {
            throw new IllegalArgumentException("column " + column + " of " + table.name() + " is not written");
        }
        return p;
    }

    /** Whether these columns are all numbered by sequences (their values are cheap to compute from the index). */
    boolean isSequenceKey(List<String> columnNames) {
        return columnNames.stream().allMatch(n -> positions.containsKey(n) && extras.sequences().stream()
                .anyMatch(s -> s.position() == positions.get(n)));
    }

    /** Names of the columns of {@link TableExtras#keyColumns()} (empty when the table has no usable key). */
    public List<String> keyColumnNames() {
        return Arrays.stream(extras.keyColumns()).mapToObj(p -> columns.get(p).name()).toList();
    }

    /** Key values of every generated row, computed again from the seed. */
    public List<List<Object>> keys() {
        int[] positions = extras.keyColumns();
        if (positions.length == 0) {
            return List.of();
        }
        RowBuffer buffer = newBuffer();
        Rng rng = new Rng();
        List<List<Object>> out = new ArrayList<>((int) Math.min(rows, Integer.MAX_VALUE));
        for (long i = 0; i < rows; i++) {
            out.add(Arrays.asList(keyValues(i, positions, buffer, rng)));
        }
        return Collections.unmodifiableList(out);
    }

    /** Foreign keys filled later, checks for the server, sequences to advance. */
    public TableExtras extras() {
        return extras;
    }

    /** A buffer for this table's rows; one per thread. */
    public RowBuffer newBuffer() {
        return new RowBuffer(table, positions, columns.size(), fakers, keys.links());
    }

    /**
     * Row {@code i} into {@code row}; attempts start at {@code firstAttempt} (0 normally, higher when the server
     * rejected the row).
     *
     * @return the row's values (the buffer's array: copy it to keep it)
     * @throws GenerationException when no attempt meets the table's checks
     */
    public Object[] generate(long i, RowBuffer row, Rng rng, int firstAttempt) {
        row.start(i);
        keys.fill(i, row, rng);
        long rowSeed = Hash.of(seed, base + i);
        TableCheck violated = null;
        for (int attempt = firstAttempt; attempt < firstAttempt + Defaults.ATTEMPTS; attempt++) {
            Variant v = variants.choose(rowSeed, attempt);
            if (v.feasible() && v.fill(row, rowSeed, attempt, rng)) {
                violated = checks.firstViolated(row.values);
                if (violated == null) {
                    return row.values;
                }
            }
            v.clear(row);
            if (v.nullsKeys()) {
                keys.fill(i, row, rng);
            }
        }
        throw unsatisfiable(violated, i);
    }

    /** The values of {@code positions} in row {@code i} (referenced keys for children). */
    Object[] keyValues(long i, int[] keyPositions, RowBuffer row, Rng rng) {
        boolean filledByKeys = true;
        for (int p : keyPositions) {
            filledByKeys &= keys.fills(p);
        }
        if (filledByKeys) {
            row.start(i);
            keys.fill(i, row, rng, p -> contains(keyPositions, p));
        } else {
            generate(i, row, rng, 0); // a referenced column shaped by the row's checks (a partition key)
        }
        Object[] out = new Object[keyPositions.length];
        for (int k = 0; k < keyPositions.length; k++) {
            out[k] = row.values[keyPositions[k]];
        }
        return out;
    }

    private static boolean contains(int[] positions, int p) {
        for (int q : positions) {
            if (q == p) {
                return true;
            }
        }
        return false;
    }

    private GenerationException unsatisfiable(TableCheck violated, long i) {
        String what = violated == null ? "no combination of the column rules produced a value for every column"
                : "check " + violated.name() + " (" + violated.sql() + ") failed on every attempt";
        return new GenerationException("Cannot generate row " + i + " of table " + table.name() + ": " + what
                + ". The constraint is likely unsatisfiable with the other constraints; fix it, or override the"
                + " columns it uses.", table.schema(), table.simpleName(), null,
                violated == null ? null : violated.name());
    }
}
