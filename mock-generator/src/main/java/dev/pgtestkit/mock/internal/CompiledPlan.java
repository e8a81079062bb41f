package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.mock.GenerationPlan;
import dev.pgtestkit.mock.internal.value.FakePools;
import dev.pgtestkit.mock.internal.value.FakeText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A plan compiled against a schema and database state: one {@link TableGenerator} per table, parents first.
 * Compiling finds every problem it can before anything is written: unknown names, unsatisfiable checks, row
 * counts beyond a unique key, unbreakable cycles; and it generates the first rows of each table as a probe.
 */
public final class CompiledPlan {

    private static final int PROBE_ROWS = 8;

    private final List<TableGenerator> tables;
    private final boolean keepRows;

    private CompiledPlan(List<TableGenerator> tables, boolean keepRows) {
        this.tables = List.copyOf(tables);
        this.keepRows = keepRows;
    }

    /** What all plans of one generator share: the seed and the Datafaker pools (built once, they are costly). */
    public record Shared(long seed, FakeText fake, ThreadFakers fakers) {

        public static Shared of(long seed, Locale locale) {
            return new Shared(seed, new FakeText(new FakePools(seed, locale)), new ThreadFakers(locale));
        }
    }

    public static CompiledPlan compile(GenerationPlan plan, SchemaView registry, DatabaseState db,
                                       Shared shared) {
        PlanKeys keys = new PlanKeys(db);
        CompileContext ctx = new CompileContext(registry, db, keys, new SourceFactory(shared.fake(), shared.fakers()),
                shared.fakers(), new ExtensionTypes(db, shared.fake()));
        List<ResolvedTable> resolved = new PlanResolver(registry, db, shared.seed()).resolve(plan, keys);
        Set<QualifiedName> later = new LinkedHashSet<>();
        resolved.forEach(r -> later.add(r.table().name()));
        List<TableGenerator> generators = new ArrayList<>();
        TableCompiler compiler = new TableCompiler(ctx);
        for (ResolvedTable rt : resolved) {
            later.remove(rt.table().name());
            generators.add(compiler.compile(rt, later));
        }
        probe(generators);
        return new CompiledPlan(generators, plan.keepRows());
    }

    /** Generates the first rows of every table, so unsatisfiable checks fail before anything is written. */
    private static void probe(List<TableGenerator> generators) {
        Rng rng = new Rng();
        for (TableGenerator g : generators) {
            RowBuffer buffer = g.newBuffer();
            for (long i = 0; i < Math.min(PROBE_ROWS, g.rows()); i++) {
                g.generate(i, buffer, rng, 0);
            }
        }
    }

    /** Parents first. */
    public List<TableGenerator> tables() {
        return tables;
    }

    public boolean keepRows() {
        return keepRows;
    }

    public long totalRows() {
        return tables.stream().mapToLong(TableGenerator::rows).sum();
    }
}
