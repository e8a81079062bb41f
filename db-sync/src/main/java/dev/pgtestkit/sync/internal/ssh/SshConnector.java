package dev.pgtestkit.sync.internal.ssh;

import dev.pgtestkit.sync.RemoteLocation;
import dev.pgtestkit.sync.RemoteSyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.ConfigFileHostEntryResolver;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.util.OsUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * Opens SFTP sessions the way OpenSSH's {@code ssh} would: {@code ~/.ssh/config} (aliases, host names, ports,
 * users, identity files), the default keys of {@code ~/.ssh}, the agent of {@code SSH_AUTH_SOCK}, and strict
 * {@code known_hosts} checking. The home directory is a parameter, so tests never touch the real {@code ~/.ssh}.
 */
public final class SshConnector implements AutoCloseable {

    /** The passphrase of encrypted key files, when they have one and no agent holds them. */
    public static final String PASSPHRASE_VARIABLE = "PGTESTKIT_SSH_PASSPHRASE";

    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    private final Path sshDir;
    private final SshClient client;
    private final StrictKnownHosts knownHosts;
    private final HostConfigEntryResolver hosts;

    public SshConnector(Path home, Map<String, String> env) {
        this.sshDir = home.resolve(".ssh");
        this.client = SshClient.setUpDefaultClient();
        Path config = sshDir.resolve("config");
        this.hosts = Files.isRegularFile(config) ? new ConfigFileHostEntryResolver(config)
                : HostConfigEntryResolver.EMPTY;
        client.setHostConfigEntryResolver(hosts);
        this.knownHosts = new StrictKnownHosts(sshDir.resolve("known_hosts"));
        client.setServerKeyVerifier(knownHosts);
        List<Path> keys = DEFAULT_KEYS.stream().map(sshDir::resolve).filter(Files::isRegularFile).toList();
        client.setKeyIdentityProvider(new FileKeyPairProvider(keys));
        String passphrase = env.get(PASSPHRASE_VARIABLE);
        if (passphrase != null) {
            client.setFilePasswordProvider(FilePasswordProvider.of(passphrase));
        }
        String agentSocket = env.get("SSH_AUTH_SOCK");
        if (agentSocket != null && !agentSocket.isBlank() && Files.exists(Path.of(agentSocket))) {
            client.setAgentFactory(new UnixSocketAgent.Factory(Path.of(agentSocket)));
        }
        client.start();
    }

    /** An authenticated SFTP session to {@code location}; every refusal becomes a {@link RemoteSyncException}. */
    public Sftp open(RemoteLocation location) {
        HostConfigEntry entry = resolve(location);
        String where = entry.getUsername() + "@" + entry.getHostName() + ":" + entry.getPort();
        ClientSession session = null;
        try {
            session = client.connect(entry, null, null).verify(CONNECT_TIMEOUT).getSession();
            session.auth().verify(CONNECT_TIMEOUT);
            SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
            return new Sftp(session, sftp, location);
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            throw explain(location, entry, where, e);
        }
    }

    private HostConfigEntry resolve(RemoteLocation location) {
        // Port 0 lets ~/.ssh/config's Port apply; 22 when it has none.
        int port = location.port() > 0 ? location.port() : 22;
        HostConfigEntry entry;
        try {
            entry = hosts.resolveEffectiveHost(location.host(), location.port(), null, location.user(), null, null);
        } catch (IOException e) {
            throw new RemoteSyncException("Cannot read " + sshDir.resolve("config") + ": " + e.getMessage(), e);
        }
        if (entry == null) {
            entry = new HostConfigEntry(location.host(), location.host(), port, null);
        }
        if (entry.getUsername() == null || entry.getUsername().isEmpty()) {
            entry.setUsername(location.user() != null ? location.user() : OsUtils.getCurrentUser());
        }
        if (entry.getPort() <= 0) {
            entry.setPort(port);
        }
        return entry;
    }

    private RemoteSyncException explain(RemoteLocation location, HostConfigEntry entry, String where, Exception e) {
        String refusal = knownHosts.refusal();
        if (refusal != null) {
            return new RemoteSyncException(refusal, e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("No more authentication methods")) {
            return new RemoteSyncException(where + " accepted none of our keys (" + offered(entry) + "). Add your"
                    + " public key to ~/.ssh/authorized_keys of " + entry.getUsername() + " on " + entry.getHostName()
                    + " (ssh-copy-id -p " + entry.getPort() + " " + entry.getUsername() + "@" + entry.getHostName()
                    + "), or name the right key with IdentityFile under 'Host " + location.host() + "' in "
                    + sshDir.resolve("config") + ".", e);
        }
        return new RemoteSyncException("Cannot open an SSH session to " + where + " (" + location + "): " + message
                + ". Check that the host is up and that " + sshDir.resolve("config") + " names the right host and"
                + " port.", e);
    }

    private String offered(HostConfigEntry entry) {
        StringBuilder keys = new StringBuilder();
        try (Stream<Path> files = Stream.concat(DEFAULT_KEYS.stream().map(sshDir::resolve),
                entry.getIdentities().stream().map(Path::of))) {
            files.filter(Files::isRegularFile).forEach(k -> keys.append(keys.length() == 0 ? "" : ", ").append(k));
        }
        if (client.getAgentFactory() != null) {
            keys.append(keys.length() == 0 ? "" : ", ").append("the agent's keys");
        }
        return keys.length() == 0 ? "no key found in " + sshDir + " and no agent" : keys.toString();
    }

    private static void closeQuietly(ClientSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (IOException ignored) {
                // The session is being abandoned after a failure that is already being reported.
            }
        }
    }

    @Override
    public void close() {
        client.stop();
    }

    /** An open SFTP session; closing it closes the SSH session. */
    public record Sftp(ClientSession session, SftpClient client, RemoteLocation location) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                client.close();
            } finally {
                session.close();
            }
        }
    }
}
