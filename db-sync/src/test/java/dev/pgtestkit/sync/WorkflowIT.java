package dev.pgtestkit.sync;

import static dev.pgtestkit.sync.SyncTestSupport.SERVER;
import static dev.pgtestkit.sync.SyncTestSupport.database;
import static dev.pgtestkit.sync.SyncTestSupport.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.sync.testing.TestDumps;
import dev.pgtestkit.sync.testing.TestSshServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's workflows on real databases, real dumps, a real git remote and a real SSH server: dump all and commit
 * and push, another machine pulls the same dump through git or fetches it over SSH.
 */
class WorkflowIT {

    static final String SCHEMA = """
            CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL UNIQUE, full_name text, joined date);
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id int NOT NULL REFERENCES users, total numeric(10,2));
            """;
    static final String MASKING = """
            columns:
              public.users.email: email
              public.users.full_name: full_name
            """;

    static DisposableDatabase prod;
    DisposableDatabase test;

    @TempDir
    Path tmp;

    private Path remote;
    private Path alice;
    private final List<Git> open = new ArrayList<>();

    @BeforeAll
    static void databases() {
        prod = database(SCHEMA,
                "INSERT INTO users SELECT i, 'person' || i || '@corp.example', 'Real Person ' || i,"
                        + " date '2020-01-01' + i FROM generate_series(1, 300) i",
                "INSERT INTO orders SELECT i, 1 + i % 300, i * 2.5 FROM generate_series(1, 900) i");
    }

    @AfterAll
    static void dropDatabases() {
        prod.close();
    }

    @BeforeEach
    void repositories() throws Exception {
        test = database(SCHEMA);
        remote = tmp.resolve("remote.git");
        open.add(Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call());
        SyncTestSupport.writePasswordFile(tmp.resolve("home/.pgpass")); // both machines' HOME: as a user's ~/.pgpass
        alice = tmp.resolve("alice");
        Git a = clone(alice);
        Files.writeString(alice.resolve("pgtestkit.yaml"), """
                dumps: db-dumps
                masking:
                  policy: masking.yaml
                databases:
                  prod:
                    role: production
                    url: %s
                  test:
                    role: test
                    url: %s
                """.formatted(SERVER.jdbcUrl(prod.name()), SERVER.jdbcUrl(test.name())));
        Files.writeString(alice.resolve("masking.yaml"), MASKING);
        a.add().addFilepattern(".").call();
        a.commit().setMessage("project").call();
        a.push().call();
    }

    @AfterEach
    void close() {
        open.forEach(Git::close);
        test.close();
    }

    private Git clone(Path dir) throws Exception {
        Git git = Git.cloneRepository().setURI(remote.toUri().toString()).setDirectory(dir.toFile()).call();
        StoredConfig config = git.getRepository().getConfig();
        config.setString("user", null, "name", dir.getFileName().toString());
        config.setString("user", null, "email", dir.getFileName() + "@example.com");
        config.save();
        if (git.getRepository().resolve("HEAD") == null) {
            git.getRepository().updateRef("HEAD").link("refs/heads/main");
        }
        open.add(git);
        return git;
    }

    private DbSync sync(Path clone) {
        return DbSync.of(SyncConfig.load(clone.resolve("pgtestkit.yaml"), Map.of("HOME", tmp.resolve("home")
                .toString(), MaskingKey.ENV, "a-test-masking-key-that-is-long-enough")));
    }

    @Test
    void dumpCommitAndPushThenAnotherMachinePullsTheSameDump() throws Exception {
        GitResult pushed = sync(alice).dumpAndCommit("Update database state", true);

        assertThat(pushed.changed()).isTrue();
        RevCommit first = lastCommit(alice);
        assertThat(first.getFullMessage()).startsWith("Update database state\n\n")
                .contains("prod: 2 tables, 1,200 rows (first dump)").contains("test: 2 tables, 0 rows (first dump)");
        assertThat(textOf(alice.resolve("db-dumps/prod"))).doesNotContain("@corp.example", "Real Person")
                .contains("\t");

        Path bob = tmp.resolve("bob");
        clone(bob);
        assertThat(Verifier.verify(bob.resolve("db-dumps/prod")).rows()).isEqualTo(1200);
        assertThat(TestDumps.contents(bob.resolve("db-dumps"))).isEqualTo(TestDumps.contents(alice.resolve(
                "db-dumps")));

        execute(prod.connect(), "INSERT INTO orders VALUES (5000, 7, 99.99)");
        sync(alice).dumpAndCommit("One more order", true);
        RevCommit second = lastCommit(alice);
        assertThat(second.getFullMessage()).contains("prod: 2 tables, 1,201 rows; changed: public.orders (900 → 901"
                + " rows)").contains("test: 2 tables, 0 rows; no table changed");
        GitResult pulled = sync(bob).pull();
        assertThat(pulled.commit()).isEqualTo(second.name());
        assertThat(TestDumps.contents(bob.resolve("db-dumps"))).isEqualTo(TestDumps.contents(alice.resolve(
                "db-dumps")));
    }

