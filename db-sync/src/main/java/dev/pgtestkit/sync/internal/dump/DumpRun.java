package dev.pgtestkit.sync.internal.dump;

import dev.pgtestkit.sync.DumpManifest;
import dev.pgtestkit.sync.DumpOptions;
import dev.pgtestkit.sync.PgDatabase;
import dev.pgtestkit.sync.internal.NotYet;
import java.nio.file.Path;

/** One dump: snapshot, schema, parallel data, manifest, publish. */
public final class DumpRun {

    private final PgDatabase source;
    private final Path directory;
    private final DumpOptions options;

    public DumpRun(PgDatabase source, Path directory, DumpOptions options) {
        this.source = source;
        this.directory = directory;
        this.options = options;
    }

    @SuppressWarnings("DoNotCallSuggester") // until implemented
    public DumpManifest run() {
        throw NotYet.implemented("dump of " + source + " into " + directory + " (" + options.jobs() + " jobs)");
    }
}
