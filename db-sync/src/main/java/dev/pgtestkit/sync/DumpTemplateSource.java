package dev.pgtestkit.sync;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.TemplateContext;
import dev.pgtestkit.core.TemplateSource;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A dump directory as the content of a test template: every test class clones it like a migrated template. The
 * template is keyed by the manifest's {@link DumpManifest#contentHash()}, so it is built once per server and
 * rebuilt when the dump changes (not when it is merely dumped again).
 *
 * <pre>{@code
 * DatabaseTemplate template = DatabaseTemplate.builder(server)
 *         .source(DumpTemplateSource.of(Path.of("dumps/prod-masked")))
 *         .build();
 * }</pre>
 *
 * @see DatabaseTemplate.Builder#source(TemplateSource)
 */
public final class DumpTemplateSource implements TemplateSource {

    private final Path directory;
    private final int jobs;

    private DumpTemplateSource(Path directory, int jobs) {
        this.directory = directory;
        this.jobs = jobs;
    }

    /** The dump in {@code directory}, loaded with 2 connections. */
    public static DumpTemplateSource of(Path directory) {
        return new DumpTemplateSource(Objects.requireNonNull(directory, "directory"), 2);
    }

    /** The same dump, loaded with {@code jobs} parallel connections. */
    public DumpTemplateSource jobs(int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
        return new DumpTemplateSource(directory, jobs);
    }

    @Override
    public void describe(TemplateContext context) {
        DumpManifest manifest = DumpManifest.read(directory);
        context.checksum("db-sync dump " + manifest.contentHash());
        context.onBuild(database -> Restorer.loadInto(directory, PgDatabase.of(context.server(), database),
                RestoreOptions.builder().jobs(jobs).build()));
    }

    @Override
    public String toString() {
        return "dump " + directory;
    }
}
