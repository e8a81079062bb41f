package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.sync.DatabaseConfig;
import dev.pgtestkit.sync.DbSync;
import dev.pgtestkit.sync.DumpManifest;
import dev.pgtestkit.sync.DumpOptions;
import dev.pgtestkit.sync.Dumper;
import dev.pgtestkit.sync.MaskingKey;
import dev.pgtestkit.sync.MaskingPolicy;
import dev.pgtestkit.sync.SchemaWriterKind;
import dev.pgtestkit.sync.cli.CommandOutput;
import dev.pgtestkit.sync.cli.ExitCodes;
import dev.pgtestkit.sync.cli.Pgtestkit;
import dev.pgtestkit.sync.cli.Progress;
import dev.pgtestkit.sync.cli.UsageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pgtestkit dump}: a deterministic, verifiable, optionally masked dump directory of a database. */
@Command(name = "dump",
        description = {"Dump a database into a directory that diffs well in git: manifest.json (checksums, counts),"
                + " schema/pre-data.sql and post-data.sql, data/<schema>.<table>.tsv sorted by primary key. One"
                + " snapshot, parallel workers, masked on the way out; written beside the target and moved into"
                + " place only when complete."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  pgtestkit dump --url jdbc:postgresql://localhost/shop --output dumps/shop",
            "  pgtestkit dump --db prod --mask masking.yaml --jobs 4",
            "  pgtestkit dump --db prod --table 'public.*' --exclude audit_log \\",
            "      --where \"orders=created_at > now() - interval '30 days'\"",
            "  pgtestkit dump --all",
            "",
            "The masking key comes from PGTESTKIT_MASKING_KEY or --mask-key-file, never from the policy."})
public final class DumpCommand implements Callable<Integer> {

    @ParentCommand
    Pgtestkit root;

    @Mixin
    TargetOptions target;

