package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.UniqueKey;
import dev.pgtestkit.mock.ColumnOverride;
import dev.pgtestkit.mock.GenerationException;
import dev.pgtestkit.mock.ParentDistribution;
import dev.pgtestkit.mock.TablePlan;
import dev.pgtestkit.mock.internal.KeyInputs.ForeignKeyInput;
import dev.pgtestkit.mock.internal.KeyInputs.Grouping;
import dev.pgtestkit.mock.internal.KeyInputs.UniqueKeyInput;
import dev.pgtestkit.mock.internal.TableExtras.Backfill;
import dev.pgtestkit.mock.internal.value.OrderedType;
import dev.pgtestkit.mock.internal.value.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Gathers a table's foreign keys, unique keys and sequence columns for the {@link KeyPlanner}. */
final class KeyInputsBuilder {

    private final ResolvedTable rt;
    private final Table table;
    private final List<ColumnSpec> columns;
    private final Map<String, ColumnSpec> byName;
    private final ColumnRule[] rules;
    private final Set<String> nullControlled;
    private final CompileContext ctx;
    private final Set<QualifiedName> later;
    final List<Backfill> backfills = new ArrayList<>();
    final List<ForeignKey> deferred = new ArrayList<>();
    final SequenceColumns sequences;

    KeyInputsBuilder(ResolvedTable rt, List<ColumnSpec> columns, Map<String, ColumnSpec> byName, ColumnRule[] rules,
                     Set<String> nullControlled, CompileContext ctx, Set<QualifiedName> later) {
        this.rt = rt;
        this.table = rt.table();
        this.columns = columns;
        this.byName = byName;
        this.rules = rules;
        this.nullControlled = nullControlled;
        this.ctx = ctx;
        this.later = later;
        this.sequences = new SequenceColumns(table, columns, ctx);
    }

    KeyInputs build(long base) {
        List<ForeignKeyInput> fks = new ArrayList<>();
        List<ForeignKey> fkModels = new ArrayList<>();
        for (ForeignKey fk : table.foreignKeys()) {
            ForeignKeyInput in = foreignKey(fk);
            if (in != null) {
                fks.add(in);
                fkModels.add(fk);
            }
        }
        UniqueSource[] uniques = new UniqueSource[columns.size()];
        long needed = base + rt.rows();
        return new KeyInputs(table.name(), rt.seed(), rt.rows(), base, fks, uniqueKeys(), sequences.inputs(),
                p -> {
                    if (uniques[p] == null) {
                        uniques[p] = unique(p, needed);
                    }
                    return uniques[p];
                },
                p -> ctx.sources().of(columns.get(p), rules[p], nullControlled.contains(columns.get(p).name())),
                p -> columns.get(p).label(), grouping(fkModels));
    }

    private UniqueSource unique(int p, long needed) {
        ColumnSpec c = columns.get(p);
        if (c.override() != null) {
            return null;
        }
        long[] natural = c.type() instanceof OrderedType o ? NaturalRanges.of(o, c.hint()) : null;
        return UniqueSources.of(c.type(), rules[p], c.hint(), ctx.sources().fake(), natural, needed,
                Hash.of(rt.seed(), 0x51DEL, p));
    }

    private List<UniqueKeyInput> uniqueKeys() {
        List<UniqueKey> keys = new ArrayList<>();
        if (table.primaryKey() != null) {
            keys.add(table.primaryKey());
        }
        keys.addAll(table.uniqueKeys());
        List<UniqueKeyInput> out = new ArrayList<>();
        for (UniqueKey k : keys) {
            if (!k.nullsNotDistinct() && k.columns().stream()
                    .anyMatch(c -> byName.containsKey(c) && rules[byName.get(c).position()].forcedNull)) {
                continue; // a column that is always NULL: rows never collide on this key
            }
            int[] positions = k.columns().stream().mapToInt(c -> byName.containsKey(c) ? byName.get(c).position() : -1)
                    .toArray();
            requireNotConstant(k, positions);
            out.add(new UniqueKeyInput(k.name(), k.columns(), positions));
        }
        return out;
    }

