package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.sync.SyncProgressListener;
import dev.pgtestkit.sync.Verifier;
import dev.pgtestkit.sync.VerifyResult;
import dev.pgtestkit.sync.cli.CommandOutput;
import dev.pgtestkit.sync.cli.ExitCodes;
import dev.pgtestkit.sync.cli.Pgtestkit;
import dev.pgtestkit.sync.cli.Progress;
import dev.pgtestkit.sync.cli.internal.progress.Units;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pgtestkit verify DIR [--against NAME]}: a dump against its manifest, or a database against a dump. */
@Command(name = "verify",
        description = {"Check a dump directory against its manifest (format, every file's size and SHA-256, row"
                + " counts, no stray file), or check that a database holds exactly the dump's data (per-table"
                + " ordered hashes computed on the server). Any difference fails (exit code 13) and lists the"
                + " tables or files."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  pgtestkit verify dumps/shop",
            "  pgtestkit verify dumps/shop --against test",
            "  pgtestkit verify dumps/shop --url jdbc:postgresql://localhost/shop_copy"})
public final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    Pgtestkit root;

    @Parameters(paramLabel = "DIR", description = "The dump directory.")
    Path directory;

    @Option(names = "--against", paramLabel = "NAME", description = "A database of pgtestkit.yaml to check.")
    String against;

    @Option(names = "--url", paramLabel = "URL", description = "A database to check, by JDBC URL.")
    String url;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "2", converter = Converters.Positive.class,
            description = "Parallel connections when checking a database. Default: ${DEFAULT-VALUE}.")
    int jobs;

    @Override
    public Integer call() {
        CommandOutput io = root.io();
        TargetOptions.Target db = against == null && url == null ? null
                : TargetOptions.open(root, against, url, "--against NAME or --url URL");
        VerifyResult result;
        try (Progress progress = io.progress()) {
            SyncProgressListener listener = new SyncProgress(progress, io);
            result = db == null ? Verifier.verify(directory, listener)
                    : Verifier.verify(directory, db.database(), jobs, listener);
        }
        String what = db == null ? "Dump " + directory + " matches its manifest"
                : db.label() + " holds exactly the data of " + directory;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("directory", directory.toString());
        json.put("database", db == null ? null : db.label());
        json.put("tables", result.tables());
        json.put("rows", result.rows());
        json.put("bytes", result.bytes());
        json.put("seconds", result.duration().toNanos() / 1e9);
        io.result(json, what + ": " + result.tables().size() + " tables, " + Units.count(result.rows()) + " rows, "
                + Units.bytes(result.bytes()) + " checked in " + Units.seconds(result.duration()) + ".");
        return ExitCodes.SUCCESS;
    }
}
