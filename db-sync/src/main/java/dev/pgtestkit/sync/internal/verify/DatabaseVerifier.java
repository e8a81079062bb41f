package dev.pgtestkit.sync.internal.verify;

import dev.pgtestkit.sync.PgDatabase;
import dev.pgtestkit.sync.SyncProgressListener;
import dev.pgtestkit.sync.VerifyResult;
import dev.pgtestkit.sync.internal.NotYet;
import java.nio.file.Path;

/** {@code verify(dir, db)}: per-table ordered hashes computed on the server, compared with the data files'. */
public final class DatabaseVerifier {

    private final Path directory;
    private final PgDatabase database;
    private final int jobs;
    private final SyncProgressListener listener;

    public DatabaseVerifier(Path directory, PgDatabase database, int jobs, SyncProgressListener listener) {
        this.directory = directory;
        this.database = database;
        this.jobs = jobs;
        this.listener = listener;
    }

    @SuppressWarnings("DoNotCallSuggester") // until implemented
    public VerifyResult verify() {
        listener.onEvent(dev.pgtestkit.sync.SyncEvent.notice(dev.pgtestkit.sync.SyncEvent.Phase.VERIFY, "verify"));
        throw NotYet.implemented("verify(dir, db) of " + directory + " against " + database + " (" + jobs + ")");
    }
}
