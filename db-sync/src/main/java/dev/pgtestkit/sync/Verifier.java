package dev.pgtestkit.sync;

import dev.pgtestkit.sync.internal.verify.DatabaseVerifier;
import dev.pgtestkit.sync.internal.verify.DirectoryVerifier;
import java.nio.file.Path;

/**
 * Checks dumps. Any difference throws {@link VerificationException} listing every table or file that differs: a
 * verification never passes quietly over a difference.
 */
public final class Verifier {

    private Verifier() {
    }

    /**
     * Checks a dump directory against its manifest: format version, every file present with its size and SHA-256,
     * row counts, and no data file the manifest does not list.
     */
    public static VerifyResult verify(Path dumpDirectory) {
        return verify(dumpDirectory, SyncProgressListener.NONE);
    }

    /** {@link #verify(Path)}, reporting progress. */
    public static VerifyResult verify(Path dumpDirectory, SyncProgressListener listener) {
        return new DirectoryVerifier(dumpDirectory, listener).verify();
    }

    /**
     * Checks that {@code database} holds exactly the dump's data: every table's rows, in the dump's order, hashed on
     * the server (no download) and compared with the same hash of the data files; row counts; tables present.
     */
    public static VerifyResult verify(Path dumpDirectory, PgDatabase database) {
        return verify(dumpDirectory, database, 2, SyncProgressListener.NONE);
    }

    /** {@link #verify(Path, PgDatabase)} with {@code jobs} parallel connections, reporting progress. */
    public static VerifyResult verify(Path dumpDirectory, PgDatabase database, int jobs,
                                      SyncProgressListener listener) {
        return new DatabaseVerifier(dumpDirectory, database, jobs, listener).verify();
    }
}