    @Option(names = "--all", description = "Every database of pgtestkit.yaml as the file describes it (dump"
            + " directory, role, masking policy), each into its own directory.")
    boolean all;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "The dump directory (replaced when the dump is complete). Default: the database's dump"
                    + " directory of pgtestkit.yaml, else dumps/<database>.")
    Path output;

    @Option(names = "--mask", paramLabel = "POLICY",
            description = "A masking policy (YAML or JSON); default: the database's policy in pgtestkit.yaml.")
    Path mask;

    @Option(names = "--mask-key-file", paramLabel = "FILE",
            description = "The masking key's file (default: the PGTESTKIT_MASKING_KEY environment variable).")
    Path maskKeyFile;

    @Option(names = "--table", paramLabel = "PATTERN",
            description = "Only tables matching (public.users, audit.*, users). Repeatable.")
    List<String> include = List.of();

    @Option(names = "--exclude", paramLabel = "PATTERN", description = "Leave out matching tables. Repeatable.")
    List<String> exclude = List.of();

    @Option(names = "--where", paramLabel = "TABLE=CONDITION",
            description = "A row filter (SQL condition) for a table; rows of other tables that reference rows"
                    + " left out are left out too, so the dump restores. Repeatable.")
    Map<String, String> where = new LinkedHashMap<>();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "2", converter = Converters.Positive.class,
            description = "Parallel connections sharing one snapshot. Default: ${DEFAULT-VALUE}.")
    int jobs;

    @Option(names = "--chunk-size", paramLabel = "SIZE", converter = Converters.Size.class,
            description = "Split a table's data file past this size (e.g. 50MB, the default).")
    Long chunkBytes;

    @Option(names = "--production",
            description = "The source is production (as its role in pgtestkit.yaml can say): refuse while a"
                    + " sensitive-looking column has no masking decision.")
    boolean production;

    @Option(names = "--allow-unmasked",
            description = "Override that refusal (the dump then holds personal data as it is).")
    boolean allowUnmasked;

    @Option(names = "--schema-writer", paramLabel = "WRITER", defaultValue = "built-in",
            converter = Converters.SchemaWriter.class,
            description = "built-in (default) or pg_dump (a pg_dump of the server's major version on the PATH).")
    SchemaWriterKind schemaWriter;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandOutput io = root.io();
        List<Map<String, Object>> json = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (all) {
            refuseOptionsOfOneDatabase();
            DbSync sync = DbSync.of(root.config());
            for (DatabaseConfig db : root.config().databases()) {
                DumpManifest manifest;
                try (Progress progress = io.progress()) {
                    manifest = sync.withProgress(new SyncProgress(progress, io)).dump(db.name());
                }
                add(json, text, db.name() + " (" + db.role().configName() + ")", db.dumpDirectory(), manifest);
            }
        } else {
            TargetOptions.Target db = target.open(root);
            Path directory = output != null ? output
                    : db.config() != null ? db.config().dumpDirectory() : Path.of("dumps", db.database().name());
            DumpManifest manifest;
            try (Progress progress = io.progress()) {
                manifest = Dumper.dump(db.database(), directory,
                        options(db).listener(new SyncProgress(progress, io)).build());
            }
            add(json, text, db.label(), directory, manifest);
        }
        io.result(all ? Map.of("dumps", json) : json.get(0), text.toString());
        return ExitCodes.SUCCESS;
    }

    private static void add(List<Map<String, Object>> json, StringBuilder text, String label, Path directory,
                            DumpManifest manifest) {
        json.add(Summaries.manifestJson(directory, manifest));
        text.append("Dumped ").append(label).append(" to ").append(directory).append(": ")
                .append(Summaries.manifestText(manifest));
    }

    /** {@code --all} is db-sync's {@code DbSync.dump} of each database as pgtestkit.yaml describes it. */
    private void refuseOptionsOfOneDatabase() {
        List<String> given = new ArrayList<>();
        for (String option : List.of("--db", "--url", "--output", "--mask", "--mask-key-file", "--table", "--exclude",
                "--where", "--jobs", "--chunk-size", "--production", "--allow-unmasked", "--schema-writer")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                given.add(option);
            }
        }
        if (!given.isEmpty()) {
            throw new UsageException("--all dumps every database of pgtestkit.yaml as the file describes it (its dump"
                    + " directory, role and masking policy): leave out " + String.join(", ", given) + ", or dump one"
                    + " database with --db NAME and those options.");
        }
    }

    /** The options for one database: the command line's, else its configuration's (role, masking policy). */
    private DumpOptions.Builder options(TargetOptions.Target db) {
        DumpOptions.Builder options = DumpOptions.builder()
                .include(include.toArray(String[]::new))
                .exclude(exclude.toArray(String[]::new))
                .jobs(jobs)
                .production(production || db.production())
                .allowUnmaskedSensitiveColumns(allowUnmasked)
                .schemaWriter(schemaWriter);
        where.forEach(options::where);
        if (chunkBytes != null) {
            options.chunkBytes(chunkBytes);
        }
        Path policyFile = mask != null ? mask : db.config() != null ? db.config().maskingPolicy() : null;
        if (policyFile != null) {
            MaskingPolicy policy = MaskingPolicy.read(policyFile);
            options.masking(policy);
            if (policy.needsKey()) {
                options.maskingKey(maskingKey(db));
            }
        }
        return options;
    }

    /** --mask-key-file, else PGTESTKIT_MASKING_KEY, else the configuration's masking.key-file. */
    private MaskingKey maskingKey(TargetOptions.Target db) {
        if (maskKeyFile != null) {
            return MaskingKey.fromFile(maskKeyFile);
        }
        String env = root.environment().get(MaskingKey.ENV);
        if ((env == null || env.isBlank()) && db.config() != null) {
            Optional<Path> file = root.config().maskingKeyFile();
            if (file.isPresent()) {
                return MaskingKey.fromFile(file.get());
            }
        }
        if (env == null || env.isBlank()) {
            return MaskingKey.fromEnvironment(); // its error says how to give a key
        }
        return MaskingKey.of(env.strip().getBytes(StandardCharsets.UTF_8));
    }
}
