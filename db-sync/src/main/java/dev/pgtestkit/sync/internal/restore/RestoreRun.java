package dev.pgtestkit.sync.internal.restore;

import dev.pgtestkit.sync.PgDatabase;
import dev.pgtestkit.sync.RestoreOptions;
import dev.pgtestkit.sync.RestoreResult;
import dev.pgtestkit.sync.internal.NotYet;
import java.nio.file.Path;

/** One restore: shadow, load, verify, swap. */
public final class RestoreRun {

    private final Path directory;
    private final PgDatabase target;
    private final RestoreOptions options;

    public RestoreRun(Path directory, PgDatabase target, RestoreOptions options) {
        this.directory = directory;
        this.target = target;
        this.options = options;
    }

    @SuppressWarnings("DoNotCallSuggester") // until implemented
    public RestoreResult restore() {
        throw NotYet.implemented("restore of " + directory + " into " + target + " (" + options.jobs() + " jobs)");
    }

    public RestoreResult loadInPlace() {
        return restore();
    }
}
