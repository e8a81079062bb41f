package dev.pgtestkit.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.sync.DumpLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sharing commands end to end on real databases: {@code workflow --dump-and-commit [--push-after-commit]} and
 * {@code restore --commit} against a real git repository (JGit, a bare "origin" on disk), {@code dump --all} with
 * progress, and {@code sync --to/--from} against a real SSH server (MINA SSHD on 127.0.0.1). Each test gets its own
 * project directory, HOME and databases.
 */
class ShareCommandsIT {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path tmp;

    private Path project;
    private Path config;
    private Map<String, String> env;
    private DisposableDatabase shop;
    private DisposableDatabase copy;

    @BeforeEach
    void projectWithAProductionShopATestCopyAndAGitRepository() throws Exception {
        shop = TestDatabases.withSchema(TestDatabases.SHOP);
        copy = TestDatabases.withSchema(TestDatabases.SHOP);
        Cli.Run mock = Cli.run("-q", "mock", "--url", shop.jdbcUrl(), "--table", "customers", "--rows", "50",
                "--table", "orders", "--rows", "300", "--table", "categories", "--rows", "10");
        assertThat(mock.exitCode()).as(mock.toString()).isZero();
        project = Files.createDirectories(tmp.resolve("project"));
        config = Files.writeString(project.resolve("pgtestkit.yaml"), String.join("\n",
                "dumps: dumps",
                "masking:",
                "  policy: masking.yaml",
                "databases:",
                "  shop:",
                "    role: production",
                "    url: " + shop.jdbcUrl(),
                "  copy:",
                "    role: test",
                "    url: " + copy.jdbcUrl(),
                "    masking: none",
                ""));
        Files.writeString(project.resolve("masking.yaml"), String.join("\n", "columns:",
                "  public.customers.email: email", "  public.customers.full_name: full_name",
                "  public.categories.name: keep", ""));
        Path home = Files.createDirectories(tmp.resolve("home"));
        env = new HashMap<>(System.getenv());
        env.keySet().removeIf(name -> name.startsWith("PGTESTKIT_") && !name.equals("PGTESTKIT_URL"));
        env.put("HOME", home.toString());
        env.put("PGTESTKIT_MASKING_KEY", KEY);
    }

    @AfterEach
    void dropDatabases() {
        shop.close();
        copy.close();
    }

    private Cli.Run cli(String... args) {
        String[] all = Stream.concat(Stream.of("--config", config.toString()), Stream.of(args))
                .toArray(String[]::new);
        return Cli.run(env, all);
    }

    private Git gitRepositoryWithOrigin() throws Exception {
        Path origin = tmp.resolve("origin.git");
        Git.init().setBare(true).setDirectory(origin.toFile()).setInitialBranch("main").call().close();
        Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call();
        StoredConfig settings = git.getRepository().getConfig();
        settings.setString("user", null, "name", "pgtestkit test");
        settings.setString("user", null, "email", "test@pgtestkit.invalid");
        settings.setString("remote", "origin", "url", origin.toUri().toString());
        settings.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
        settings.save();
        git.add().addFilepattern("pgtestkit.yaml").addFilepattern("masking.yaml").call();
        git.commit().setMessage("pgtestkit configuration").call();
        return git;
    }

