package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.sync.cli.CommandOutput;
import dev.pgtestkit.sync.cli.ExitCodes;
import dev.pgtestkit.sync.cli.Pgtestkit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pgtestkit schema}: the schema registry of a database as a readable report. */
@Command(name = "schema",
        description = {"Show a database's schema as pgtestkit reads it: tables in foreign-key order (parents"
                + " first), columns, keys, checks, indexes and foreign-key cycles."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  pgtestkit schema --url jdbc:postgresql://localhost/shop",
            "  pgtestkit schema --db test --table orders",
            "  pgtestkit schema --db test --format json | jq '.tables[].name'"})
public final class SchemaCommand implements Callable<Integer> {

    /** Report formats. */
    enum Format { TEXT, JSON }

    @ParentCommand
    Pgtestkit root;

    @Mixin
    TargetOptions target;

    @Option(names = "--table", paramLabel = "T",
            description = "Only this table (forgiving match: userId finds user_id; schema.table names the schema).")
    String table;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (--json implies json). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    public Integer call() {
        CommandOutput io = root.io();
        TargetOptions.Target db = target.open(root);
        SchemaRegistry registry = SchemaRegistry.load(db.dataSource());
        List<Table> only = table == null ? null : List.of(registry.table(table));
        SchemaReport report = new SchemaReport(db.label(), registry, only);
        if (format == Format.JSON && !io.json()) {
            io.out().println(Json.write(report.json()));
            io.out().flush();
        } else {
            io.result(report.json(), report.text());
        }
        return ExitCodes.SUCCESS;
    }
}
