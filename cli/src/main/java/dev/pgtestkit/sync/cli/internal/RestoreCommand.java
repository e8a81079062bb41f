package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.sync.RestoreOptions;
import dev.pgtestkit.sync.RestoreResult;
import dev.pgtestkit.sync.Restorer;
import dev.pgtestkit.sync.cli.CommandOutput;
import dev.pgtestkit.sync.cli.ExitCodes;
import dev.pgtestkit.sync.cli.Pgtestkit;
import dev.pgtestkit.sync.cli.Progress;
import dev.pgtestkit.sync.cli.UsageException;
import dev.pgtestkit.sync.cli.internal.progress.Units;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pgtestkit restore}: a dump into a database, atomically (shadow database, verify, swap). */
@Command(name = "restore",
        description = {"Restore a dump atomically: into a shadow database beside the target, verified against the"
                + " manifest's counts and checksums, then swapped in by renaming. A failure leaves the target as it"
                + " was. A database marked as production is refused without --force-production."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  pgtestkit restore --input dumps/shop --url jdbc:postgresql://localhost/shop_test",
            "  pgtestkit restore --latest --target test",
            "  pgtestkit restore --commit HEAD~1 --target test --jobs 4"})
public final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    Pgtestkit root;

    @Option(names = {"-i", "--input"}, paramLabel = "DIR", description = "The dump directory to restore.")
    Path input;

    @Option(names = "--latest", description = "The latest dump of the configured dump directory.")
    boolean latest;

    @Option(names = "--commit", paramLabel = "REV", description = "The dump as of a git commit of the dump repository.")
    String commit;

    @Option(names = "--target", paramLabel = "NAME", description = "The target, a database of pgtestkit.yaml.")
    String targetName;

    @Option(names = "--url", paramLabel = "URL",
            description = "The target by JDBC URL (the database need not exist; its server must).")
    String url;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "2", converter = Converters.Positive.class,
            description = "Parallel connections loading data and building indexes. Default: ${DEFAULT-VALUE}.")
    int jobs;

    @Option(names = "--force-production", description = "Allow replacing a database marked as production.")
    boolean forceProduction;

    @Option(names = "--keep-old", description = "Keep the replaced database under a new name instead of dropping it.")
    boolean keepOld;

    @Option(names = "--terminate-sessions",
            description = "End sessions connected to the target before the swap (else the restore fails, naming them).")
    boolean terminateSessions;

    @Override
    public Integer call() {
        int sources = (input != null ? 1 : 0) + (latest ? 1 : 0) + (commit != null ? 1 : 0);
        if (sources != 1) {
            throw new UsageException("Say which dump to restore, once: --input DIR, --latest or --commit REV.");
        }
        if (input == null) {
            throw new UsageException((latest ? "--latest" : "--commit") + " finds dumps through pgtestkit.yaml (its"
                    + " dump directory and git repository), which this build of the CLI cannot read yet. Restore a"
                    + " directory with --input DIR.");
        }
        CommandOutput io = root.io();
        TargetOptions.Target target = TargetOptions.named(targetName, url, "--target NAME or --url URL");
        RestoreResult result;
        try (Progress progress = io.progress()) {
            result = Restorer.restore(input, target.database(), RestoreOptions.builder()
                    .jobs(jobs)
                    .allowProduction(forceProduction)
                    .keepOld(keepOld)
                    .terminateSessions(terminateSessions)
                    .listener(new SyncProgress(progress, io))
                    .build());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("database", result.database());
        json.put("input", input.toString());
        json.put("rows", result.rows());
        json.put("bytes", result.bytes());
        json.put("seconds", result.duration().toNanos() / 1e9);
        json.put("oldDatabase", result.oldDatabase());
        json.put("sessions", result.sessions());
        StringBuilder text = new StringBuilder("Restored ").append(input).append(" into ").append(result.database())
                .append(": ").append(result.manifest().tables().size()).append(" tables, ")
                .append(Units.count(result.rows())).append(" rows, ").append(Units.bytes(result.bytes()))
                .append(", verified and swapped in ").append(Units.seconds(result.duration())).append('.');
        if (result.oldDatabase() != null) {
            text.append(" The previous database is kept as ").append(result.oldDatabase()).append('.');
        }
        result.sessions().forEach(s -> text.append("\n  session connected before the swap: ").append(s));
        io.result(json, text.toString());
        return ExitCodes.SUCCESS;
    }
}
