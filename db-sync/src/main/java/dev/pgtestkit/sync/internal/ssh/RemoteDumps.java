package dev.pgtestkit.sync.internal.ssh;

import dev.pgtestkit.sync.DatabaseConfig;
import dev.pgtestkit.sync.RemoteLocation;
import dev.pgtestkit.sync.RemoteSyncException;
import dev.pgtestkit.sync.SyncConfig;
import dev.pgtestkit.sync.TransferResult;
import dev.pgtestkit.sync.internal.ssh.SshConnector.Sftp;
import dev.pgtestkit.sync.internal.transfer.DumpStore;
import dev.pgtestkit.sync.internal.transfer.DumpTransfer;
import dev.pgtestkit.sync.internal.transfer.LocalStore;
import dev.pgtestkit.sync.internal.transfer.SftpStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Moves the configured databases' dumps between this machine and another over SFTP. On the other machine each
 * dump lives at the same place relative to the dump root as here ({@code <root>/<name>} by default); the root is
 * the location's path, or else this machine's dump root relative to the home directory (absolute when outside it).
 */
public final class RemoteDumps {

    private final SyncConfig config;

    public RemoteDumps(SyncConfig config) {
        this.config = config;
    }

    /** Fetches each database's dump from {@code location}; {@code verifyLocal} checks a staged dump before it is
     * published. */
    public List<TransferResult> fetch(RemoteLocation location, List<DatabaseConfig> databases,
            Consumer<Path> verifyLocal) {
        return run(location, databases, true, verifyLocal);
    }

    /** Pushes each database's dump to {@code location}. */
    public List<TransferResult> push(RemoteLocation location, List<DatabaseConfig> databases) {
        return run(location, databases, false, p -> { });
    }

    private List<TransferResult> run(RemoteLocation location, List<DatabaseConfig> databases, boolean fetch,
            Consumer<Path> verifyLocal) {
        String remoteRoot = location.path() != null ? location.path() : defaultRemoteRoot();
        List<TransferResult> results = new ArrayList<>();
        try (SshConnector connector = new SshConnector(config.homeDirectory(), config.environment());
                Sftp sftp = connector.open(location)) {
            String who = sftp.session().getUsername() + "@" + location.host();
            for (DatabaseConfig db : databases) {
                String remoteDir = remoteRoot + "/" + relative(db);
                int slash = remoteDir.lastIndexOf('/');
                DumpStore remote = new SftpStore(sftp.client(), remoteDir.substring(0, slash), who);
                String remoteName = remoteDir.substring(slash + 1);
                Path local = db.dumpDirectory().toAbsolutePath();
                DumpStore here = new LocalStore(local.getParent());
                String localName = local.getFileName().toString();
                DumpTransfer transfer = fetch ? new DumpTransfer(db.name(), remote, remoteName, here, localName)
                        : new DumpTransfer(db.name(), here, localName, remote, remoteName);
                results.add(transfer.run(staged -> {
                    if (fetch) {
                        verifyLocal.accept(local.getParent().resolve(staged));
                    }
                }));
            }
        } catch (IOException e) {
            throw new RemoteSyncException("The SSH session to " + location + " failed: " + e.getMessage(), e);
        }
        return results;
    }

    private String relative(DatabaseConfig db) {
        Path root = config.dumpDirectory().toAbsolutePath();
        Path dir = db.dumpDirectory().toAbsolutePath();
        return dir.startsWith(root) && !dir.equals(root) ? root.relativize(dir).toString().replace('\\', '/')
                : db.name();
    }

    private String defaultRemoteRoot() {
        Path root = config.dumpDirectory().toAbsolutePath();
        Path home = config.homeDirectory().toAbsolutePath();
        return root.startsWith(home) ? home.relativize(root).toString().replace('\\', '/') : root.toString();
    }
}
