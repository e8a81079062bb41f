package dev.pgtestkit.sync;

import dev.pgtestkit.sync.internal.config.Credentials;
import dev.pgtestkit.sync.internal.git.GitDumps;
import dev.pgtestkit.sync.internal.ssh.RemoteDumps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The seed's {@code DatabaseSyncManager} as library calls over a {@link SyncConfig}: dump and restore the configured
 * databases, move their dumps between machines over SSH, keep them in git, and refresh the test database from a
 * masked dump of production. Stateless between calls; every call reads the configuration it was built with.
 *
 * <pre>{@code
 * DbSync sync = DbSync.of(SyncConfig.discover());
 * sync.dumpAndCommit("Update database state", true);   // dump all, commit the dumps, push
 * sync.syncFrom("me@otherhost");                        // fetch another machine's dumps
 * sync.refreshTestFromProduction();                     // masked production data into the test database
 * }</pre>
 */
public final class DbSync {

    private final SyncConfig config;
    private final SyncProgressListener listener;

    private DbSync(SyncConfig config, SyncProgressListener listener) {
        this.config = config;
        this.listener = listener;
    }

    /** The workflows of {@code config}'s databases, reporting no progress. */
    public static DbSync of(SyncConfig config) {
        return new DbSync(config, SyncProgressListener.NONE);
    }

    /**
     * The same workflows reporting the progress of their dumps and restores to {@code listener} (a restore whose
     * options name a listener of their own reports to that one). The CLI's progress bars are such a listener.
     */
    public DbSync withProgress(SyncProgressListener listener) {
        return new DbSync(config, Objects.requireNonNull(listener, "listener"));
    }

    /** The configuration this works from. */
    public SyncConfig config() {
        return config;
    }

    // ---- dump and restore -------------------------------------------------------------------------------------

    /**
     * Dumps every configured database into its dump directory (production ones masked with their policy, failing
     * closed on undecided sensitive columns).
     */
    public List<DumpManifest> dumpAll() {
        List<DumpManifest> manifests = new ArrayList<>();
        for (DatabaseConfig db : config.databases()) {
            manifests.add(dump(db.name()));
        }
        return manifests;
    }

    /** Dumps one configured database into its dump directory. */
    public DumpManifest dump(String database) {
        DatabaseConfig db = config.database(database);
        return dump(db, db.dumpDirectory());
    }

    private DumpManifest dump(DatabaseConfig db, Path directory) {
        DumpOptions options = dumpOptions(db);
        return connected(db, () -> Dumper.dump(pg(db), directory, options));
    }

    /**
     * Restores each non-production database from its latest dump (its dump directory), atomically through a shadow
     * database. Production databases are left out: restoring one takes {@link #restore(String, RestoreOptions)} with
     * the explicit flag.
     */
    public List<RestoreResult> restoreLatest() {
        List<RestoreResult> results = new ArrayList<>();
        for (DatabaseConfig db : config.databases()) {
            if (db.role() != Role.PRODUCTION && Files.isRegularFile(db.dumpDirectory().resolve(DumpLayout.MANIFEST))) {
                results.add(restore(db.name(), RestoreOptions.defaults()));
            }
        }
        return results;
    }

    /** Restores {@code database} from its dump directory; a production database needs the options' explicit flag. */
    public RestoreResult restore(String database, RestoreOptions options) {
        DatabaseConfig db = config.database(database);
        return restore(db.dumpDirectory(), db, options);
    }

    private RestoreResult restore(Path dump, DatabaseConfig target, RestoreOptions options) {
        SyncProgressListener reporting = options.listener() == SyncProgressListener.NONE ? listener
                : options.listener();
        RestoreOptions effective = (target.role() == Role.PRODUCTION && !options.production())
                || reporting != options.listener()
                ? RestoreOptions.builder().jobs(options.jobs()).keepOld(options.keepOld())
                        .production(options.production() || target.role() == Role.PRODUCTION)
                        .allowProduction(options.allowProduction()).terminateSessions(options.terminateSessions())
                        .listener(reporting).build()
                : options;
        return connected(target, () -> Restorer.restore(dump, pg(target), effective));
    }

    /**
     * Refreshes the test database from production: dumps production masked (into its dump directory, the shareable
     * masked copy) and restores that dump into the database of role {@code test}, which is replaced only after the
     * restored data verifies; on any failure it is left as it was.
     */
    public RestoreResult refreshTestFromProduction() {
        DatabaseConfig production = config.withRole(Role.PRODUCTION).orElseThrow(() -> new ConfigException(
                "No database with role production in " + config.file() + ": add one under 'databases'",
                config.file(), -1, "databases"));
        DatabaseConfig test = config.withRole(Role.TEST).orElseThrow(() -> new ConfigException(
                "No database with role test in " + config.file() + ": add one under 'databases'", config.file(), -1,
                "databases"));
        if (production.maskingPolicy() == null) {
            throw new ConfigException("Refusing to copy production into '" + test.name() + "' unmasked: "
                    + config.file() + " names no masking policy (masking.policy, or masking under databases."
                    + production.name() + ")", config.file(), -1, "masking.policy");
        }
        dump(production, production.dumpDirectory());
        return restore(production.dumpDirectory(), test, RestoreOptions.defaults());
    }

