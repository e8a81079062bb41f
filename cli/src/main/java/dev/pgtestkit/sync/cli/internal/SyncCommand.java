package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.sync.DbSync;
import dev.pgtestkit.sync.TransferResult;
import dev.pgtestkit.sync.cli.CommandOutput;
import dev.pgtestkit.sync.cli.ExitCodes;
import dev.pgtestkit.sync.cli.Pgtestkit;
import dev.pgtestkit.sync.cli.UsageException;
import dev.pgtestkit.sync.cli.internal.progress.Units;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pgtestkit sync --from|--to REMOTE}: the configured databases' dumps to or from another machine over SSH. */
@Command(name = "sync",
        description = {"Fetch another machine's dumps (--from) or send ours (--to) over SSH/SFTP: ~/.ssh/config,"
                + " your keys and agent, strict known_hosts. Only changed files move, each checked against the"
                + " manifest; a local dump is replaced only when the whole new one is there and verifies."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  pgtestkit sync --from me@otherhost",
            "  pgtestkit sync --from laptop --db test          # a remote named in pgtestkit.yaml",
            "  pgtestkit sync --to ssh://me@build:2222/srv/dumps"})
public final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    Pgtestkit root;

    @Option(names = "--from", paramLabel = "REMOTE",
            description = "[user@]host[:path], ssh://user@host:port/path, or a remote of pgtestkit.yaml.")
    String from;

    @Option(names = "--to", paramLabel = "REMOTE", description = "Where to send the dumps (same forms as --from).")
    String to;

    @Option(names = "--db", paramLabel = "NAME", description = "Only this database's dump (with --from).")
    String database;

    @Override
    public Integer call() {
        if ((from == null) == (to == null)) {
            throw new UsageException("Say which way, once: --from REMOTE (fetch) or --to REMOTE (send).");
        }
        if (to != null && database != null) {
            throw new UsageException("--to sends every configured database's dump; --db works with --from only.");
        }
        CommandOutput io = root.io();
        DbSync sync = DbSync.of(root.config());
        List<TransferResult> results = from == null ? sync.pushTo(to)
                : database == null ? sync.syncFrom(from) : List.of(sync.syncFrom(from, database));
        StringBuilder text = new StringBuilder();
        for (TransferResult r : results) {
            text.append(r.database()).append(": ").append(r.from()).append(" -> ").append(r.to()).append(": ");
            if (r.upToDate()) {
                text.append("up to date\n");
            } else {
                text.append(r.filesTransferred()).append(" files (").append(Units.bytes(r.bytesTransferred()))
                        .append(") transferred, ").append(r.filesReused()).append(" unchanged");
                if (r.bytesResumed() > 0) {
                    text.append(", ").append(Units.bytes(r.bytesResumed())).append(" resumed");
                }
                text.append('\n');
            }
        }
        io.result(Map.of("transfers", results.stream().map(SyncCommand::json).toList()), text.toString());
        return ExitCodes.SUCCESS;
    }

    private static Map<String, Object> json(TransferResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", r.database());
        m.put("from", r.from());
        m.put("to", r.to());
        m.put("filesTransferred", r.filesTransferred());
        m.put("bytesTransferred", r.bytesTransferred());
        m.put("filesReused", r.filesReused());
        m.put("bytesResumed", r.bytesResumed());
        m.put("upToDate", r.upToDate());
        return m;
    }
}