    @Test
    void anotherMachineFetchesTheDumpsOverSsh() throws Exception {
        sync(alice).dumpAll();
        Path home = Files.createDirectories(tmp.resolve("home"));
        KeyPair key = TestSshServer.clientKey(home.resolve(".ssh/id_ecdsa"));
        try (TestSshServer ssh = TestSshServer.start(tmp.resolve("host-key.pem"), tmp, key.getPublic(), null)) {
            Files.writeString(home.resolve(".ssh/known_hosts"), ssh.knownHostsLine() + "\n");
            Path carol = Files.createDirectories(tmp.resolve("carol"));
            Files.copy(alice.resolve("pgtestkit.yaml"), carol.resolve("pgtestkit.yaml"));

            List<TransferResult> fetched = sync(carol).syncFrom("ssh://me@127.0.0.1:" + ssh.port() + "/alice/db-dumps");

            assertThat(fetched).extracting(TransferResult::database).containsExactly("prod", "test");
            assertThat(TestDumps.contents(carol.resolve("db-dumps"))).isEqualTo(TestDumps.contents(alice.resolve(
                    "db-dumps")));
            execute(prod.connect(), "UPDATE users SET joined = joined + 1 WHERE id = 42");
            sync(alice).dump("prod");
            TransferResult again = sync(carol).syncFrom("ssh://me@127.0.0.1:" + ssh.port() + "/alice/db-dumps",
                    "prod");
            assertThat(again.filesTransferred()).isEqualTo(1); // the users file; the manifest is written beside
            assertThat(TestDumps.contents(carol.resolve("db-dumps/prod")))
                    .isEqualTo(TestDumps.contents(alice.resolve("db-dumps/prod")));
        }
    }

    @Test
    void refreshesTheTestDatabaseFromAMaskedDumpOfProduction() throws Exception {
        execute(test.connect(), "INSERT INTO users VALUES (1, 'old@test.example', 'Old', NULL)");
        long users = count(prod, "SELECT count(*) FROM users");
        long orders = count(prod, "SELECT count(*) FROM orders");

        RestoreResult result = sync(alice).refreshTestFromProduction();

        assertThat(result.rows()).isEqualTo(users + orders);
        assertThat(count(test, "SELECT count(*) FROM users")).isEqualTo(users);
        assertThat(count(test, "SELECT count(*) FROM orders o JOIN users u ON u.id = o.user_id")).isEqualTo(orders);
        assertThat(count(test, "SELECT count(*) FROM users WHERE email LIKE '%@corp.example' OR full_name LIKE"
                + " 'Real Person%' OR email = 'old@test.example'")).isZero();
        assertThat(count(test, "SELECT count(DISTINCT email) FROM users")).isEqualTo(users);
    }

    @Test
    void restoresTheDumpOfAnEarlierCommitAndTheLatestDumps() throws Exception {
        execute(test.connect(), "INSERT INTO users VALUES (1, 'a@test.example', 'A', NULL),"
                + " (2, 'b@test.example', 'B', NULL)", "INSERT INTO orders VALUES (1, 1, 10)");
        sync(alice).dumpAndCommit("Two test users", false);
        String twoUsers = lastCommit(alice).name();
        execute(test.connect(), "INSERT INTO users VALUES (3, 'c@test.example', 'C', NULL)");
        sync(alice).dumpAndCommit("Three test users", false);
        execute(test.connect(), "DELETE FROM orders", "DELETE FROM users");

        sync(alice).restoreLatest();
        assertThat(count(test, "SELECT count(*) FROM users")).isEqualTo(3);

        RestoreResult older = sync(alice).restoreFromCommit(twoUsers, "test");
        assertThat(older.rows()).isEqualTo(3);
        assertThat(count(test, "SELECT count(*) FROM users")).isEqualTo(2);
        assertThat(count(test, "SELECT count(*) FROM orders")).isEqualTo(1);
    }

    private static long count(DisposableDatabase db, String sql) throws Exception {
        try (var c = db.connect(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private RevCommit lastCommit(Path clone) throws Exception {
        try (Git git = Git.open(clone.toFile())) {
            return git.log().setMaxCount(1).call().iterator().next();
        }
    }

    private static String textOf(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