    @Test
    void workflowCommitsAndPushesMaskedDumpsAndRestoreCommitBringsBackAnEarlierState() throws Exception {
        try (Git git = gitRepositoryWithOrigin(); Git origin = Git.open(tmp.resolve("origin.git").toFile())) {
            Cli.Run first = cli("-q", "workflow", "--dump-and-commit", "--push-after-commit", "-m", "First state");
            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(first.out()).contains("and pushed");
            String firstCommit = git.getRepository().resolve("HEAD").name();
            assertThat(origin.getRepository().resolve("refs/heads/main").name()).isEqualTo(firstCommit);
            assertThat(git.log().setMaxCount(1).call().iterator().next().getFullMessage())
                    .startsWith("First state").contains("shop", "copy");
            String committedCustomers = Files.readString(project.resolve("dumps/shop")
                    .resolve(DumpLayout.DATA).resolve("public.customers.tsv"));
            assertThat(committedCustomers).hasLineCount(50)
                    .doesNotContain(TestDatabases.text(shop, "SELECT email FROM customers ORDER BY id LIMIT 1"));

            TestDatabases.execute(shop, "DELETE FROM orders WHERE id IN (SELECT id FROM orders ORDER BY id LIMIT 100)");
            Cli.Run second = cli("--progress", "plain", "workflow", "--dump-and-commit", "-m", "Second state");
            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(second.out()).contains("Committed").doesNotContain("pushed");
            assertThat(second.err()).contains("public.orders: 200 rows"); // progress through DbSync's listener
            assertThat(git.getRepository().resolve("HEAD^").name()).isEqualTo(firstCommit);

            Cli.Run earlier = cli("-q", "restore", "--commit", "HEAD~1", "--db", "shop", "--target", "copy");
            assertThat(earlier.exitCode()).as(earlier.toString()).isZero();
            assertThat(earlier.out()).contains("into " + copy.name(), "verified and swapped");
            assertThat(TestDatabases.count(copy, "SELECT count(*) FROM orders")).isEqualTo(300);
            Cli.Run latest = cli("-q", "restore", "--commit", "HEAD", "--db", "shop", "--target", "copy");
            assertThat(latest.exitCode()).as(latest.toString()).isZero();
            assertThat(TestDatabases.count(copy, "SELECT count(*) FROM orders")).isEqualTo(200);

            Cli.Run unknown = cli("restore", "--commit", "no-such-tag", "--db", "shop", "--target", "copy");
            assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(21);
            assertThat(unknown.err()).contains("No commit 'no-such-tag'").doesNotContain("\tat ");
            Cli.Run withoutCommit = cli("restore", "--latest", "--db", "shop", "--target", "copy");
            assertThat(withoutCommit.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(withoutCommit.err()).contains("--db NAME chooses whose committed dump");

            Files.writeString(project.resolve("masking.yaml"), "  public.orders.note: null\n",
                    java.nio.file.StandardOpenOption.APPEND);
            Cli.Run dirty = cli("-q", "workflow", "--dump-and-commit");
            assertThat(dirty.exitCode()).as(dirty.toString()).isEqualTo(21);
            assertThat(dirty.err()).contains("masking.yaml", "uncommitted changes");
            assertThat(git.getRepository().resolve("HEAD^").name()).isEqualTo(firstCommit); // no third commit
        }
    }

    @Test
    void dumpAllTakesNoOptionsOfOneDatabase() {
        Cli.Run run = cli("dump", "--all", "--table", "orders", "--jobs", "4");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("leave out --table, --jobs");
    }

    @Test
    void syncSendsAndFetchesDumpsOverSshAndExplainsAnUnreachableOrUnknownHost() throws Exception {
        Path serverRoot = Files.createDirectories(tmp.resolve("server"));
        try (LoopbackSshServer ssh = LoopbackSshServer.start(serverRoot, Path.of(env.get("HOME")),
                tmp.resolve("host-key.pem"))) {
            String remote = "ssh://alice@127.0.0.1:" + ssh.port() + "/srv/dumps";
            Cli.Run dumped = cli("--progress", "plain", "dump", "--all");
            assertThat(dumped.exitCode()).as(dumped.toString()).isZero();
            assertThat(dumped.out()).contains("Dumped shop (production)", "Dumped copy (test)");
            assertThat(dumped.err()).contains("public.orders: 300 rows");

            Cli.Run sent = cli("sync", "--to", remote);
            assertThat(sent.exitCode()).as(sent.toString()).isZero();
            assertThat(sent.out()).contains("shop: ", "copy: ", "files (");
            assertThat(serverRoot.resolve("srv/dumps/shop").resolve(DumpLayout.MANIFEST)).isRegularFile();

            Path local = project.resolve("dumps/shop");
            byte[] manifest = Files.readAllBytes(local.resolve(DumpLayout.MANIFEST));
            deleteTree(local);
            Cli.Run fetched = cli("sync", "--from", remote, "--db", "shop");
            assertThat(fetched.exitCode()).as(fetched.toString()).isZero();
            assertThat(Files.readAllBytes(local.resolve(DumpLayout.MANIFEST))).isEqualTo(manifest);
            assertThat(cli("verify", local.toString()).exitCode()).isZero();
            Cli.Run again = cli("--json", "sync", "--from", remote);
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.out()).contains("\"upToDate\" : true").doesNotContain("\"upToDate\" : false");

            Cli.Run unreachable = cli("sync", "--from", "ssh://alice@127.0.0.1:1/srv/dumps");
            assertThat(unreachable.exitCode()).as(unreachable.toString()).isEqualTo(20);
            assertThat(unreachable.err()).contains("127.0.0.1").doesNotContain("\tat ");
            Files.writeString(Path.of(env.get("HOME"), ".ssh/known_hosts"), "");
            Cli.Run unknownHost = cli("sync", "--from", remote);
            assertThat(unknownHost.exitCode()).as(unknownHost.toString()).isEqualTo(20);
            assertThat(unknownHost.err()).containsIgnoringCase("known_hosts").doesNotContain("\tat ");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
