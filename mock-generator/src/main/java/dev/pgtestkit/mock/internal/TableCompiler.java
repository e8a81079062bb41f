package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.CheckConstraint;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.UniqueKey;
import dev.pgtestkit.mock.GenerationException;
import dev.pgtestkit.mock.internal.value.OtherType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compiles one resolved table into its {@link TableGenerator}. */
final class TableCompiler {

    /** Documents read to learn a JSON column's shape. */
    private static final int JSON_SAMPLES = 200;

    private final CompileContext ctx;

    TableCompiler(CompileContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A partial unique index the rows cannot all meet as a full key (one admin, one primary e-mail per user)
     * is honoured through its predicate instead: rows are generated outside it.
     *
     * @param later tables of the plan generated after this one (foreign keys to them close a cycle)
     */
    TableGenerator compile(ResolvedTable rt, Set<QualifiedName> later) {
        try {
            return compileAsIs(rt, later);
        } catch (GenerationException e) {
            UniqueKey partial = rt.table().uniqueKeys().stream()
                    .filter(k -> k.isPartial() && k.name().equals(e.constraint())).findFirst().orElse(null);
            if (partial == null) {
                throw e;
            }
            return compile(new ResolvedTable(outsidePredicate(rt.table(), partial), rt.plan(), rt.rows(), rt.seed()),
                    later);
        }
    }

    private static Table outsidePredicate(Table t, UniqueKey partial) {
        List<UniqueKey> keys = new ArrayList<>(t.uniqueKeys());
        keys.remove(partial);
        List<CheckConstraint> checks = new ArrayList<>(t.checks());
        String expression = "(NOT (" + partial.predicate() + "))";
        checks.add(new CheckConstraint(partial.name(), "CHECK " + expression, expression, partial.columns()));
        return new Table(t.name(), t.kind(), t.partitionOf(), t.columns(), t.primaryKey(), keys, t.foreignKeys(),
                checks, t.indexes(), t.partitioning());
    }

    private TableGenerator compileAsIs(ResolvedTable rt, Set<QualifiedName> later) {
        Table table = rt.table();
        List<ColumnSpec> columns = ColumnSpecs.of(table, rt.plan(), ctx.extensionTypes()::resolve);
        Map<String, ColumnSpec> byName = new HashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        List<TableCheck> checks = TableChecks.of(table, columns);
        Set<String> nullControlled = Variants.nullControlled(checks);
        BaseRules base = BaseRules.of(table, columns, byName, checks);
        long existing = ctx.db().rowCount(table.name());
        SourceFactory sources = existing == 0 ? ctx.sources() : ctx.sources().withJsonShapes(jsonShapes(table, columns));
        KeyInputsBuilder inputs = new KeyInputsBuilder(rt, columns, byName, base.rules, nullControlled, ctx, later);
        KeyLayout layout = new KeyPlanner(inputs.build(existing)).plan();
        KeyAssigner assigner = layout.assigner();
        VariantCompiler compiler = new VariantCompiler(columns, byName, base.rules, base.relations,
                SoftRelations.of(columns, byName), layout.precomputed(), nullControlled, sources);
        Variants variants = new Variants(compiler,
                ChoiceWeights.of(table, checks, compiler, byName, layout.precomputed()));
        CheckEvaluator evaluator = new CheckEvaluator(checks, byName,
                TrustedChecks.of(checks, byName, layout.precomputed()));
        TableExtras extras = new TableExtras(inputs.backfills, inputs.deferred, evaluator.serverChecks(),
                inputs.sequences.uses(), rowKey(table, byName));
        TableGenerator generator = new TableGenerator(table, columns, rt.seed(), existing, layout.rows(), assigner,
                variants, evaluator, ctx.fakers(), extras);
        ctx.keys().register(generator);
        return generator;
    }

    /** The shapes of the JSON already in the table's json/jsonb columns, by column (none learned offline). */
    private Map<String, JsonShape> jsonShapes(Table table, List<ColumnSpec> columns) {
        Map<String, JsonShape> shapes = new HashMap<>();
        for (ColumnSpec c : columns) {
            if (c.override() == null && c.type() instanceof OtherType o && o.kind() == OtherType.Kind.JSON) {
                JsonShape shape = JsonShape.learn(ctx.db().jsonSamples(table.name(), c.name(), JSON_SAMPLES));
                if (shape != null) {
                    shapes.put(c.name(), shape);
                }
            }
        }
        return shapes;
    }

    /** Positions of the primary key, else of a unique key the generator writes whole; empty if none. */
    private static int[] rowKey(Table table, Map<String, ColumnSpec> byName) {
        List<UniqueKey> candidates = new ArrayList<>();
        if (table.primaryKey() != null) {
            candidates.add(table.primaryKey());
        }
        candidates.addAll(table.uniqueKeys());
        for (UniqueKey k : candidates) {
            if (!k.isPartial() && k.columns().stream().allMatch(byName::containsKey)
                    && k.columns().stream().allMatch(c -> byName.get(c).notNull())) {
                return k.columns().stream().mapToInt(c -> byName.get(c).position()).toArray();
            }
        }
        return new int[0];
    }
}
