package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.sync.DatabaseConfig;
import dev.pgtestkit.sync.DumpLayout;
import dev.pgtestkit.sync.DumpManifest;
import dev.pgtestkit.sync.cli.CommandOutput;
import dev.pgtestkit.sync.cli.ExitCodes;
import dev.pgtestkit.sync.cli.Pgtestkit;
import dev.pgtestkit.sync.cli.internal.progress.Units;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pgtestkit list [DIR]}: the dumps on disk, with the git commit that last changed each. */
@Command(name = "list",
        description = {"List dumps: snapshot time, size, tables, rows, and the git commit that last changed each."
                + " Without DIR, the dump directories of pgtestkit.yaml's databases."},
        mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  pgtestkit list", "  pgtestkit list db-dumps", "  pgtestkit list --json"})
public final class ListCommand implements Callable<Integer> {

    @ParentCommand
    Pgtestkit root;

    @Parameters(paramLabel = "DIR", arity = "0..1",
            description = "A dump directory, or a directory of dump directories.")
    Path directory;

    @Override
    public Integer call() {
        CommandOutput io = root.io();
        List<Path> dumps = new ArrayList<>();
        if (directory != null) {
            dumps.addAll(dumpsIn(directory));
        } else {
            for (DatabaseConfig db : root.config().databases()) {
                dumps.add(db.dumpDirectory());
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder(String.format("%-32s %-20s %10s %7s %12s  %s%n", "dump", "snapshot",
                "size", "tables", "rows", "commit"));
        for (Path dump : dumps) {
            if (!Files.isRegularFile(dump.resolve(DumpLayout.MANIFEST))) {
                text.append(String.format("%-32s (no dump yet)%n", dump));
                continue;
            }
            DumpManifest m = DumpManifest.read(dump);
            String commit = lastCommit(dump);
            text.append(String.format("%-32s %-20s %10s %7d %12s  %s%n", dump, m.snapshotTime().toString(),
                    Units.bytes(m.totalBytes()), m.tables().size(), Units.count(m.totalRows()),
                    commit == null ? "-" : commit));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("directory", dump.toString());
            row.put("sourceDatabase", m.sourceDatabase());
            row.put("snapshotTime", m.snapshotTime().toString());
            row.put("bytes", m.totalBytes());
            row.put("tables", m.tables().size());
            row.put("rows", m.totalRows());
            row.put("masked", m.maskingPolicyHash() != null);
            row.put("commit", commit);
            rows.add(row);
        }
        io.result(Map.of("dumps", rows), text.toString());
        return ExitCodes.SUCCESS;
    }

    /** The directory itself when it is a dump, else its subdirectories that are. */
    private static List<Path> dumpsIn(Path dir) {
        if (Files.isRegularFile(dir.resolve(DumpLayout.MANIFEST))) {
            return List.of(dir);
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(c -> Files.isRegularFile(c.resolve(DumpLayout.MANIFEST))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@code abc1234 2026-12-03} of the last commit that changed the dump, or {@code null} outside git. */
    private static String lastCommit(Path dump) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dump.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return null;
        }
        try (Repository repo = builder.build(); Git git = new Git(repo)) {
            String path = repo.getWorkTree().toPath().toRealPath().relativize(dump.toRealPath()).toString()
                    .replace('\\', '/');
            for (RevCommit c : git.log().addPath(path.isEmpty() ? "." : path).setMaxCount(1).call()) {
                return c.abbreviate(7).name() + " " + c.getCommitterIdent().getWhenAsInstant().toString()
                        .substring(0, 10);
            }
            return "uncommitted";
        } catch (IOException | GitAPIException | RuntimeException e) {
            return null;
        }
    }
}
