package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.mock.GenerationException;
import dev.pgtestkit.mock.internal.value.ValueType;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The parent rows every foreign key of a plan can point at: rows generated now (keys computed from the parent's
 * row index on first use, so a parent later in the order, across a cycle, works too) and, for tables outside
 * the plan or when asked, rows already in the database.
 */
final class PlanKeys {

    private final DatabaseState db;
    private final Map<QualifiedName, Long> plannedRows = new HashMap<>();
    private final Map<QualifiedName, Boolean> reuse = new HashMap<>();
    private final Map<QualifiedName, TableGenerator> generators = new HashMap<>();
    private final Map<String, ParentKeys> cache = new HashMap<>();

    PlanKeys(DatabaseState db) {
        this.db = db;
    }

    void plan(QualifiedName table, long rows, boolean reuseExisting) {
        plannedRows.put(table, rows);
        reuse.put(table, reuseExisting);
    }

    boolean planned(QualifiedName table) {
        return plannedRows.containsKey(table);
    }

    void register(TableGenerator generator) {
        generators.put(generator.table().name(), generator);
    }

    /** @param types the referencing columns' types (to read existing keys) */
    ParentKeys parents(ForeignKey fk, List<ValueType> types) {
        String cacheKey = fk.table() + "/" + fk.name();
        ParentKeys cached = cache.get(cacheKey);
        if (cached == null) {
            cached = build(fk, types);
            cache.put(cacheKey, cached);
        }
        return cached;
    }

    /**
     * The parent row at an index of {@code parents} (as {@link #parents} built it): a generated parent's written
     * columns, regenerated from its index (as first generated, before any server-side retry); an existing
     * parent's referenced columns.
     */
    LongFunction<Map<String, Object>> rows(ForeignKey fk, ParentKeys parents) {
        Long planned = plannedRows.get(fk.referencedTable());
        long existing = parents.size() - (planned == null ? 0 : planned);
        return index -> {
            if (index < existing) {
                return row(fk.referencedColumns(), parents.key(index));
            }
            TableGenerator parent = generators.get(fk.referencedTable());
            Object[] values = parent.generate(index - existing, parent.newBuffer(), new Rng(), 0);
            return row(parent.columnNames(), values);
        };
    }

    private static Map<String, Object> row(List<String> columns, Object[] values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), values[i]);
        }
        return Collections.unmodifiableMap(row);
    }

    private ParentKeys build(ForeignKey fk, List<ValueType> types) {
        QualifiedName parent = fk.referencedTable();
        Long planned = plannedRows.get(parent);
        boolean withExisting = planned == null || reuse.get(parent) || fk.isSelfReference();
        ParentKeys existing = ParentKeys.of(withExisting ? db.keys(parent, fk.referencedColumns(), types) : List.of());
        if (planned == null || planned == 0) {
            return existing;
        }
        TableGenerator compiled = generators.get(parent);
        ParentKeys generated = compiled != null && compiled.isSequenceKey(fk.referencedColumns())
                ? ParentKeys.computed(planned, new GeneratedKeyFunction(fk, parent))
                : ParentKeys.lazy(planned, new GeneratedKeyFunction(fk, parent));
        return existing.size() == 0 ? generated : ParentKeys.concat(existing, generated);
    }

    /**
     * Computes a generated parent's referenced values, resolving the parent's generator on first use. Not
     * thread-safe on its own: {@link ParentKeys#lazy} calls it under a lock, {@link ParentKeys#computed} through
     * a copy per thread.
     */
    private final class GeneratedKeyFunction implements ParentKeys.Copyable {
        private final ForeignKey fk;
        private final QualifiedName parent;
        private final Rng rng = new Rng();
        private TableGenerator generator;
        private int[] positions;
        private RowBuffer buffer;

        GeneratedKeyFunction(ForeignKey fk, QualifiedName parent) {
            this.fk = fk;
            this.parent = parent;
        }

        @Override
        public LongFunction<Object[]> copy() {
            return new GeneratedKeyFunction(fk, parent);
        }

        @Override
        public Object[] apply(long index) {
            if (generator == null) {
                resolve();
            }
            return generator.keyValues(index, positions, buffer, rng);
        }

        private void resolve() {
            generator = generators.get(parent);
            positions = new int[fk.referencedColumns().size()];
            try {
                for (int k = 0; k < positions.length; k++) {
                    positions[k] = generator.position(fk.referencedColumns().get(k));
                }
            } catch (IllegalArgumentException e) {
                throw new GenerationException("Foreign key " + fk.name() + " of " + fk.table() + " references "
                        + parent + fk.referencedColumns() + ", which the plan leaves to the server; generate those"
                        + " columns (remove their serverDefault override).", fk.table().schema(), fk.table().name(),
                        fk.columns().get(0), fk.name());
            }
            buffer = generator.newBuffer();
        }
    }
}
