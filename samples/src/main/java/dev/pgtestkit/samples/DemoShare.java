package dev.pgtestkit.samples;

import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.sync.DbSync;
import dev.pgtestkit.sync.DumpManifest;
import dev.pgtestkit.sync.DumpOptions;
import dev.pgtestkit.sync.Dumper;
import dev.pgtestkit.sync.GitResult;
import dev.pgtestkit.sync.MaskingKey;
import dev.pgtestkit.sync.MaskingPolicy;
import dev.pgtestkit.sync.PgDatabase;
import dev.pgtestkit.sync.RestoreOptions;
import dev.pgtestkit.sync.RestoreResult;
import dev.pgtestkit.sync.Restorer;
import dev.pgtestkit.sync.SyncConfig;
import dev.pgtestkit.sync.Verifier;
import dev.pgtestkit.sync.VerifyResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * The demo's db-sync steps, laid out in its output directory as a team would keep them:
 *
 * <pre>
 * pgtestkit.yaml   the sharing configuration (the databases of this run, the policy, the key file, the repository)
 * masking.yaml     what the dump does with each sensitive column of the Keep sync schema
 * masking.key      the masking key (random, made by the first run; outside the repository, never committed)
 * repo/            a git repository holding the masked dumps: repo/dumps/production
 * </pre>
 *
 * <p>The configuration lies outside the repository because it names this run's databases: rewriting it must not
 * make the work tree dirty, which {@link DbSync#commitDumps} refuses.
 */
final class DemoShare {

    /** The sensitive columns of {@code db/keep} and what the dump writes instead. */
    static final String POLICY = """
            # What pgtestkit's dump of the Keep sync production database does with each sensitive column.
            # Keyed transforms use masking.key: the same input gives the same output, so a note's id still
            # matches across tables. Columns not named here are kept; a production dump refuses (fails closed)
            # when a sensitive-looking column has no decision.
            columns:
              public.credentials.google_oauth_token: null
              public.credentials.notion_api_token: null
              public.credentials.notion_database_id: hash
              public.sync_state.keep_note_id: hash
              public.sync_logs.keep_note_id: hash
              public.sync_state.notion_page_id: hash
              public.sync_jobs.error_message: text
              public.sync_logs.message: text
              # Decided: the application's own opaque account ids, not personal data.
              public.credentials.user_id: keep
              public.sync_jobs.user_id: keep
              public.sync_state.user_id: keep
            """;

    private final PostgresServer server;
    private final Path config;
    private final Path policy;
    private final Path key;
    private final Path repository;
    private final Path dump;

    DemoShare(PostgresServer server, Path outputDirectory) {
        Path out = outputDirectory.toAbsolutePath().normalize();
        this.server = server;
        this.config = out.resolve(SyncConfig.FILE_NAME);
        this.policy = out.resolve("masking.yaml");
        this.key = out.resolve("masking.key");
        this.repository = out.resolve("repo");
        this.dump = repository.resolve("dumps").resolve("production");
    }

    Path dumpDirectory() {
        return dump;
    }

    Path repository() {
        return repository;
    }

    Path configFile() {
        return config;
    }

    Path policyFile() {
        return policy;
    }

    /** Writes the policy, the key (first run only) and the configuration naming this run's databases. */
    void prepare(String production, String test) {
        try {
            Files.createDirectories(repository);
            Files.writeString(policy, POLICY, StandardCharsets.UTF_8);
            if (!Files.isRegularFile(key)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Files.writeString(key, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.UTF_8);
            }
            Files.writeString(config, configuration(production, test), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo's configuration into " + config.getParent(), e);
        }
    }

    private String configuration(String production, String test) {
        return "# Written by pgtestkit demo: the databases of its last run (dropped when it ended).\n"
                + "dumps: repo/dumps\n"
                + "masking:\n  policy: masking.yaml\n  key-file: masking.key\n"
                + "databases:\n"
                + "  production:\n    role: production\n    url: " + urlWithoutPassword(production) + "\n"
                + "  test:\n    role: test\n    url: " + urlWithoutPassword(test) + "\n"
                + "git:\n  repository: repo\n";
    }

    /** pgtestkit.yaml never holds a password (db-sync refuses one): it comes from the environment or ~/.pgpass. */
    private String urlWithoutPassword(String database) {
        return server.jdbcUrl(database).replaceAll("(?i)([?&])password=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }

    /** A production dump: masked by the policy, refusing undecided sensitive-looking columns. */
    DumpManifest dumpMasked(String production) {
        DumpOptions options = DumpOptions.builder().production(true).masking(MaskingPolicy.read(policy))
                .maskingKey(MaskingKey.fromFile(key)).jobs(2).build();
        return Dumper.dump(PgDatabase.of(server, production), dump, options);
    }

    /** Commits the dump to the repository (created by the first run) with db-sync's summary of what changed. */
    GitResult commit() {
        if (!Files.isDirectory(repository.resolve(".git"))) {
            try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
                git.getRepository().getConfig().setString("user", null, "name", "pgtestkit demo");
                git.getRepository().getConfig().setString("user", null, "email", "demo@pgtestkit.invalid");
                git.getRepository().getConfig().save();
            } catch (GitAPIException | IOException e) {
                throw new UncheckedIOException("Cannot create the demo's git repository " + repository,
                        e instanceof IOException io ? io : new IOException(e));
            }
        }
        // An empty environment: the demo depends on nothing the user's shell sets (PGTESTKIT_... overrides).
        return DbSync.of(SyncConfig.load(config, Map.of())).commitDumps("pgtestkit demo: masked production");
    }

    /** Replaces the test database with the committed dump: shadow database, verification, swap. */
    RestoreResult restore(String test) {
        return Restorer.restore(dump, PgDatabase.of(server, test),
                RestoreOptions.builder().jobs(2).terminateSessions(true).build());
    }

    /** Checks that the test database holds exactly the dump: every table hashed on the server. */
    VerifyResult verify(String test) {
        return Verifier.verify(dump, PgDatabase.of(server, test));
    }
}
