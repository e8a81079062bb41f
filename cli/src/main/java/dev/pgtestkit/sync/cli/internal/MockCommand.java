package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.mock.GenerationPlan;
import dev.pgtestkit.mock.GenerationResult;
import dev.pgtestkit.mock.MockDataGenerator;
import dev.pgtestkit.mock.ProgressListener;
import dev.pgtestkit.mock.TableResult;
import dev.pgtestkit.sync.cli.CommandOutput;
import dev.pgtestkit.sync.cli.ExitCodes;
import dev.pgtestkit.sync.cli.Pgtestkit;
import dev.pgtestkit.sync.cli.Progress;
import dev.pgtestkit.sync.cli.UsageException;
import dev.pgtestkit.sync.cli.internal.progress.Units;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pgtestkit mock}: fills tables with realistic rows that satisfy the schema's constraints. */
@Command(name = "mock",
        description = {"Fill tables with realistic rows that satisfy every constraint (parents first, loaded with"
                + " COPY in one transaction: all or nothing). The same seed gives the same rows."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  pgtestkit mock --url jdbc:postgresql://localhost/shop --table users --rows 10",
            "  pgtestkit mock --db test --table users --rows 100 --table orders --rows 900",
            "  pgtestkit mock --db test --plan plan.yaml",
            "",
            "A plan file (YAML or JSON):",
            "  seed: 42",
            "  tables:",
            "    users: 1000",
            "    orders: {perParent: {table: users, min: 0, max: 5}, columns: {status: paid}}",
            "    order_items: {rows: 20000, nullFractions: {note: 0.5}}"})
public final class MockCommand implements Callable<Integer> {

    @ParentCommand
    Pgtestkit root;

    @Mixin
    TargetOptions target;

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<TableRows> tables;

    @Option(names = "--plan", paramLabel = "FILE", description = "A YAML or JSON generation plan.")
    Path plan;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the values (default: the plan's, else 0).")
    Long seed;

    /** {@code --table T --rows N}, repeatable. */
    static final class TableRows {
        @Option(names = "--table", paramLabel = "T", required = true,
                description = "A table to fill (forgiving match: userId finds user_id). Repeatable.")
        String table;

        @Option(names = "--rows", paramLabel = "N", required = true, converter = Converters.PositiveCount.class,
                description = "Rows for the --table before it (1 or more).")
        long rows;
    }

    @Override
    public Integer call() {
        CommandOutput io = root.io();
        if (plan != null && tables != null) {
            throw new UsageException("Give the tables either with --table T --rows N or in the --plan file, not"
                    + " both.");
        }
        if (plan == null && tables == null) {
            throw new UsageException("Say what to fill: --table T --rows N (repeatable) or --plan FILE.");
        }
        GenerationPlan generationPlan;
        long chosenSeed;
        if (plan != null) {
            PlanFile file = PlanFile.read(plan);
            generationPlan = file.plan();
            chosenSeed = seed != null ? seed : file.seed() != null ? file.seed() : 0;
        } else {
            GenerationPlan.Builder builder = GenerationPlan.builder();
            tables.forEach(t -> builder.table(t.table, t.rows));
            generationPlan = builder.build();
            chosenSeed = seed != null ? seed : 0;
        }
        TargetOptions.Target db = target.open(root);
        GenerationResult result;
        try (Progress progress = io.progress()) {
            MockDataGenerator generator = MockDataGenerator.builder(db.dataSource())
                    .seed(chosenSeed)
                    .progress(listener(progress))
                    .build();
            result = generator.generate(generationPlan);
        }
        io.result(json(db, chosenSeed, result), text(db, chosenSeed, result));
        return ExitCodes.SUCCESS;
    }

    /** One progress task per table, finished when its last row is written. */
    private static ProgressListener listener(Progress progress) {
        Map<QualifiedName, Progress.Task> tasks = new HashMap<>();
        return (table, done, total) -> {
            Progress.Task task = tasks.computeIfAbsent(table, t -> progress.start(t.toString(), total, -1));
            task.update(done, -1);
            if (done >= total) {
                task.finish();
            }
        };
    }

    private static String text(TargetOptions.Target db, long seed, GenerationResult result) {
        return "Generated " + Units.count(result.totalRows()) + " rows in " + result.tables().size()
                + (result.tables().size() == 1 ? " table" : " tables") + " of " + db.label() + " (seed " + seed
                + "):\n" + result.summary();
    }

    private static Map<String, Object> json(TargetOptions.Target db, long seed, GenerationResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("database", db.label());
        doc.put("seed", seed);
        doc.put("totalRows", result.totalRows());
        doc.put("seconds", result.elapsed().toNanos() / 1e9);
        doc.put("tables", result.tables().stream().map(MockCommand::tableJson).toList());
        return doc;
    }

    private static Map<String, Object> tableJson(TableResult t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", t.table().toString());
        m.put("rows", t.rows());
        m.put("seconds", t.elapsed().toNanos() / 1e9);
        return m;
    }
}
