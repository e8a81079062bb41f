package dev.pgtestkit.sync.internal.git;

import dev.pgtestkit.sync.DatabaseConfig;
import dev.pgtestkit.sync.DumpManifest;
import dev.pgtestkit.sync.GitException;
import dev.pgtestkit.sync.GitResult;
import dev.pgtestkit.sync.SyncConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand.FastForwardMode;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The dumps in the configured git repository: commit only the dump directories, push, pull fast-forward only, and
 * read a dump as it was at any commit. Every refusal explains the repository's state and the command that fixes it.
 */
public final class GitDumps implements AutoCloseable {

    private final SyncConfig config;
    private final Repository repo;
    private final Git git;
    private final Path workTree;
    private final String remote;

    public GitDumps(SyncConfig config) {
        this.config = config;
        Path dir = config.git().repository();
        try {
            FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
            if (builder.getGitDir() == null) {
                throw new GitException(dir + " is not inside a git repository: run 'git init' (or clone the"
                        + " repository that holds the dumps) there, or set git.repository in " + config.file());
            }
            this.repo = builder.build();
        } catch (IOException e) {
            throw new GitException("Cannot open the git repository of " + dir + ": " + e.getMessage(), e);
        }
        if (repo.isBare()) {
            repo.close();
            throw new GitException(dir + " is a bare repository, which has no files to commit: set git.repository"
                    + " in " + config.file() + " to a clone with a work tree");
        }
        this.git = new Git(repo);
        this.workTree = repo.getWorkTree().toPath().toAbsolutePath().normalize();
        this.remote = config.git().remote();
    }

