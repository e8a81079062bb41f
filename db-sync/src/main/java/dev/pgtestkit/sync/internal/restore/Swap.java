package dev.pgtestkit.sync.internal.restore;

import dev.pgtestkit.sync.DumpManifest;
import dev.pgtestkit.sync.RestoreException;
import dev.pgtestkit.sync.RestoreOptions;
import dev.pgtestkit.sync.RestoreResult;
import dev.pgtestkit.sync.SyncEvent;
import dev.pgtestkit.sync.SyncEvent.Phase;
import dev.pgtestkit.sync.SyncProgressListener;
import dev.pgtestkit.sync.internal.Sessions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Replaces the target with the verified shadow by renaming: new connections to the target are refused first, its
 * sessions reported (terminated on request), then target → {@code pgtestkit_old_<tag>_<time>}, shadow → target, and
 * the old one dropped or kept as {@code pgtestkit_kept_<tag>_<time>}. A failed rename puts the target back.
 */
final class Swap {

    private static final String OLD = "pgtestkit_old_";
    private static final String KEPT = "pgtestkit_kept_";

    private final Connection admin;
    private final String target;
    private final String tag;
    private final String shadow;
    private final Catalog.DatabaseInfo existing;
    private final RestoreOptions options;

    Swap(Connection admin, String target, String tag, String shadow, Catalog.DatabaseInfo existing,
         RestoreOptions options) {
        this.admin = admin;
        this.target = target;
        this.tag = tag;
        this.shadow = shadow;
        this.existing = existing;
        this.options = options;
    }

    RestoreResult run(DumpManifest manifest, long bytes, RestoreRun run) throws SQLException {
        options.listener().onEvent(new SyncEvent(SyncEvent.Type.PHASE_STARTED, Phase.SWAP, null, 0, 0, 0, null));
        if (existing == null) {
            rename(shadow, target);
            comment(target, null);
            return finish(run.result(manifest, bytes, null, List.of()));
        }
        List<String> sessions = Catalog.lingeringSessions(admin, target);
        if (!sessions.isEmpty()) {
            options.listener().onEvent(SyncEvent.notice(Phase.SWAP, sessions.size() + " session(s) connected to "
                    + target + (options.terminateSessions() ? ", terminating them" : "") + ":\n  "
                    + String.join("\n  ", sessions)));
            if (!options.terminateSessions()) {
                throw new RestoreException("Cannot replace database '" + target + "': " + sessions.size()
                        + " session(s) are connected to it:\n  " + String.join("\n  ", sessions) + "\nClose them,"
                        + " or ask the restore to terminate them (terminateSessions / --terminate-sessions). The"
                        + " target is unchanged.");
            }
        }
        Sessions.execute(admin, "ALTER DATABASE " + Sessions.quote(target) + " ALLOW_CONNECTIONS false");
        String old = OLD + tag + "_" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(
                "yyyyMMddHHmmss"));
        try {
            Catalog.terminateSessions(admin, target);
            rename(target, old);
        } catch (SQLException e) {
            Sessions.execute(admin, "ALTER DATABASE " + Sessions.quote(target) + " ALLOW_CONNECTIONS true");
            throw e;
        }
        try {
            rename(shadow, target);
        } catch (SQLException e) {
            rename(old, target);
            Sessions.execute(admin, "ALTER DATABASE " + Sessions.quote(target) + " ALLOW_CONNECTIONS true");
            throw e;
        }
        comment(target, existing.comment());
        owner();
        String kept = null;
        if (options.keepOld()) {
            kept = KEPT + old.substring(OLD.length());
            rename(old, kept);
            Sessions.execute(admin, "ALTER DATABASE " + Sessions.quote(kept) + " ALLOW_CONNECTIONS true");
        } else {
            Sessions.execute(admin, "DROP DATABASE " + Sessions.quote(old));
        }
        return finish(run.result(manifest, bytes, kept, sessions));
    }

    /**
     * A restore killed between its two renames left the target missing and the old one under its old name: puts it
     * back, so the next restore starts from the last complete copy. Returns the target as it now is.
     */
    static Catalog.DatabaseInfo recoverInterruptedSwap(Connection admin, String target, String tag,
                                                       Catalog.DatabaseInfo existing, SyncProgressListener listener)
            throws SQLException {
        List<String> olds = Catalog.databases(admin, OLD + tag + "_");
        if (olds.isEmpty()) {
            return existing;
        }
        if (existing == null) {
            String newest = olds.get(olds.size() - 1);
            listener.onEvent(SyncEvent.notice(Phase.CLEANUP, "Renaming " + newest + " back to " + target
                    + ": an interrupted restore left it aside"));
            Sessions.execute(admin, "ALTER DATABASE " + Sessions.quote(newest) + " RENAME TO " + Sessions.quote(target));
            Sessions.execute(admin, "ALTER DATABASE " + Sessions.quote(target) + " ALLOW_CONNECTIONS true");
            olds = olds.subList(0, olds.size() - 1);
        }
        for (String old : olds) {
            listener.onEvent(SyncEvent.notice(Phase.CLEANUP, "Dropping " + old + ", replaced by an earlier restore"));
            Sessions.execute(admin, "DROP DATABASE IF EXISTS " + Sessions.quote(old));
        }
        return Catalog.database(admin, target);
    }

    private RestoreResult finish(RestoreResult result) {
        options.listener().onEvent(new SyncEvent(SyncEvent.Type.PHASE_FINISHED, Phase.SWAP, null, result.rows(),
                result.bytes(), result.bytes(), null));
        return result;
    }

    private void rename(String from, String to) throws SQLException {
        Sessions.execute(admin, "ALTER DATABASE " + Sessions.quote(from) + " RENAME TO " + Sessions.quote(to));
    }

    private void comment(String database, String text) throws SQLException {
        Sessions.execute(admin, "COMMENT ON DATABASE " + Sessions.quote(database) + " IS "
                + (text == null ? "NULL" : Sessions.literal(text)));
    }

    private void owner() {
        try {
            Sessions.execute(admin, "ALTER DATABASE " + Sessions.quote(target) + " OWNER TO "
                    + Sessions.quote(existing.owner()));
        } catch (SQLException e) {
            options.listener().onEvent(SyncEvent.notice(Phase.SWAP, "The restored " + target + " is owned by the"
                    + " restoring user, not " + existing.owner() + " as before: " + e.getMessage()));
        }
    }
}
