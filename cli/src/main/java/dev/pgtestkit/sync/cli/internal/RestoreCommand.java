package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.sync.DatabaseConfig;
import dev.pgtestkit.sync.DbSync;
import dev.pgtestkit.sync.DumpLayout;
import dev.pgtestkit.sync.RestoreOptions;
import dev.pgtestkit.sync.RestoreResult;
import dev.pgtestkit.sync.Restorer;
import dev.pgtestkit.sync.Role;
import dev.pgtestkit.sync.cli.CommandOutput;
import dev.pgtestkit.sync.cli.ExitCodes;
import dev.pgtestkit.sync.cli.Pgtestkit;
import dev.pgtestkit.sync.cli.Progress;
import dev.pgtestkit.sync.cli.UsageException;
import dev.pgtestkit.sync.cli.internal.progress.Units;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
            "  pgtestkit restore --commit HEAD~1 --target test --jobs 4",
            "  pgtestkit restore --commit v1.2 --db prod --target test   # production's masked dump into test"})
public final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    Pgtestkit root;

    @Option(names = {"-i", "--input"}, paramLabel = "DIR", description = "The dump directory to restore.")
    Path input;

    @Option(names = "--latest",
            description = "The dump in the target's dump directory of pgtestkit.yaml; without --target, every"
                    + " database but production that has one.")
    boolean latest;

    @Option(names = "--commit", paramLabel = "REV", description = "The dump as of a git commit of the dump repository.")
    String commit;

    @Option(names = "--db", paramLabel = "NAME",
            description = "With --commit: whose committed dump to restore (default: the target's own), e.g. production's"
                    + " masked dump into the test database.")
    String dumpOf;

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
        if (dumpOf != null && commit == null) {
            throw new UsageException("--db NAME chooses whose committed dump --commit REV restores; without --commit,"
                    + " give the dump with --input DIR or --latest.");
        }
        CommandOutput io = root.io();
        List<RestoreResult> results = new ArrayList<>();
        try (Progress progress = io.progress()) {
            RestoreOptions.Builder options = RestoreOptions.builder()
                    .jobs(jobs)
                    .allowProduction(forceProduction)
                    .keepOld(keepOld)
                    .terminateSessions(terminateSessions)
                    .listener(new SyncProgress(progress, io));
            if (commit != null) {
                if (targetName == null) {
                    throw new UsageException("--commit restores a database of pgtestkit.yaml from its committed dump:"
                            + " name it with --target NAME.");
                }
                TargetOptions.Target target = TargetOptions.named(root, targetName, null, "--target NAME");
                results.add(DbSync.of(root.config()).restoreFromCommit(commit, dumpOf == null ? targetName : dumpOf,
                        targetName, options.production(target.production()).build()));
            } else if (latest && targetName == null && url == null) {
                // Every non-production database of the configuration that has a dump, as DbSync.restoreLatest.
                for (DatabaseConfig db : root.config().databases()) {
                    if (db.role() != Role.PRODUCTION
                            && Files.isRegularFile(db.dumpDirectory().resolve(DumpLayout.MANIFEST))) {
                        TargetOptions.Target target = TargetOptions.named(root, db.name(), null, "");
                        results.add(Restorer.restore(db.dumpDirectory(), target.database(), options.build()));
                    }
                }
                if (results.isEmpty()) {
                    throw new UsageException("No dump to restore: no database of " + root.config().file() + " other"
                            + " than production has one yet. Run pgtestkit dump first, or restore one with --target.");
                }
            } else {
                TargetOptions.Target target = TargetOptions.named(root, targetName, url,
                        "--target NAME or --url URL");
                Path dump = input != null ? input : latestOf(target);
                results.add(Restorer.restore(dump, target.database(),
                        options.production(target.production()).build()));
            }
        }
        io.result(results.size() == 1 ? json(results.get(0)) : Map.of("restores",
                results.stream().map(RestoreCommand::json).toList()),
                String.join("\n", results.stream().map(RestoreCommand::text).toList()));
        return ExitCodes.SUCCESS;
    }

    /** {@code --latest} for one target: its dump directory in pgtestkit.yaml. */
    private static Path latestOf(TargetOptions.Target target) {
        if (target.config() == null) {
            throw new UsageException("--latest takes the dump directory of a database of pgtestkit.yaml: name it with"
                    + " --target NAME, or give the directory with --input DIR.");
        }
        return target.config().dumpDirectory();
    }

    private static Map<String, Object> json(RestoreResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("database", result.database());
        json.put("rows", result.rows());
        json.put("bytes", result.bytes());
        json.put("tables", result.manifest().tables().size());
        json.put("seconds", result.duration().toNanos() / 1e9);
        json.put("oldDatabase", result.oldDatabase());
        json.put("sessions", result.sessions());
        return json;
    }

    private static String text(RestoreResult result) {
        StringBuilder text = new StringBuilder("Restored ").append(result.manifest().sourceDatabase())
                .append("'s dump (snapshot ").append(result.manifest().snapshotTime()).append(") into ")
                .append(result.database()).append(": ").append(result.manifest().tables().size()).append(" tables, ")
                .append(Units.count(result.rows())).append(" rows, ").append(Units.bytes(result.bytes()))
                .append(", verified and swapped in ").append(Units.seconds(result.duration())).append('.');
        if (result.oldDatabase() != null) {
            text.append(" The previous database is kept as ").append(result.oldDatabase()).append('.');
        }
        result.sessions().forEach(s -> text.append("\n  session connected before the swap: ").append(s));
        return text.toString();
    }
}
