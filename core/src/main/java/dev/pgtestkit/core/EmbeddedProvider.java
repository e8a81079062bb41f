package dev.pgtestkit.core;

import dev.pgtestkit.core.internal.EmbeddedCluster;
import dev.pgtestkit.core.internal.JdbcServer;
import dev.pgtestkit.core.internal.SharedServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Embedded PostgreSQL from the zonky binaries on the class path (PostgreSQL 17 by default): no Docker, no install.
 * The server listens on a free loopback port, with settings for tests: {@code fsync}, {@code synchronous_commit}
 * and {@code full_page_writes} off, minimal WAL. Runs as {@code nobody} when the JVM is root. Immutable: every
 * {@code with...}/{@code setting} call returns a new provider.
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
    private final Path baseDir;
    private final Duration startTimeout;

    EmbeddedProvider(Map<String, String> settings, Path baseDir, Duration startTimeout) {
        this.settings = Map.copyOf(settings);
        this.baseDir = baseDir;
        this.startTimeout = startTimeout;
    }

    static EmbeddedProvider defaults() {
        return new EmbeddedProvider(TEST_SETTINGS,
                Path.of(System.getProperty("java.io.tmpdir"), "pgtestkit"), Duration.ofSeconds(60));
    }

    /** A server setting ({@code -c name=value}), e.g. {@code shared_preload_libraries=pg_stat_statements}. */
    public EmbeddedProvider setting(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(settings);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new EmbeddedProvider(copy, baseDir, startTimeout);
    }

    /** Where binaries are extracted and data directories live (default {@code <java.io.tmpdir>/pgtestkit}). */
    public EmbeddedProvider withBaseDirectory(Path dir) {
        return new EmbeddedProvider(settings, Objects.requireNonNull(dir, "dir"), startTimeout);
    }

    /** How long start-up may take (default 60 s). */
    public EmbeddedProvider withStartTimeout(Duration timeout) {
        return new EmbeddedProvider(settings, baseDir, Objects.requireNonNull(timeout, "timeout"));
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public PostgresServer start() {
        EmbeddedCluster cluster = EmbeddedCluster.start(baseDir, settings, startTimeout);
        try {
            JdbcServer.Endpoint endpoint = new JdbcServer.Endpoint("127.0.0.1", cluster.port(), cluster.superuser(),
                    null, "postgres", Map.of());
            return new JdbcServer(name(), endpoint, false, cluster::stop);
        } catch (RuntimeException e) {
            cluster.stop();
            throw e;
        }
    }

    @Override
    public PostgresServer shared() {
        return SharedServers.get("embedded " + new java.util.TreeMap<>(settings) + " " + baseDir, this::start);
    }

    @Override
    public String toString() {
        return "EmbeddedProvider" + settings;
    }
}
