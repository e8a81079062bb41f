package dev.pgtestkit.sync;

import dev.pgtestkit.sync.internal.restore.RestoreRun;
import java.nio.file.Path;

/**
 * Restores a dump directory atomically: into a shadow database created beside the target (pre-data, parallel COPY,
 * post-data, sequences, {@code ANALYZE}), verified against the manifest's row counts and checksums, and only then
 * swapped in by renaming. A failed or interrupted restore leaves the target exactly as it was; its shadow is dropped,
 * or, if the process was killed, by the next restore of that target. An advisory lock keeps two restores of one
 * target apart.
 *
 * <pre>{@code
 * RestoreResult result = Restorer.restore(Path.of("dumps/app"), PgDatabase.of(url, user, password),
 *         RestoreOptions.builder().jobs(4).terminateSessions(true).build());
 * }</pre>
 */
public final class Restorer {

    /**
     * The text that marks a database as production in its comment ({@code COMMENT ON DATABASE app IS
     * 'pgtestkit:production'}, anywhere in the comment): such a target is refused without
     * {@link RestoreOptions.Builder#allowProduction}.
     */
    public static final String PRODUCTION_MARKER = "pgtestkit:production";

    /** The prefix of every shadow database's name, so leftovers are recognisable. */
    public static final String SHADOW_PREFIX = "pgtestkit_shadow_";

    private Restorer() {
    }

    /**
     * Replaces {@code target} (created if missing) with the dump's content.
     *
     * @throws ManifestException when the manifest is missing, unreadable or newer than this pgtestkit
     * @throws VerificationException when a file is missing, truncated or tampered with (target untouched)
     * @throws ProductionDatabaseException when the target is production and that was not explicitly allowed
     * @throws ConcurrentRestoreException when another restore of the target is running
     * @throws RestoreException on any other failure (target untouched, shadow dropped)
     */
    public static RestoreResult restore(Path dumpDirectory, PgDatabase target, RestoreOptions options) {
        return new RestoreRun(dumpDirectory, target, options).restore();
    }

    /** {@link #restore(Path, PgDatabase, RestoreOptions)} with {@link RestoreOptions#defaults()}. */
    public static RestoreResult restore(Path dumpDirectory, PgDatabase target) {
        return restore(dumpDirectory, target, RestoreOptions.defaults());
    }

    /**
     * Loads the dump into an existing, empty database, in place (no shadow, no swap), verified the same way. For
     * databases nothing else uses yet, such as a template being built ({@link DumpTemplateSource}); production
     * markers and the advisory lock do not apply.
     */
    public static RestoreResult loadInto(Path dumpDirectory, PgDatabase emptyDatabase, RestoreOptions options) {
        return new RestoreRun(dumpDirectory, emptyDatabase, options).loadInPlace();
    }
}
