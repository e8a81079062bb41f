package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.sync.DbSync;
import dev.pgtestkit.sync.GitResult;
import dev.pgtestkit.sync.RestoreResult;
import dev.pgtestkit.sync.cli.CommandOutput;
import dev.pgtestkit.sync.cli.ExitCodes;
import dev.pgtestkit.sync.cli.Pgtestkit;
import dev.pgtestkit.sync.cli.Progress;
import dev.pgtestkit.sync.cli.UsageException;
import dev.pgtestkit.sync.cli.internal.progress.Units;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pgtestkit workflow}: the seed's workflows over the configured databases. */
@Command(name = "workflow",
        description = {"The everyday workflows of pgtestkit.yaml's databases."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        subcommands = WorkflowCommand.RefreshTestDb.class,
        footerHeading = "%nExamples:%n",
        footer = {
            "  pgtestkit workflow --dump-and-commit",
            "  pgtestkit workflow --dump-and-commit --push-after-commit -m 'State after the import'",
            "  pgtestkit workflow refresh-test-db"})
public final class WorkflowCommand implements Callable<Integer> {

    @ParentCommand
    Pgtestkit root;

    @Option(names = "--dump-and-commit",
            description = "Dump every configured database (production masked) and commit the dumps (only them).")
    boolean dumpAndCommit;

    @Option(names = "--push-after-commit", description = "Then push the commit to the configured git remote.")
    boolean push;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", defaultValue = "Update database state",
            description = "The commit message (the dumps' summary is added). Default: ${DEFAULT-VALUE}.")
    String message;

    @Override
    public Integer call() {
        if (!dumpAndCommit) {
            throw new UsageException("Say which workflow: --dump-and-commit [--push-after-commit], or the"
                    + " subcommand refresh-test-db.");
        }
        CommandOutput io = root.io();
        GitResult result;
        try (Progress progress = io.progress()) {
            result = DbSync.of(root.config()).withProgress(new SyncProgress(progress, io)).dumpAndCommit(message, push);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("changed", result.changed());
        json.put("commit", result.commit());
        json.put("pushed", push);
        json.put("summary", result.summary());
        io.result(json, !result.changed() ? "The dumps are unchanged: nothing to commit."
                : "Committed " + result.commit() + (push ? " and pushed" : "") + ":\n" + result.summary());
        return ExitCodes.SUCCESS;
    }

    /** {@code pgtestkit workflow refresh-test-db}. */
    @Command(name = "refresh-test-db",
            description = {"Dump production masked (its policy from pgtestkit.yaml) and restore that dump into the"
                    + " test database, which is replaced only after the restored data verifies."},
            mixinStandardHelpOptions = true,
            footerHeading = "%nExamples:%n",
            footer = {"  PGTESTKIT_MASKING_KEY=... pgtestkit workflow refresh-test-db"})
    static final class RefreshTestDb implements Callable<Integer> {

        @ParentCommand
        WorkflowCommand workflow;

        @Override
        public Integer call() {
            CommandOutput io = workflow.root.io();
            RestoreResult result;
            try (Progress progress = io.progress()) {
                result = DbSync.of(workflow.root.config()).withProgress(new SyncProgress(progress, io))
                        .refreshTestFromProduction();
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("database", result.database());
            json.put("rows", result.rows());
            json.put("bytes", result.bytes());
            json.put("seconds", result.duration().toNanos() / 1e9);
            io.result(json, "Refreshed " + result.database() + " from a masked dump of "
                    + result.manifest().sourceDatabase() + ": " + Units.count(result.rows()) + " rows, "
                    + Units.bytes(result.bytes()) + " in " + Units.seconds(result.duration()) + ".");
            return ExitCodes.SUCCESS;
        }
    }
}