    // ---- other machines -------------------------------------------------------------------------------------

    /**
     * Fetches every configured database's dump from another machine over SSH/SFTP. Only files whose SHA-256 differs
     * from the local dump's manifest are transferred; each is checked against the remote manifest, the staged dump
     * is verified, and a local dump is replaced only when the whole new one is there. An interrupted fetch resumes
     * at the next call.
     *
     * @param remote a remote named in the configuration's remotes section, {@code [user@]host[:path]} or
     *               {@code ssh://[user@]host[:port][/path]}
     * @throws RemoteSyncException when the host is unknown or its key changed, refuses our keys, has no dump, or
     *     the transfer breaks (local dumps are then untouched)
     */
    public List<TransferResult> syncFrom(String remote) {
        return new RemoteDumps(config).fetch(config.remote(remote), config.databases(), Verifier::verify);
    }

    /** Like {@link #syncFrom(String)}, for one database. */
    public TransferResult syncFrom(String remote, String database) {
        return new RemoteDumps(config).fetch(config.remote(remote), List.of(config.database(database)),
                Verifier::verify).get(0);
    }

    /**
     * Sends every configured database's dump to another machine, the way {@link #syncFrom(String)} fetches:
     * changed files only, staged beside the remote dump and swapped in when complete.
     */
    public List<TransferResult> pushTo(String remote) {
        return new RemoteDumps(config).push(config.remote(remote), config.databases());
    }

    // ---- git ------------------------------------------------------------------------------------------------

    /**
     * Commits the dump directories (only them) to the configured repository; the message gets each dump's summary
     * (tables, rows, the tables that changed). Nothing is committed when the dumps are unchanged.
     *
     * @throws GitException on a detached HEAD, another branch than {@code git.branch}, or uncommitted changes
     *     outside the dump directory
     */
    public GitResult commitDumps(String message) {
        try (GitDumps git = new GitDumps(config)) {
            return git.commit(message, config.databases());
        }
    }

    /** Pushes the current branch to {@code git.remote}; refuses a detached HEAD or a branch that diverged. */
    public GitResult push() {
        try (GitDumps git = new GitDumps(config)) {
            return git.push();
        }
    }

    /** Fetches and fast-forwards the current branch; refuses local changes, a detached HEAD or a diverged branch. */
    public GitResult pull() {
        try (GitDumps git = new GitDumps(config)) {
            return git.pull();
        }
    }

    /** Dumps every database, commits the dumps, and pushes them when {@code push}. */
    public GitResult dumpAndCommit(String message, boolean push) {
        dumpAll();
        GitResult commit = commitDumps(message);
        return push ? push() : commit;
    }

    /**
     * Restores {@code database} from its dump as committed at {@code revision} (a commit id, tag, branch or
     * {@code HEAD~1}): the dump is read out of git into a temporary directory, verified, and restored atomically.
     */
    public RestoreResult restoreFromCommit(String revision, String database) {
        return restoreFromCommit(revision, database, database, RestoreOptions.defaults());
    }

    /** Restores the committed dump of {@code database} at {@code revision} into the configured {@code target}. */
    public RestoreResult restoreFromCommit(String revision, String database, String target, RestoreOptions options) {
        DatabaseConfig source = config.database(database);
        DatabaseConfig into = config.database(target);
        Path dir = null;
        try (GitDumps git = new GitDumps(config)) {
            dir = Files.createTempDirectory("pgtestkit-dump-");
            git.checkout(revision, source, dir);
            Verifier.verify(dir);
            return restore(dir, into, options);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for the dump of " + revision, e);
        } finally {
            deleteQuietly(dir);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private PgDatabase pg(DatabaseConfig db) {
        return Credentials.pgDatabase(db, config.environment(), config.homeDirectory());
    }

    private <T> T connected(DatabaseConfig db, Supplier<T> work) {
        return Credentials.explained(db, config.environment(), config.homeDirectory(), work);
    }

    private DumpOptions dumpOptions(DatabaseConfig db) {
        DumpOptions.Builder options = DumpOptions.builder().production(db.role() == Role.PRODUCTION)
                .listener(listener);
        if (db.maskingPolicy() != null) {
            MaskingPolicy policy = MaskingPolicy.read(db.maskingPolicy());
            options.masking(policy);
            if (policy.needsKey()) {
                options.maskingKey(maskingKey());
            }
        }
        return options.build();
    }

    private MaskingKey maskingKey() {
        String fromEnv = config.environment().get(MaskingKey.ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return MaskingKey.of(fromEnv.strip().getBytes(StandardCharsets.UTF_8));
        }
        return config.maskingKeyFile().map(MaskingKey::fromFile).orElseThrow(() -> new ConfigException(
                "The masking policy needs a key: set " + MaskingKey.ENV + " or masking.key-file in " + config.file()
                        + " (a file outside the repository, e.g. made with: openssl rand -hex 32 > ~/.pgtestkit.key)",
                config.file(), -1, "masking.key-file"));
    }

    private static void deleteQuietly(Path dir) {
        if (dir != null) {
            try {
                GitDumps.deleteTree(dir);
            } catch (IOException ignored) {
                // A leftover temporary directory holds a dump that is also in git; it is not worth failing for.
            }
        }
    }
}
