package dev.pgtestkit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.sync.testing.TestSshServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords on a server that demands them (its own embedded cluster with an hba_file requiring SCRAM for every
 * user but the superuser): where they come from, the errors when they are missing or wrong, and a scan of every
 * file, log line and commit a sharing run produces, which must not contain one.
 */
class PasswordsIT {

    private static final String PASSWORD = "Pw-" + UUID.randomUUID();
    private static final String ROLE = "pgtk_owner";

    private static Path hbaDir;
    private static PostgresServer server;
    private static String database;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServerThatWantsPasswords() throws Exception {
        hbaDir = Files.createTempDirectory("pgtestkit-hba-");
        Path hba = hbaDir.resolve("pg_hba.conf");
        Files.writeString(hba, """
                local all all trust
                host all postgres 127.0.0.1/32 trust
                host all postgres ::1/128 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """);
        // The cluster may run as another OS user than the tests (never as root): it must read the file.
        Files.setPosixFilePermissions(hbaDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(hba, PosixFilePermissions.fromString("rw-r--r--"));
        server = PostgresProvider.embedded().setting("hba_file", hba.toString()).withKeptData(false).start();
        database = "pgtk_pw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = server.connect(server.adminDatabase()); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
            s.execute("CREATE DATABASE " + database + " OWNER " + ROLE);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> files = Files.walk(hbaDir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private String url() {
        String admin = server.jdbcUrl(database);
        return admin.substring(0, admin.indexOf('?') < 0 ? admin.length() : admin.indexOf('?')) + "?user=" + ROLE;
    }

    private SyncConfig config(Map<String, String> extraEnv) throws IOException {
        Path file = tmp.resolve("pgtestkit.yaml");
        Files.writeString(file, """
                databases:
                  app:
                    role: test
                    url: %s
                remotes:
                  peer: ssh://me@127.0.0.1:%d/srv/dumps
                """.formatted(url(), sshPort));
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("HOME", tmp.resolve("home").toString());
        return SyncConfig.load(file, env);
    }

    private int sshPort = 22;

    private static String whoAmI(SyncConfig config) throws SQLException {
        try (Connection c = config.dataSource(config.database("app")).getConnection();
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aMissingPasswordNamesWhereToPutOne() throws IOException {
        SyncConfig config = config(Map.of());

        assertThatThrownBy(() -> whoAmI(config))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("Database 'app'").hasMessageContaining("asks for a password and none was found")
                .hasMessageContaining("PGTESTKIT_DATABASES_APP_PASSWORD").hasMessageContaining("~/.pgpass");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutRepeatingIt() throws IOException {
        SyncConfig config = config(Map.of("PGTESTKIT_DATABASES_APP_PASSWORD", "not-" + PASSWORD));

        assertThatThrownBy(() -> whoAmI(config))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("refused the password found for it")
                .message().doesNotContain(PASSWORD);
    }

    @Test
    void passwordsComeFromTheEnvironmentOrThePasswordFile() throws Exception {
        assertThat(whoAmI(config(Map.of("PGTESTKIT_DATABASES_APP_PASSWORD", PASSWORD)))).isEqualTo(ROLE);
        assertThat(whoAmI(config(Map.of("PGPASSWORD", PASSWORD)))).isEqualTo(ROLE);
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve(".pgpass"), "*:*:other_db:*:nope\n127.0.0.1:*:" + database + ":" + ROLE + ":"
                + PASSWORD.replace(":", "\\:") + "\n");
        assertThat(whoAmI(config(Map.of()))).isEqualTo(ROLE);
    }

    @Test
    void noFileLogLineOrCommitOfASharingRunHoldsThePassword() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        PrintStream capture = new PrintStream(new TeeStream(log, originalErr), true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        List<String> messages = new ArrayList<>();
        try {
            Path home = Files.createDirectories(tmp.resolve("home"));
            KeyPair key = TestSshServer.clientKey(home.resolve(".ssh/id_ecdsa"));
            Path serverHome = Files.createDirectories(tmp.resolve("server-home"));
            try (TestSshServer ssh = TestSshServer.start(tmp.resolve("host-key.pem"), serverHome, key.getPublic(),
                    null)) {
                sshPort = ssh.port();
                Files.writeString(home.resolve(".ssh/known_hosts"), ssh.knownHostsLine() + "\n");
                Git git = Git.init().setDirectory(tmp.toFile()).setInitialBranch("main").call();
                SyncConfig config = config(Map.of("PGTESTKIT_DATABASES_APP_PASSWORD", PASSWORD));
                try (Connection c = config.dataSource(config.database("app")).getConnection();
                        Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE users (id int PRIMARY KEY, email text)");
                    s.execute("INSERT INTO users SELECT i, 'u' || i || '@example.com' FROM generate_series(1, 50) i");
                }
                DbSync sync = DbSync.of(config);
                messages.add(sync.dump("app").toString());
                messages.add(sync.commitDumps("dump of app").summary());
                messages.add(sync.pushTo("peer").toString());
                messages.add(sync.syncFrom("peer").toString());
                try {
                    whoAmI(config(Map.of("PGTESTKIT_DATABASES_APP_PASSWORD", PASSWORD + "x")));
                } catch (ConnectionException expected) {
                    messages.add(expected.getMessage());
                }
                messages.add(config.dataSource(config.database("app")).toString());
                scanGit(git.getRepository());
                git.close();
            }
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        assertThat(messages).hasSizeGreaterThan(4).noneMatch(m -> m.contains(PASSWORD));
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged).isNotEmpty().doesNotContain(PASSWORD);
        List<Path> scanned = new ArrayList<>();
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(PASSWORD);
                scanned.add(f);
            }
        }
        assertThat(scanned).anyMatch(p -> p.endsWith("manifest.json"))
                .anyMatch(p -> p.toString().contains("server-home")).anyMatch(p -> p.endsWith("pgtestkit.yaml"));
    }

    /** Every commit message and every blob of every commit (git's objects are compressed: read them through git). */
    private static void scanGit(Repository repo) throws IOException {
        int blobs = 0;
        try (RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(repo.resolve("HEAD")));
            for (RevCommit commit : walk) {
                assertThat(commit.getFullMessage()).doesNotContain(PASSWORD);
                try (TreeWalk tree = new TreeWalk(repo)) {
                    tree.addTree(commit.getTree());
                    tree.setRecursive(true);
                    while (tree.next()) {
                        ObjectId id = tree.getObjectId(0);
                        ObjectLoader blob = repo.open(id);
                        assertThat(new String(blob.getBytes(), StandardCharsets.ISO_8859_1))
                                .as(tree.getPathString()).doesNotContain(PASSWORD);
                        blobs++;
                    }
                }
            }
        }
        assertThat(blobs).isPositive();
    }

    /** Writes to the capture and to the original stream, so test output stays visible. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