    /** The path of {@code dir} in the repository ({@code db-dumps/prod}), or an error when it is outside. */
    String repoPath(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!abs.startsWith(workTree) || abs.equals(workTree)) {
            throw new GitException("The dump directory " + abs + " is not inside the git work tree " + workTree
                    + ": move it there (dumps: in " + config.file() + ") or set git.repository to the repository"
                    + " that holds it");
        }
        return workTree.relativize(abs).toString().replace('\\', '/');
    }

    /**
     * Commits the dump directories of {@code databases} (only them) with {@code message} and a summary of each
     * dump; nothing when they are unchanged.
     */
    public GitResult commit(String message, List<DatabaseConfig> databases) {
        try {
            String branch = attachedBranch("commit");
            String root = repoPath(config.dumpDirectory());
            requireClean(root, "commit");
            List<String> paths = new ArrayList<>();
            for (DatabaseConfig db : databases) {
                String path = repoPath(db.dumpDirectory());
                paths.add(path);
                git.add().addFilepattern(path).setAll(true).call(); // new, changed and deleted files: one pass
            }
            Status status = git.status().call();
            Set<String> staged = new TreeSet<>(status.getAdded());
            staged.addAll(status.getChanged());
            staged.addAll(status.getRemoved());
            if (staged.stream().noneMatch(p -> paths.stream().anyMatch(d -> under(p, d)))) {
                return new GitResult(false, head(), "Nothing to commit: the dumps are as in " + shortHead()
                        + " on " + branch);
            }
            String full = message.strip() + "\n\n" + summary(databases, paths) + "\n";
            RevCommit commit = git.commit().setMessage(full).call();
            return new GitResult(true, commit.name(), "Committed " + commit.abbreviate(7).name() + " on " + branch
                    + ": " + commit.getShortMessage());
        } catch (GitAPIException | IOException e) {
            throw new GitException("git commit of the dumps failed: " + e.getMessage(), e);
        }
    }

    private String summary(List<DatabaseConfig> databases, List<String> paths) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < databases.size(); i++) {
            Path manifest = databases.get(i).dumpDirectory().resolve("manifest.json");
            if (!Files.isRegularFile(manifest)) {
                lines.add(databases.get(i).name() + ": no dump");
                continue;
            }
            byte[] before = headBlob(paths.get(i) + "/manifest.json");
            lines.add(CommitSummary.line(databases.get(i).name(),
                    before == null ? null : DumpManifest.parse(before, "HEAD:" + paths.get(i) + "/manifest.json"),
                    DumpManifest.read(databases.get(i).dumpDirectory())));
        }
        return String.join("\n", lines);
    }

    /** Pushes the current branch to the configured remote, refusing when the remote has commits we lack. */
    public GitResult push() {
        try (GitCredentials credentials = new GitCredentials(config.homeDirectory(), config.environment())) {
            String branch = attachedBranch("push");
            fetch(credentials);
            Divergence state = divergence(branch);
            if (state.ahead() == 0 && state.remoteExists()) {
                return new GitResult(false, head(), state.behind() == 0 ? remote + "/" + branch
                        + " already has " + shortHead() : "Nothing to push, and " + remote + "/" + branch + " has "
                        + state.behind() + " commit(s) you do not have: pull them");
            }
            if (state.behind() > 0) {
                throw diverged(branch, state, "push");
            }
            Iterable<PushResult> results = credentials.apply(git.push().setRemote(remote)
                    .setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch))).call();
            for (PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (update.getStatus() != RemoteRefUpdate.Status.OK
                            && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        throw new GitException(remote + " refused the push of " + branch + " (" + update.getStatus()
                                + (update.getMessage() == null ? "" : ": " + update.getMessage()) + "). "
                                + (update.getStatus() == RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD
                                ? "Someone pushed meanwhile: pull, then push again." : "Check your access to it."));
                    }
                }
            }
            return new GitResult(true, head(), "Pushed " + state.ahead() + " commit(s) of " + branch + " to "
                    + remote);
        } catch (GitAPIException | IOException e) {
            throw new GitException("git push to " + remote + " failed: " + e.getMessage() + ". " + accessHint(), e);
        }
    }

    /** Fetches and fast-forwards the current branch; refuses local changes and diverged branches. */
    public GitResult pull() {
        try (GitCredentials credentials = new GitCredentials(config.homeDirectory(), config.environment())) {
            String branch = attachedBranch("pull");
            requireClean(null, "pull");
            fetch(credentials);
            Divergence state = divergence(branch);
            if (!state.remoteExists()) {
                throw new GitException(remote + " has no branch " + branch + ": push it first (or set git.branch"
                        + " in " + config.file() + " to the branch the dumps are on)");
            }
            if (state.behind() == 0) {
                return new GitResult(false, head(), branch + " is up to date with " + remote + "/" + branch);
            }
            if (state.ahead() > 0) {
                throw diverged(branch, state, "pull");
            }
            MergeResult merge = git.merge().include(state.remoteId()).setFastForward(FastForwardMode.FF_ONLY)
                    .call();
            if (!merge.getMergeStatus().isSuccessful()) {
                throw new GitException("The fast-forward of " + branch + " to " + remote + "/" + branch
                        + " failed: " + merge.getMergeStatus() + ". Run git status in " + workTree + ".");
            }
            return new GitResult(true, head(), "Pulled " + state.behind() + " commit(s): " + branch + " is at "
                    + shortHead());
        } catch (GitAPIException | IOException e) {
            throw new GitException("git pull from " + remote + " failed: " + e.getMessage() + ". " + accessHint(), e);
        }
    }

    /**
     * Writes the dump of {@code database} as it was at {@code revision} (a commit id, tag, branch or
     * {@code HEAD~2}) into {@code target}, which must be empty or absent.
     */
    public String checkout(String revision, DatabaseConfig database, Path target) {
        String path = repoPath(database.dumpDirectory());
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId id = repo.resolve(revision + "^{commit}");
            if (id == null) {
                throw new GitException("No commit '" + revision + "' in " + workTree + ": 'git log --oneline -- "
                        + path + "' lists the commits that changed the dump of " + database.name());
            }
            RevCommit commit = walk.parseCommit(id);
            int files = 0;
            try (TreeWalk tree = new TreeWalk(repo)) {
                tree.addTree(commit.getTree());
                tree.setRecursive(true);
                tree.setFilter(PathFilter.create(path));
                while (tree.next()) {
                    Path out = target.resolve(tree.getPathString().substring(path.length() + 1)).normalize();
                    if (!out.startsWith(target)) {
                        throw new GitException("Commit " + commit.abbreviate(7).name() + " holds a path outside the"
                                + " dump: " + tree.getPathString());
                    }
                    Files.createDirectories(out.getParent());
                    try (OutputStream stream = Files.newOutputStream(out)) {
                        repo.open(tree.getObjectId(0)).copyTo(stream);
                    }
                    files++;
                }
            }
            if (files == 0) {
                throw new GitException("Commit " + commit.abbreviate(7).name() + " (" + commit.getShortMessage()
                        + ") has no dump of '" + database.name() + "' at " + path + ": 'git log --oneline -- " + path
                        + "' lists the commits that have one");
            }
            return commit.name();
        } catch (IOException e) {
            throw new GitException("Cannot read the dump of " + database.name() + " at " + revision + ": "
                    + e.getMessage(), e);
        }
    }

    private String attachedBranch(String action) throws IOException {
        String full = repo.getFullBranch();
        if (full == null || !full.startsWith(Constants.R_HEADS)) {
            throw new GitException("Cannot " + action + " the dumps: HEAD is detached at " + shortHead() + " in "
                    + workTree + " (a commit, not a branch). Switch to the branch the dumps belong on (git switch "
                    + (config.git().branch() == null ? "main" : config.git().branch()) + ") and run again.");
        }
        String branch = repo.getBranch();
        String expected = config.git().branch();
        if (expected != null && !expected.equals(branch)) {
            throw new GitException("Cannot " + action + " the dumps: " + workTree + " is on branch " + branch
                    + ", but git.branch in " + config.file() + " says " + expected + ". Run git switch " + expected
                    + " (or change git.branch).");
        }
        return branch;
    }

    /** Refuses tracked changes outside {@code allowedRoot} (everywhere when it is {@code null}). */
    private void requireClean(String allowedRoot, String action) throws GitAPIException {
        Status status = git.status().call();
        Set<String> dirty = new TreeSet<>();
        dirty.addAll(status.getAdded());
        dirty.addAll(status.getChanged());
        dirty.addAll(status.getRemoved());
        dirty.addAll(status.getMissing());
        dirty.addAll(status.getModified());
        dirty.addAll(status.getConflicting());
        dirty.removeIf(p -> allowedRoot != null && under(p, allowedRoot));
        if (!dirty.isEmpty()) {
            List<String> shown = dirty.stream().limit(10).toList();
            String where = allowedRoot == null ? "" : " outside the dump directory " + allowedRoot + "/";
            throw new GitException("Cannot " + action + " the dumps: " + dirty.size() + " file(s)" + where + " in "
                    + workTree + " have uncommitted changes (" + String.join(", ", shown)
                    + (dirty.size() > shown.size() ? ", ..." : "") + "). pgtestkit "
                    + (allowedRoot == null ? "pulls only into a clean work tree" : "commits only the dumps and will"
                    + " not mix them with other work") + ": commit or stash them (git stash) first.");
        }
    }

    private void fetch(GitCredentials credentials) throws GitAPIException {
        if (repo.getRemoteNames().contains(remote)) {
            credentials.apply(git.fetch().setRemote(remote)).call();
        } else {
            throw new GitException("The repository " + workTree + " has no remote '" + remote + "'"
                    + (repo.getRemoteNames().isEmpty() ? "" : " (it has: " + String.join(", ",
                    new TreeSet<>(repo.getRemoteNames())) + ")") + ": git remote add " + remote + " <url>, or set"
                    + " git.remote in " + config.file());
        }
    }

    private record Divergence(boolean remoteExists, ObjectId remoteId, int ahead, int behind, String base) {}

    private Divergence divergence(String branch) throws IOException {
        ObjectId local = repo.resolve(Constants.R_HEADS + branch);
        ObjectId theirs = repo.resolve(Constants.R_REMOTES + remote + "/" + branch);
        if (theirs == null) {
            return new Divergence(false, null, local == null ? 0 : count(local, null), 0, null);
        }
        if (local == null) {
            return new Divergence(true, theirs, 0, count(theirs, null), null);
        }
        try (RevWalk walk = new RevWalk(repo)) {
            walk.setRevFilter(org.eclipse.jgit.revwalk.filter.RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(local));
            walk.markStart(walk.parseCommit(theirs));
            RevCommit base = walk.next();
            return new Divergence(true, theirs, count(local, base), count(theirs, base),
                    base == null ? null : base.abbreviate(7).name());
        }
    }

    private int count(ObjectId tip, RevCommit base) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(tip));
            if (base != null) {
                walk.markUninteresting(walk.parseCommit(base));
            }
            int n = 0;
            for (RevCommit ignored : walk) {
                n++;
            }
            return n;
        }
    }

    private GitException diverged(String branch, Divergence state, String action) {
        String other = remote + "/" + branch;
        return new GitException("Cannot " + action + ": " + branch + " and " + other + " have diverged ("
                + state.ahead() + " commit(s) here, " + state.behind() + " there"
                + (state.base() == null ? "" : ", since " + state.base()) + "). Dumps do not merge line by line"
                + " safely, so pgtestkit only fast-forwards. Keep one side: take theirs with 'git reset --hard "
                + other + "' (your dump commits stay reachable in 'git reflog'), or rebase yours on top with 'git"
                + " rebase " + other + "' and then push.");
    }

    private String accessHint() {
        return "For SSH remotes pgtestkit uses ~/.ssh (config, keys, agent, known_hosts); for HTTPS set "
                + dev.pgtestkit.sync.internal.config.Credentials.GIT_TOKEN_VARIABLE + ".";
    }

    private String head() throws IOException {
        ObjectId id = repo.resolve(Constants.HEAD);
        return id == null ? null : id.name();
    }

    private String shortHead() throws IOException {
        ObjectId id = repo.resolve(Constants.HEAD);
        return id == null ? "(no commit yet)" : id.abbreviate(7).name();
    }

    private byte[] headBlob(String path) throws IOException {
        ObjectId head = repo.resolve(Constants.HEAD + "^{tree}");
        if (head == null) {
            return null;
        }
        try (TreeWalk walk = TreeWalk.forPath(repo, path, head)) {
            return walk == null ? null : repo.open(walk.getObjectId(0)).getBytes();
        }
    }

    private static boolean under(String path, String dir) {
        return path.equals(dir) || path.startsWith(dir + "/");
    }

    /** Deletes a directory tree written by {@link #checkout}. */
    public static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}
