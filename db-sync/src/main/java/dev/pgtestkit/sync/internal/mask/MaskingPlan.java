package dev.pgtestkit.sync.internal.mask;

import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.UniqueKey;
import dev.pgtestkit.mock.Masker;
import dev.pgtestkit.sync.MaskingException;
import dev.pgtestkit.sync.MaskingKey;
import dev.pgtestkit.sync.MaskingPolicy;
import dev.pgtestkit.sync.MaskingPolicy.Decision;
import dev.pgtestkit.sync.MaskingPolicy.Transform;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The policy resolved against the catalog: every column that changes and how, foreign keys included (a column
 * referencing a masked column gets that column's mask). Validates the policy: unknown columns, transforms a column's
 * type cannot take, NULL for NOT NULL columns, constants for unique ones.
 */
public final class MaskingPlan {

    private static final Set<String> TEXT = Set.of("text", "varchar", "bpchar", "citext", "name");
    private static final Map<String, long[]> INTEGERS = Map.of(
            "int2", new long[] {Short.MIN_VALUE, Short.MAX_VALUE},
            "int4", new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
            "int8", new long[] {Long.MIN_VALUE + 1, Long.MAX_VALUE});

    private final Map<ColumnRef, ValueMask> masks;
    private final Masker masker;

    private MaskingPlan(Map<ColumnRef, ValueMask> masks, Masker masker) {
        this.masks = masks;
        this.masker = masker;
    }

    /** A column of a table. */
    public record ColumnRef(QualifiedName table, String column) {
        @Override
        public String toString() {
            return MaskingPolicy.key(table, column);
        }
    }

    public static MaskingPlan build(MaskingPolicy policy, MaskingKey key, SchemaRegistry registry,
                                    Set<QualifiedName> dumped) {
        Map<ColumnRef, ValueMask> masks = new LinkedHashMap<>();
        Set<ColumnRef> unique = uniqueColumns(registry);
        for (Map.Entry<String, Decision> e : policy.decisions().entrySet()) {
            ColumnRef ref = resolve(registry, e.getKey());
            if (ref != null && dumped.contains(ref.table())) {
                Column column = registry.table(ref.table()).column(ref.column()).orElseThrow();
                masks.put(ref, mask(ref, column, e.getValue(), unique.contains(ref)));
            }
        }
        propagateThroughForeignKeys(registry, dumped, masks);
        masks.values().removeIf(m -> m.transform() == Transform.KEEP);
        Masker masker = null;
        if (masks.values().stream().anyMatch(m -> m.transform().isKeyed())) {
            if (key == null) {
                throw new MaskingException("The masking policy has keyed transforms (fake values, hash) but no"
                        + " masking key was given: set " + MaskingKey.ENV + " or give a key file.");
            }
            masker = Masker.withKey(key.secret());
        }
        return new MaskingPlan(masks, masker);
    }

    /** The columns whose values change, for the fail-closed check (KEEP decisions are not listed). */
    public Set<ColumnRef> maskedColumns() {
        return masks.keySet();
    }

    /** The row masker of a table whose data files hold {@code columns}, or {@code null} when nothing changes. */
    public RowMasker forTable(QualifiedName table, List<String> columns) {
        ValueMask[] byIndex = new ValueMask[columns.size()];
        boolean any = false;
        for (int i = 0; i < columns.size(); i++) {
            byIndex[i] = masks.get(new ColumnRef(table, columns.get(i)));
            any |= byIndex[i] != null;
        }
        return any ? new RowMasker(byIndex, masker) : null;
    }

    private static ColumnRef resolve(SchemaRegistry registry, String key) {
        for (Table t : registry.tables()) {
            for (Column c : t.columns()) {
                if (MaskingPolicy.key(t.name(), c.name()).equals(key)) {
                    if (c.isGenerated()) {
                        throw new MaskingException("The masking policy names " + key + ", a generated column: the"
                                + " restore computes it; mask the columns it is computed from instead.");
                    }
                    return new ColumnRef(t.name(), c.name());
                }
            }
        }
        String tableKey = key.substring(0, key.lastIndexOf('.'));
        for (Table t : registry.tables()) {
            if (MaskingPolicy.key(t.name(), "x").startsWith(tableKey + ".")) {
                throw new MaskingException("The masking policy names " + key + ", but " + t.name() + " has no such"
                        + " column; its columns: " + String.join(", ", t.columnNames()));
            }
        }
        throw new MaskingException("The masking policy names " + key + ", but there is no table " + tableKey
                + " in the database. Fix the name (schema.table.column) or remove the entry.");
    }

    private static ValueMask mask(ColumnRef ref, Column column, Decision d, boolean unique) {
        String type = column.type().rootType().name();
        Transform t = d.transform();
        Integer length = column.length();
        int max = length == null ? Integer.MAX_VALUE : length;
        int pad = type.equals("bpchar") && length != null ? length : 0;
        long[] range = INTEGERS.get(type);
        boolean text = TEXT.contains(type) && !column.type().isArray();
        switch (t) {
            case KEEP -> {
                return new ValueMask(t, null, unique, max, 0, false, 0, 0, false);
            }
            case NULL -> {
                if (column.notNull()) {
                    throw new MaskingException("The masking policy sets " + ref + " to null, but the column is NOT"
                            + " NULL; use a fake transform, hash or a constant.");
                }
                return new ValueMask(t, null, unique, max, 0, false, 0, 0, false);
            }
            case CONSTANT -> {
                if (unique) {
                    throw new MaskingException("The masking policy sets " + ref + " to a constant, but the column is"
                            + " unique or referenced by a foreign key; use hash or a fake transform.");
                }
                return new ValueMask(t, d.constant(), false, max, 0, false, 0, 0, false);
            }
            case HASH -> {
                if (!text && range == null && !type.equals("uuid")) {
                    throw typeError(ref, t, column, "text, varchar, char, uuid, smallint, integer or bigint");
                }
                return new ValueMask(t, null, true, max, pad, range != null, range == null ? 0 : range[0],
                        range == null ? 0 : range[1], type.equals("uuid"));
            }
            default -> {
                if (!text) {
                    throw typeError(ref, t, column, "text, varchar or char");
                }
                return new ValueMask(t, null, unique, max, pad, false, 0, 0, false);
            }
        }
    }

    private static MaskingException typeError(ColumnRef ref, Transform t, Column column, String types) {
        return new MaskingException("The masking policy masks " + ref + " (" + column.type() + ") as "
                + t.policyName() + ", which takes " + types + " columns; use hash, null, a constant or keep.");
    }

    private static void propagateThroughForeignKeys(SchemaRegistry registry, Set<QualifiedName> dumped,
                                                    Map<ColumnRef, ValueMask> masks) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Table t : registry.tables()) {
                if (!dumped.contains(t.name())) {
                    continue;
                }
                for (ForeignKey fk : t.foreignKeys()) {
                    for (int i = 0; i < fk.columns().size(); i++) {
                        ColumnRef child = new ColumnRef(t.name(), fk.columns().get(i));
                        ColumnRef parent = new ColumnRef(fk.referencedTable(), fk.referencedColumns().get(i));
                        ValueMask p = masks.get(parent);
                        if (p == null || p.transform() == Transform.KEEP) {
                            continue;
                        }
                        if (p.transform() == Transform.NULL || p.transform() == Transform.CONSTANT) {
                            throw new MaskingException("The masking policy sets " + parent + " to "
                                    + p.transform().policyName() + ", but foreign key " + fk.name() + " of "
                                    + t.name() + " references it; use hash or a fake transform so the rows still"
                                    + " join.");
                        }
                        ValueMask c = masks.get(child);
                        if (c != null && c.transform() != p.transform()) {
                            throw new MaskingException("The masking policy masks " + child + " as "
                                    + c.transform().policyName() + " but the column it references through foreign"
                                    + " key " + fk.name() + ", " + parent + ", as " + p.transform().policyName()
                                    + ": give both the same transform (or leave " + child + " out: it follows "
                                    + parent + ").");
                        }
                        if (!p.equals(c)) {
                            masks.put(child, p);
                            changed = true;
                        }
                    }
                }
            }
        }
    }

    /** Columns whose masked values must stay distinct: in a primary or unique key, or referenced by a foreign key. */
    static Set<ColumnRef> uniqueColumns(SchemaRegistry registry) {
        Set<ColumnRef> unique = new HashSet<>();
        for (Table t : registry.tables()) {
            List<UniqueKey> keys = new ArrayList<>(t.uniqueKeys());
            if (t.primaryKey() != null) {
                keys.add(t.primaryKey());
            }
            keys.forEach(k -> k.columns().forEach(c -> unique.add(new ColumnRef(t.name(), c))));
            for (ForeignKey fk : t.foreignKeys()) {
                fk.referencedColumns().forEach(c -> unique.add(new ColumnRef(fk.referencedTable(), c)));
            }
        }
        return unique;
    }
}