    private void requireNotConstant(UniqueKey k, int[] positions) {
        if (rt.rows() > 1 && positions.length == 1 && positions[0] >= 0
                && columns.get(positions[0]).override() instanceof ColumnOverride.Constant) {
            throw new GenerationException("Column \"" + k.columns().get(0) + "\" of " + table.name() + " is unique ("
                    + k.name() + ") but overridden with a constant, and " + rt.rows() + " rows are asked for. Use an"
                    + " expression or computed override instead.", table.schema(), table.simpleName(),
                    k.columns().get(0), k.name());
        }
    }

    private ForeignKeyInput foreignKey(ForeignKey fk) {
        List<ColumnSpec> cols = fk.columns().stream().map(byName::get).toList();
        if (cols.stream().anyMatch(c -> c == null || c.override() != null)) {
            return null;
        }
        List<ValueType> types = cols.stream().map(ColumnSpec::type).toList();
        ParentKeys parents = ctx.keys().parents(fk, types);
        boolean nullable = cols.stream().noneMatch(ColumnSpec::notNull);
        // NULLs of a column an exclusive arc controls come from the check's chosen alternative only
        double nulls = cols.stream().anyMatch(c -> nullControlled.contains(c.name())) ? 0 : cols.get(0).nullFraction();
        if (parents.size() == 0 && !fk.isSelfReference()) {
            if (!nullable) {
                throw noParents(fk);
            }
            nulls = 1;
        }
        if (later.contains(fk.referencedTable()) && !fk.isSelfReference()) {
            breakCycle(fk, cols, nullable);
        }
        int[] positions = cols.stream().mapToInt(ColumnSpec::position).toArray();
        return new ForeignKeyInput(fk.name(), fk.referencedTable(), positions, parents, nullable, nulls,
                fk.isSelfReference(), distribution(fk), new ParentLink(fk, ctx.keys().rows(fk, parents)));
    }

    private void breakCycle(ForeignKey fk, List<ColumnSpec> cols, boolean nullable) {
        if (fk.deferrable()) {
            deferred.add(fk);
        } else if (nullable) {
            backfills.add(new Backfill(fk, cols.stream().mapToInt(ColumnSpec::position).toArray()));
        } else {
            throw new GenerationException("Foreign key " + fk.name() + " " + fk.columns() + " of " + table.name()
                    + " closes a cycle with " + fk.referencedTable() + " and can be neither left NULL (NOT NULL) nor"
                    + " checked at commit (not DEFERRABLE). Make it nullable or DEFERRABLE, or leave one table of the"
                    + " cycle out of the plan.", table.schema(), table.simpleName(), fk.columns().get(0), fk.name());
        }
    }

    private GenerationException noParents(ForeignKey fk) {
        return new GenerationException("Table " + table.name() + " needs rows in " + fk.referencedTable()
                + " (foreign key " + fk.name() + " " + fk.columns() + " is NOT NULL), but it has none and the plan"
                + " generates none. Add " + fk.referencedTable() + " to the plan.", table.schema(),
                table.simpleName(), fk.columns().get(0), fk.name());
    }

    private ParentDistribution distribution(ForeignKey fk) {
        TablePlan plan = rt.plan();
        if (plan == null) {
            return ParentDistribution.uniform();
        }
        for (Map.Entry<String, ParentDistribution> e : plan.distributions().entrySet()) {
            if (e.getKey().equals(fk.name()) || fk.columns().contains(table.matchColumn(e.getKey()).name())) {
                return e.getValue();
            }
        }
        return ParentDistribution.uniform();
    }

    private Grouping grouping(List<ForeignKey> fks) {
        TablePlan plan = rt.plan();
        if (plan == null || plan.perParent() == null) {
            return null;
        }
        ForeignKey fk = ForeignKeys.find(ctx.registry(), table, plan.parentTable(), plan.perParent().fkColumn());
        int index = fks.indexOf(fk);
        if (index < 0) {
            throw new GenerationException("The per-parent count of " + table.name() + " goes through " + fk.name()
                    + ", whose columns the plan overrides; drop the override.", table.schema(), table.simpleName(),
                    fk.columns().get(0), fk.name());
        }
        return new Grouping(index, plan.perParent());
    }
}
