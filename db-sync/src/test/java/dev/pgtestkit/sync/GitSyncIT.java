package dev.pgtestkit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.sync.internal.git.GitDumps;
import dev.pgtestkit.sync.testing.TestDumps;
import dev.pgtestkit.sync.testing.TestSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dumps in git: real repositories (JGit), a bare repository as the remote, two clones as two machines. */
class GitSyncIT {

    private static final String CONFIG = """
            dumps: db-dumps
            databases:
              prod:
                role: production
                url: jdbc:postgresql://localhost:5432/app
            git:
              remote: origin
            """;

    @TempDir
    Path tmp;

    private Path remote;
    private Path alice;
    private Path bob;
    private final List<Git> open = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        remote = tmp.resolve("remote.git");
        open.add(Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call());
        alice = tmp.resolve("alice");
        Git a = clone(alice);
        Files.writeString(alice.resolve("pgtestkit.yaml"), CONFIG);
        Files.writeString(alice.resolve("README.md"), "# app\n");
        a.add().addFilepattern(".").call();
        a.commit().setMessage("project").call();
        a.push().call();
        bob = tmp.resolve("bob");
        clone(bob);
    }

    @AfterEach
    void tearDown() {
        open.forEach(Git::close);
    }

    private Git clone(Path dir) throws Exception {
        Git git = Git.cloneRepository().setURI(remote.toUri().toString()).setDirectory(dir.toFile()).call();
        StoredConfig config = git.getRepository().getConfig();
        config.setString("user", null, "name", dir.getFileName().toString());
        config.setString("user", null, "email", dir.getFileName() + "@example.com");
        config.save();
        if (git.getRepository().resolve("HEAD") == null) {
            git.getRepository().updateRef("HEAD").link("refs/heads/main"); // an empty remote: start on main
        }
        open.add(git);
        return git;
    }

    private DbSync sync(Path clone) {
        return DbSync.of(SyncConfig.load(clone.resolve("pgtestkit.yaml"), Map.of("HOME", tmp.toString())));
    }

    private Git git(Path clone) throws IOException {
        Git git = Git.open(clone.toFile());
        open.add(git);
        return git;
    }

    @Test
    void commitsOnlyTheDumpsWithTheirSummaryPushesAndAnotherClonePulls() throws Exception {
        FakeDump.write(alice.resolve("db-dumps/prod"), Map.of("public.users", 500, "public.orders", 700), 1);
        Files.writeString(alice.resolve("notes.txt"), "untracked, not ours to commit\n");

        GitResult first = sync(alice).commitDumps("Update database state");

        assertThat(first.changed()).isTrue();
        RevCommit head = git(alice).log().setMaxCount(1).call().iterator().next();
        assertThat(head.getFullMessage()).startsWith("Update database state\n\n")
                .contains("prod: 2 tables, 1,200 rows (first dump)");
        assertThat(changedPaths(alice, head)).allMatch(p -> p.startsWith("db-dumps/prod/"))
                .contains("db-dumps/prod/manifest.json", "db-dumps/prod/data/public.users.tsv");

        FakeDump.write(alice.resolve("db-dumps/prod"), Map.of("public.users", 500, "public.orders", 800,
                "public.audit", 3), 1);
        sync(alice).commitDumps("More orders");
        RevCommit latest = git(alice).log().setMaxCount(1).call().iterator().next();
        assertThat(latest.getFullMessage()).contains("prod: 3 tables, 1,303 rows; changed: public.orders (700 → 800"
                + " rows); added: public.audit");
        assertThat(changedPaths(alice, latest)).containsExactlyInAnyOrder("db-dumps/prod/manifest.json",
                "db-dumps/prod/data/public.orders.tsv", "db-dumps/prod/data/public.audit.tsv");
        assertThat(sync(alice).commitDumps("again").changed()).isFalse();

        // A table gone from the source: its file is gone from the next dump and from the commit, in one git add.
        Path dump = alice.resolve("db-dumps/prod");
        try (var files = Files.walk(dump)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        FakeDump.write(dump, Map.of("public.users", 500, "public.orders", 800), 1);
        assertThat(sync(alice).commitDumps("audit dropped").changed()).isTrue();
        RevCommit dropped = git(alice).log().setMaxCount(1).call().iterator().next();
        assertThat(TreeWalk.forPath(git(alice).getRepository(), "db-dumps/prod/data/public.audit.tsv",
                dropped.getTree())).isNull();
        assertThat(git(alice).status().call().getMissing()).isEmpty();

        assertThat(sync(alice).push().changed()).isTrue();
        assertThat(sync(alice).push().changed()).isFalse();
        GitResult pulled = sync(bob).pull();

        assertThat(pulled.changed()).isTrue();
        assertThat(pulled.commit()).isEqualTo(dropped.getName());
        assertThat(TestDumps.contents(bob.resolve("db-dumps/prod")))
                .isEqualTo(TestDumps.contents(alice.resolve("db-dumps/prod")));
        Path older = tmp.resolve("older");
        try (GitDumps gitDumps = new GitDumps(sync(bob).config())) {
            gitDumps.checkout(first.commit(), sync(bob).config().database("prod"), older);
        }
        assertThat(Verifier.verify(older).rows()).isEqualTo(1200);
    }

    @Test
    void aDirtyTreeOutsideTheDumpsIsRefused() throws Exception {
        FakeDump.write(alice.resolve("db-dumps/prod"), Map.of("public.users", 5), 1);
        Files.writeString(alice.resolve("README.md"), "# app, edited\n");

        assertThatThrownBy(() -> sync(alice).commitDumps("dumps"))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("1 file(s) outside the dump directory db-dumps/")
                .hasMessageContaining("(README.md)").hasMessageContaining("git stash");
        assertThat(git(alice).log().call()).hasSize(1);
        assertThatThrownBy(() -> sync(alice).pull()).hasMessageContaining("pulls only into a clean work tree");
    }

    @Test
    void aDetachedHeadIsRefused() throws Exception {
        Git a = git(alice);
        a.checkout().setName(a.getRepository().resolve("HEAD").name()).call();
        FakeDump.write(alice.resolve("db-dumps/prod"), Map.of("public.users", 5), 1);

        assertThatThrownBy(() -> sync(alice).commitDumps("dumps"))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("HEAD is detached at").hasMessageContaining("git switch main");
        assertThatThrownBy(() -> sync(alice).push()).hasMessageContaining("Cannot push the dumps: HEAD is detached");
    }

    @Test
    void aDivergedBranchIsRefusedOnPushAndPull() throws Exception {
        FakeDump.write(alice.resolve("db-dumps/prod"), Map.of("public.users", 5), 1);
        sync(alice).commitDumps("alice's dump");
        sync(alice).push();
        FakeDump.write(bob.resolve("db-dumps/prod"), Map.of("public.users", 6), 1);
        sync(bob).commitDumps("bob's dump");

        assertThatThrownBy(() -> sync(bob).push())
                .isInstanceOf(GitException.class)
                .hasMessageContaining("main and origin/main have diverged (1 commit(s) here, 1 there, since")
                .hasMessageContaining("git reset --hard origin/main").hasMessageContaining("git rebase origin/main");
        assertThatThrownBy(() -> sync(bob).pull()).hasMessageContaining("Cannot pull: main and origin/main have"
                + " diverged");
        try (Repository repo = git(remote).getRepository()) {
            assertThat(repo.parseCommit(repo.resolve("main")).getShortMessage()).isEqualTo("alice's dump");
        }
    }

    @Test
    void aMissingRepositoryOrRemoteIsExplained() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(plain.resolve("pgtestkit.yaml"), CONFIG.replace("remote: origin", "remote: upstream"));
        assertThatThrownBy(() -> sync(plain).commitDumps("x"))
                .isInstanceOf(GitException.class).hasMessageContaining("is not inside a git repository")
                .hasMessageContaining("git init");
        Files.writeString(alice.resolve("pgtestkit.yaml"), CONFIG.replace("remote: origin", "remote: upstream"));
        git(alice).commit().setAll(true).setMessage("use upstream").call();
        assertThatThrownBy(() -> sync(alice).push())
                .hasMessageContaining("has no remote 'upstream' (it has: origin)")
                .hasMessageContaining("git remote add upstream");
        assertThatThrownBy(() -> {
            try (GitDumps g = new GitDumps(sync(alice).config())) {
                g.checkout("nope", sync(alice).config().database("prod"), tmp.resolve("x"));
            }
        }).hasMessageContaining("No commit 'nope'").hasMessageContaining("git log --oneline -- db-dumps/prod");
        assertThatThrownBy(() -> {
            try (GitDumps g = new GitDumps(sync(alice).config())) {
                g.checkout("HEAD", sync(alice).config().database("prod"), tmp.resolve("y"));
            }
        }).hasMessageContaining("has no dump of 'prod' at db-dumps/prod");
    }

    @Test
    void pushesOverSshWithTheUsersKeyAndKnownHosts() throws Exception {
        KeyPair key = TestSshServer.clientKey(tmp.resolve(".ssh/id_ecdsa"));
        try (TestSshServer ssh = TestSshServer.start(tmp.resolve("host-key.pem"), tmp, key.getPublic(), null)) {
            StoredConfig config = git(alice).getRepository().getConfig();
            config.setString("remote", "origin", "url", "ssh://me@127.0.0.1:" + ssh.port() + "/remote.git");
            config.save();
            FakeDump.write(alice.resolve("db-dumps/prod"), Map.of("public.users", 40), 1);
            sync(alice).commitDumps("over ssh");

            assertThatThrownBy(() -> sync(alice).push()).isInstanceOf(GitException.class)
                    .hasMessageContaining("git push to origin failed"); // no known_hosts entry yet: refused
            Files.writeString(tmp.resolve(".ssh/known_hosts"), ssh.knownHostsLine() + "\n");
            GitResult pushed = sync(alice).push();

            assertThat(pushed.changed()).isTrue();
            try (Repository repo = git(remote).getRepository()) {
                assertThat(repo.resolve("main").name()).isEqualTo(pushed.commit());
            }
            assertThat(sync(bob).pull().commit()).isEqualTo(pushed.commit());
            assertThat(TestDumps.contents(bob.resolve("db-dumps/prod")))
                    .isEqualTo(TestDumps.contents(alice.resolve("db-dumps/prod")));
        }
    }

    private List<String> changedPaths(Path clone, RevCommit commit) throws Exception {
        Git git = git(clone);
        try (var reader = git.getRepository().newObjectReader()) {
            CanonicalTreeParser now = new CanonicalTreeParser(null, reader, commit.getTree());
            CanonicalTreeParser before = new CanonicalTreeParser(null, reader, commit.getParent(0).getTree());
            return git.diff().setOldTree(before).setNewTree(now).call().stream().map(DiffEntry::getNewPath).toList();
        }
    }
}
