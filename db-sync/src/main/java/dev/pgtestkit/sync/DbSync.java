package dev.pgtestkit.sync;

import dev.pgtestkit.sync.internal.ssh.RemoteDumps;
import java.util.List;

/**
 * The seed's {@code DatabaseSyncManager} as library calls: the configured databases' dumps moved between machines
 * over SSH. Built from a {@link SyncConfig}; stateless between calls and safe to share.
 *
 * <pre>{@code
 * DbSync sync = DbSync.of(SyncConfig.discover());
 * sync.syncFrom("me@otherhost");            // fetch the other machine's dumps
 * }</pre>
 */
public final class DbSync {

    private final SyncConfig config;

    private DbSync(SyncConfig config) {
        this.config = config;
    }

    /** The workflows of {@code config}'s databases. */
    public static DbSync of(SyncConfig config) {
        return new DbSync(config);
    }

    /** The configuration this works from. */
    public SyncConfig config() {
        return config;
    }

    /**
     * Fetches every configured database's dump from another machine over SSH/SFTP. Only files whose SHA-256 differs
     * from the local dump's manifest are transferred; each is checked against the remote manifest, and a local dump
     * is replaced only when the whole new one is there. An interrupted fetch resumes at the next call.
     *
     * @param remote a remote named in the configuration's remotes section, {@code [user@]host[:path]} or
     *               {@code ssh://[user@]host[:port][/path]}
     * @throws RemoteSyncException when the host is unknown or its key changed, refuses our keys, has no dump, or
     *     the transfer breaks (local dumps are then untouched)
     */
    public List<TransferResult> syncFrom(String remote) {
        return new RemoteDumps(config).fetch(config.remote(remote), config.databases(), staged -> { });
    }

    /** Like {@link #syncFrom(String)}, for one database. */
    public TransferResult syncFrom(String remote, String database) {
        return new RemoteDumps(config).fetch(config.remote(remote), List.of(config.database(database)),
                staged -> { }).get(0);
    }

    /**
     * Sends every configured database's dump to another machine, the same way {@link #syncFrom(String)} fetches:
     * changed files only, staged beside the remote dump and swapped in when complete.
     */
    public List<TransferResult> pushTo(String remote) {
        return new RemoteDumps(config).push(config.remote(remote), config.databases());
    }
}
