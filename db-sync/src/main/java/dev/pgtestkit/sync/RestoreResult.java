package dev.pgtestkit.sync;

import java.time.Duration;
import java.util.List;

/**
 * What a restore did.
 *
 * @param database    the restored database's name
 * @param manifest    the dump's manifest
 * @param rows        rows loaded (equal to the manifest's, verified)
 * @param bytes       data bytes read
 * @param duration    the whole restore, verification and swap included
 * @param oldDatabase the replaced target's new name when it was kept, else {@code null}
 * @param sessions    sessions that were connected to the target before the swap (terminated on request), one line
 *                    each (pid, user, application, client address)
 */
public record RestoreResult(String database, DumpManifest manifest, long rows, long bytes, Duration duration,
                            String oldDatabase, List<String> sessions) {

    public RestoreResult {
        sessions = List.copyOf(sessions);
    }
}
