package dev.pgtestkit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pgtestkit.sync.testing.TestDumps;
import dev.pgtestkit.sync.testing.TestSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remote sync against a real SSH server (MINA SSHD with SFTP on 127.0.0.1); the real ~/.ssh is never read. */
class RemoteSyncIT {

    @TempDir
    Path tmp;

    private Path home;
    private Path serverHome;
    private KeyPair clientKey;
    private TestSshServer server;
    private final AtomicLong stopAfterBytes = new AtomicLong(-1);

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        serverHome = Files.createDirectories(tmp.resolve("server-home"));
        clientKey = TestSshServer.clientKey(home.resolve(".ssh/id_ecdsa"));
        server = TestSshServer.start(tmp.resolve("host-key.pem"), serverHome, clientKey.getPublic(),
                new StopHalfWay());
        trustServer();
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
    }

    private void trustServer() throws IOException, GeneralSecurityException {
        Files.writeString(home.resolve(".ssh/known_hosts"), server.knownHostsLine() + "\n");
    }

    private SyncConfig config() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path file = project.resolve("pgtestkit.yaml");
        Files.writeString(file, """
                dumps: db-dumps
                databases:
                  prod:
                    role: production
                    url: jdbc:postgresql://localhost:5432/app
                  test:
                    role: test
                    url: jdbc:postgresql://localhost:5432/app_test
                remotes:
                  devbox: ssh://alice@127.0.0.1:%d/srv/dumps
                """.formatted(server.port()));
        return SyncConfig.load(file, Map.of("HOME", home.toString()));
    }

    private String remote() {
        return "ssh://alice@127.0.0.1:" + server.port() + "/srv/dumps";
    }

    @Test
    void fetchesOnlyTheFilesThatDiffer() throws Exception {
        SyncConfig config = config();
        Path remoteProd = serverHome.resolve("srv/dumps/prod");
        FakeDump.write(remoteProd, Map.of("public.users", 500, "public.orders", 800), 2);
        FakeDump.write(serverHome.resolve("srv/dumps/test"), Map.of("public.users", 20), 1);
        Path localProd = config.database("prod").dumpDirectory();
        FakeDump.write(localProd, Map.of("public.users", 500, "public.orders", 700), 1);

        var results = DbSync.of(config).syncFrom("devbox");

        assertThat(TestDumps.contents(localProd)).isEqualTo(TestDumps.contents(remoteProd));
        assertThat(TestDumps.contents(config.database("test").dumpDirectory()))
                .isEqualTo(TestDumps.contents(serverHome.resolve("srv/dumps/test")));
        TransferResult prod = results.get(0);
        assertThat(prod.filesReused()).isEqualTo(2); // users' data and the unchanged schema script
        assertThat(prod.filesTransferred()).isEqualTo(2); // orders' data and post-data (it names the row count)
        assertThat(DbSync.of(config).syncFrom("devbox")).allMatch(TransferResult::upToDate);
        assertThat(siblingsOf(localProd)).containsExactlyInAnyOrder("prod", "test");
    }

    @Test
    void honoursSshConfigAliasesPortsUsersAndIdentityFiles() throws Exception {
        Files.move(home.resolve(".ssh/id_ecdsa"), tmp.resolve("elsewhere-key"));
        Files.writeString(home.resolve(".ssh/config"), """
                Host devbox
                  HostName 127.0.0.1
                  Port %d
                  User bob
                  IdentityFile %s
                """.formatted(server.port(), tmp.resolve("elsewhere-key")));
        SyncConfig config = config();
        FakeDump.write(serverHome.resolve("srv/dumps/prod"), Map.of("public.users", 10), 1);

        TransferResult result = DbSync.of(config).syncFrom("devbox:/srv/dumps", "prod");

        assertThat(result.from()).startsWith("bob@devbox:/srv/dumps/prod");
        assertThat(TestDumps.contents(config.database("prod").dumpDirectory()))
                .isEqualTo(TestDumps.contents(serverHome.resolve("srv/dumps/prod")));
    }

    @Test
    void anUnknownHostIsRefusedShowingItsFingerprintAndTheLineToTrustIt() throws Exception {
        Files.delete(home.resolve(".ssh/known_hosts"));
        SyncConfig config = config();

        assertThatThrownBy(() -> DbSync.of(config).syncFrom(remote()))
                .isInstanceOf(RemoteSyncException.class)
                .hasMessageContaining("is not known")
                .hasMessageContaining(KeyUtils.getFingerPrint(server.hostKey()))
                .hasMessageContaining(server.knownHostsLine())
                .hasMessageContaining("ssh-keyscan -p " + server.port());
        assertThat(home.resolve(".ssh/known_hosts")).doesNotExist();
    }

    @Test
    void aChangedHostKeyIsRefused() throws Exception {
        KeyPair other = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
        Files.writeString(home.resolve(".ssh/known_hosts"), "[127.0.0.1]:" + server.port() + " "
                + org.apache.sshd.common.config.keys.PublicKeyEntry.toString(other.getPublic()) + "\n");
        SyncConfig config = config();

        assertThatThrownBy(() -> DbSync.of(config).syncFrom(remote()))
                .isInstanceOf(RemoteSyncException.class)
                .hasMessageContaining("has CHANGED and is refused")
                .hasMessageContaining(KeyUtils.getFingerPrint(other.getPublic()))
                .hasMessageContaining(KeyUtils.getFingerPrint(server.hostKey()))
                .hasMessageContaining("ssh-keygen -R");
    }

    @Test
    void aKeyTheServerDoesNotAcceptIsRefusedNamingTheFix() throws Exception {
        TestSshServer.clientKey(home.resolve(".ssh/id_ecdsa")); // replaces the authorized key
        SyncConfig config = config();

        assertThatThrownBy(() -> DbSync.of(config).syncFrom(remote()))
                .isInstanceOf(RemoteSyncException.class)
                .hasMessageContaining("accepted none of our keys")
                .hasMessageContaining(home.resolve(".ssh/id_ecdsa").toString())
                .hasMessageContaining("ssh-copy-id -p " + server.port() + " alice@127.0.0.1");
    }

    @Test
    void anInterruptedFetchLeavesTheLocalDumpIntactAndResumes() throws Exception {
        SyncConfig config = config();
        Path remoteProd = serverHome.resolve("srv/dumps/prod");
        FakeDump.write(remoteProd, Map.of("public.events", 120_000, "public.users", 300), 2);
        Path localProd = config.database("prod").dumpDirectory();
        FakeDump.write(localProd, Map.of("public.events", 100, "public.users", 300), 1);
        Map<String, String> before = TestDumps.contents(localProd);
        long eventsBytes = Files.size(remoteProd.resolve("data/public.events.tsv"));
        stopAfterBytes.set(eventsBytes / 2);

        assertThatThrownBy(() -> DbSync.of(config).syncFrom(remote(), "prod"))
                .isInstanceOf(RemoteSyncException.class)
                .hasMessageContaining("interrupted").hasMessageContaining("run it again to resume");

        assertThat(TestDumps.contents(localProd)).isEqualTo(before);
        Path part = localProd.resolveSibling(".prod.incoming/data/public.events.tsv.part");
        assertThat(part).exists();
        long kept = Files.size(part);
        assertThat(kept).isPositive().isLessThan(eventsBytes);

        stopAfterBytes.set(-1);
        server.startOn(server.port());
        TransferResult resumed = DbSync.of(config).syncFrom(remote(), "prod");

        assertThat(resumed.bytesResumed()).isEqualTo(kept);
        assertThat(resumed.bytesTransferred()).isLessThan(eventsBytes);
        assertThat(TestDumps.contents(localProd)).isEqualTo(TestDumps.contents(remoteProd));
        assertThat(siblingsOf(localProd)).containsExactly("prod");
    }

    @Test
    void aFileThatDoesNotMatchTheRemoteManifestIsRefused() throws Exception {
        SyncConfig config = config();
        Path remoteProd = serverHome.resolve("srv/dumps/prod");
        FakeDump.write(remoteProd, Map.of("public.users", 300), 1);
        Path data = remoteProd.resolve("data/public.users.tsv");
        Files.writeString(data, Files.readString(data).replace("user1@", "userX@"));
        Path localProd = config.database("prod").dumpDirectory();
        FakeDump.write(localProd, Map.of("public.users", 3), 1);
        Map<String, String> before = TestDumps.contents(localProd);

        assertThatThrownBy(() -> DbSync.of(config).syncFrom(remote(), "prod"))
                .isInstanceOf(RemoteSyncException.class)
                .hasMessageContaining("data/public.users.tsv does not match its manifest")
                .hasMessageContaining("Nothing was replaced");
        assertThat(TestDumps.contents(localProd)).isEqualTo(before);
    }

    @Test
    void pushesTheChangedFilesToTheOtherMachine() throws Exception {
        SyncConfig config = config();
        FakeDump.write(config.database("prod").dumpDirectory(), Map.of("public.users", 50), 3);
        FakeDump.write(config.database("test").dumpDirectory(), Map.of("public.users", 5), 1);
        FakeDump.write(serverHome.resolve("srv/dumps/prod"), Map.of("public.users", 40), 1);

        var results = DbSync.of(config).pushTo("devbox");

        assertThat(TestDumps.contents(serverHome.resolve("srv/dumps/prod")))
                .isEqualTo(TestDumps.contents(config.database("prod").dumpDirectory()));
        assertThat(TestDumps.contents(serverHome.resolve("srv/dumps/test")))
                .isEqualTo(TestDumps.contents(config.database("test").dumpDirectory()));
        assertThat(results).extracting(TransferResult::upToDate).containsExactly(false, false);
        assertThat(siblingsOf(serverHome.resolve("srv/dumps/prod"))).containsExactlyInAnyOrder("prod", "test");

        DbSync.of(config).pushTo("ssh://alice@127.0.0.1:" + server.port() + "/fresh/root"); // no such directory yet
        assertThat(TestDumps.contents(serverHome.resolve("fresh/root/test")))
                .isEqualTo(TestDumps.contents(config.database("test").dumpDirectory()));
    }

    @Test
    void usesTheKeysOfTheSshAgent() throws Exception {
        Path agentBinary = Stream.of(System.getenv("PATH").split(":", -1)).map(p -> Path.of(p, "ssh-agent"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(agentBinary != null, "OpenSSH's ssh-agent is not installed");
        Path key = tmp.resolve("agent-key");
        run("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-C", "agent-key", "-f", key.toString());
        Path socket = tmp.resolve("agent.sock");
        Process agent = new ProcessBuilder(agentBinary.toString(), "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("agent.log").toFile()).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(socket); i++) {
                Thread.sleep(50);
            }
            ProcessBuilder add = new ProcessBuilder("ssh-add", key.toString());
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            assertThat(add.redirectErrorStream(true).start().waitFor()).isZero();
            Files.delete(home.resolve(".ssh/id_ecdsa")); // no key file left: only the agent can sign
            server.close();
            server = TestSshServer.start(tmp.resolve("host-key.pem"), serverHome, AuthorizedKeyEntry
                    .parseAuthorizedKeyEntry(Files.readString(key.resolveSibling("agent-key.pub")).strip())
                    .resolvePublicKey(null, PublicKeyEntryResolver.IGNORING), new StopHalfWay());
            trustServer();
            config();
            FakeDump.write(serverHome.resolve("srv/dumps/prod"), Map.of("public.users", 10), 1);
            SyncConfig config = SyncConfig.load(tmp.resolve("project/pgtestkit.yaml"), Map.of("HOME",
                    home.toString(), "SSH_AUTH_SOCK", socket.toString()));

            DbSync.of(config).syncFrom(remote(), "prod");

            assertThat(TestDumps.contents(config.database("prod").dumpDirectory()))
                    .isEqualTo(TestDumps.contents(serverHome.resolve("srv/dumps/prod")));
            SyncConfig withoutAgent = SyncConfig.load(tmp.resolve("project/pgtestkit.yaml"), Map.of("HOME",
                    home.toString()));
            assertThatThrownBy(() -> DbSync.of(withoutAgent).syncFrom(remote(), "prod"))
                    .hasMessageContaining("no key found in " + home.resolve(".ssh") + " and no agent");
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }

    private static java.util.List<String> siblingsOf(Path dir) throws IOException {
        try (Stream<Path> all = Files.list(dir.getParent())) {
            return all.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** Stops the server, dropping the session, once half of a large file has been read. */
    private final class StopHalfWay implements SftpEventListener {
        private final AtomicBoolean stopping = new AtomicBoolean();

        @Override
        public void read(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                byte[] data, int dataOffset, int dataLen, int readLen, Throwable thrown) {
            long limit = stopAfterBytes.get();
            if (limit > 0 && offset + Math.max(readLen, 0) >= limit && stopping.compareAndSet(false, true)) {
                Thread stopper = new Thread(() -> {
                    try {
                        server.stopNow();
                    } catch (IOException ignored) {
                        // The test then fails on the completed transfer instead.
                    } finally {
                        stopping.set(false);
                    }
                });
                stopper.start();
                try {
                    stopper.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
