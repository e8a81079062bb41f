package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.UniqueKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compiles one resolved table into its {@link TableGenerator}. */
final class TableCompiler {

    private final CompileContext ctx;

    TableCompiler(CompileContext ctx) {
        this.ctx = ctx;
    }

    /** @param later tables of the plan generated after this one (foreign keys to them close a cycle) */
    TableGenerator compile(ResolvedTable rt, Set<QualifiedName> later) {
        Table table = rt.table();
        List<ColumnSpec> columns = ColumnSpecs.of(table, rt.plan());
        Map<String, ColumnSpec> byName = new HashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        List<TableCheck> checks = TableChecks.of(table, columns);
        Set<String> nullControlled = Variants.nullControlled(checks);
        BaseRules base = BaseRules.of(table, columns, byName, checks);
        long existing = ctx.db().rowCount(table.name());
        KeyInputsBuilder inputs = new KeyInputsBuilder(rt, columns, byName, base.rules, nullControlled, ctx, later);
        KeyLayout layout = new KeyPlanner(inputs.build(existing)).plan();
        KeyAssigner assigner = layout.assigner();
        VariantCompiler compiler = new VariantCompiler(columns, byName, base.rules, base.relations,
                SoftRelations.of(columns, byName), layout.precomputed(), nullControlled, ctx.sources());
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
