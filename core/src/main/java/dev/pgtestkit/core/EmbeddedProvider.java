package dev.pgtestkit.core;

import dev.pgtestkit.core.internal.EmbeddedCluster;
import dev.pgtestkit.core.internal.JdbcServer;
import dev.pgtestkit.core.internal.ServerChecks;
import dev.pgtestkit.core.internal.ServerSpec;
import dev.pgtestkit.core.internal.Settings;
import dev.pgtestkit.core.internal.SharedServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Embedded PostgreSQL from the zonky binaries on the class path (PostgreSQL 17 by default): no Docker, no install.
 * The server listens on a free loopback port, with settings for tests: {@code fsync}, {@code synchronous_commit}
 * and {@code full_page_writes} off, minimal WAL. Runs as {@code nobody} when the JVM is root. Immutable: every
 * {@code with...}/{@code setting} call returns a new provider.
 *
 * <p>Another major version ({@link #withPostgresVersion}, default {@code PGTESTKIT_PG_VERSION}) comes from the class
 * path when its binaries are there, else from the local Maven repository. The cluster's directory is kept across
 * runs by default ({@link #withKeptData}), one per binaries and settings, so the next run finds its templates built;
 * a second JVM at the same time gets a directory of its own.
 */
public final class EmbeddedProvider implements PostgresProvider {

    private static final Map<String, String> TEST_SETTINGS = Map.of(
            "listen_addresses", "127.0.0.1",
            "unix_socket_directories", "",
            "fsync", "off",
            "synchronous_commit", "off",
            "full_page_writes", "off",
            "wal_level", "minimal",
            "max_wal_senders", "0",
            "max_connections", "300",
            "timezone", "UTC");

    private final Map<String, String> settings;
    private final String version;
    private final Path baseDir;
    private final Duration startTimeout;
    private final boolean keptData;

    private EmbeddedProvider(Map<String, String> settings, String version, Path baseDir, Duration startTimeout,
                             boolean keptData) {
        this.settings = Map.copyOf(settings);
        this.version = version;
        this.baseDir = baseDir;
        this.startTimeout = startTimeout;
        this.keptData = keptData;
    }

    static EmbeddedProvider defaults() {
        return new EmbeddedProvider(TEST_SETTINGS, Settings.fromSystem().get(Settings.PG_VERSION).orElse(null),
                Path.of(System.getProperty("java.io.tmpdir"), "pgtestkit"), Duration.ofSeconds(60), true);
    }

    /** A server setting ({@code -c name=value}), e.g. {@code shared_preload_libraries=pg_stat_statements}. */
    public EmbeddedProvider setting(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(settings);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new EmbeddedProvider(copy, version, baseDir, startTimeout, keptData);
    }

    /**
     * The PostgreSQL version, a major such as {@code "14"} or a full {@code "14.20"}; null (default, unless
     * {@code PGTESTKIT_PG_VERSION} is set) for the binaries on the class path.
     */
    public EmbeddedProvider withPostgresVersion(String postgresVersion) {
        String checked = new ServerSpec(postgresVersion, Map.of()).version();
        return new EmbeddedProvider(settings, checked, baseDir, startTimeout, keptData);
    }

    /** Where binaries are extracted and data directories live (default {@code <java.io.tmpdir>/pgtestkit}). */
    public EmbeddedProvider withBaseDirectory(Path dir) {
        return new EmbeddedProvider(settings, version, Objects.requireNonNull(dir, "dir"), startTimeout, keptData);
    }

    /** How long start-up may take (default 60 s). */
    public EmbeddedProvider withStartTimeout(Duration timeout) {
        return new EmbeddedProvider(settings, version, baseDir, Objects.requireNonNull(timeout, "timeout"), keptData);
    }

    /**
     * Whether the cluster's directory is kept for the next run (default true: its templates are reused), or made
     * fresh and deleted at stop.
     */
    public EmbeddedProvider withKeptData(boolean keep) {
        return new EmbeddedProvider(settings, version, baseDir, startTimeout, keep);
    }

    EmbeddedProvider forSpec(ServerSpec spec) {
        EmbeddedProvider provider = spec.version() == null ? this : withPostgresVersion(spec.version());
        for (Map.Entry<String, String> setting : spec.settings().entrySet()) {
            provider = provider.setting(setting.getKey(), setting.getValue());
        }
        return provider;
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public PostgresServer start() {
        EmbeddedCluster cluster = EmbeddedCluster.start(baseDir, version, settings, startTimeout, keptData);
        try {
            JdbcServer.Endpoint endpoint = new JdbcServer.Endpoint("127.0.0.1", cluster.port(), cluster.superuser(),
                    cluster.password(), "postgres", Map.of());
            JdbcServer server = new JdbcServer(name(), endpoint, false, cluster::stop);
            if (cluster.reused()) {
                dropLeftovers(server);
            }
            ServerChecks.requireSpec(server, new ServerSpec(version, Map.of()), "the embedded binaries");
            return server;
        } catch (RuntimeException e) {
            cluster.stop();
            throw e;
        }
    }

    /** Clones of an earlier run in a kept cluster (its templates stay): nobody else uses this cluster. */
    private static void dropLeftovers(PostgresServer server) {
        List<String> templates = server.databases(PostgresServer.DATABASE_PREFIX + "tpl_");
        for (String database : server.databases(PostgresServer.DATABASE_PREFIX)) {
            if (!templates.contains(database)) {
                server.dropDatabase(database);
            }
        }
    }

    @Override
    public PostgresServer shared() {
        return SharedServers.get("embedded " + version + " " + new java.util.TreeMap<>(settings) + " " + baseDir
                + " " + keptData, this::start);
    }

    @Override
    public String toString() {
        return "EmbeddedProvider[" + (version == null ? "class path binaries" : "PostgreSQL " + version) + ", "
                + settings + "]";
    }
}
