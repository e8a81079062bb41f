package dev.pgtestkit.core;

import dev.pgtestkit.core.internal.ClonePool;
import dev.pgtestkit.core.internal.MigrationSource;
import dev.pgtestkit.core.internal.SharedServers;
import dev.pgtestkit.core.internal.TemplateBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A migrated template database on a server, and a warm pool of clones of it.
 *
 * <p>The template is named {@code pgtestkit_tpl_<hash>}, the hash covering every migration file and the server
 * version: it is built once (under an advisory lock, so concurrent JVMs build it once) and reused by later runs
 * until a migration changes. {@link #checkout()} hands out a clone ({@code CREATE DATABASE ... TEMPLATE}), from a
 * small pool cloned ahead in the background. One instance per server and template in a JVM: {@link Builder#build()}
 * returns the existing one; the pool is drained at JVM exit.
 *
 * <pre>{@code
 * DatabaseTemplate template = DatabaseTemplate.builder(server).flywayLocations("classpath:db/migration").build();
 * try (DisposableDatabase db = template.checkout()) {
 *     DataSource ds = db.dataSource();
 * }
 * }</pre>
 */
public final class DatabaseTemplate implements AutoCloseable {

    /** Bumped when the way templates are built changes, so old templates are not reused. */
    private static final String FORMAT = "1";
    private static final Map<String, DatabaseTemplate> INSTANCES = new ConcurrentHashMap<>();

    private final PostgresServer server;
    private final String name;
    private final MigrationSource source;
    private final ClonePool pool;
    private final boolean built;

    private DatabaseTemplate(PostgresServer server, String name, MigrationSource source, List<String> extensions,
                             int poolSize) {
        this.server = server;
        this.name = name;
        this.source = source;
        this.built = TemplateBuilder.ensure(server, name, source, extensions);
        this.pool = new ClonePool(server, name, poolSize);
    }

    public static Builder builder(PostgresServer server) {
        return new Builder(server);
    }

    /** Template of an empty database (no migrations), pool of 2. */
    public static DatabaseTemplate empty(PostgresServer server) {
        return builder(server).build();
    }

    /** A fresh clone: from the warm pool when one is ready, cloned on the spot otherwise. Caller closes it. */
    public DisposableDatabase checkout() {
        String clone = pool.take();
        return new DisposableDatabase(server, clone, pool::discard);
    }

    /** Clones ready in the pool right now (a checkout takes one without waiting for the server). */
    public int warmClones() {
        return pool.readyCount();
    }

    /** Name of the template database. */
    public String name() {
        return name;
    }

    public PostgresServer server() {
        return server;
    }

    /** Whether this JVM built the template (false when an earlier run or another JVM had built it). */
    public boolean wasBuiltHere() {
        return built;
    }

    /** Drops the pooled clones and stops cloning ahead; later checkouts clone on demand. The template stays. */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "DatabaseTemplate[" + name + ", " + source + "]";
    }

    /** Configures a template; every method returns this builder. */
    public static final class Builder {
        private final PostgresServer server;
        private final List<String> locations = new ArrayList<>();
        private final List<Path> scripts = new ArrayList<>();
        private final List<String> extensions = new ArrayList<>();
        private int poolSize = 2;

        private Builder(PostgresServer server) {
            this.server = Objects.requireNonNull(server, "server");
        }

        /** Flyway locations, e.g. {@code classpath:db/migration} or {@code filesystem:src/main/resources/db}. */
        public Builder flywayLocations(String... flywayLocations) {
            locations.addAll(List.of(flywayLocations));
            return this;
        }

        /** Plain SQL scripts run after the Flyway locations, in the given order, each in one transaction. */
        public Builder sqlScripts(Path... sqlScripts) {
            scripts.addAll(List.of(sqlScripts));
            return this;
        }

        /**
         * Extensions created in the template before the migrations ({@code CREATE EXTENSION IF NOT EXISTS}), e.g.
         * {@code citext}, {@code pg_trgm}; they are part of the template's name.
         */
        public Builder extensions(String... names) {
            extensions.addAll(List.of(names));
            return this;
        }

        /** Clones kept ready in the background (default 2; 0 disables the pool). */
        public Builder poolSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("poolSize must be >= 0, was " + size);
            }
            this.poolSize = size;
            return this;
        }

        /** Builds (or reuses) the template and starts filling the pool. */
        public DatabaseTemplate build() {
            MigrationSource source = new MigrationSource(locations, scripts);
            String name = PostgresServer.DATABASE_PREFIX + "tpl_"
                    + shortHash(source.checksum() + "|" + server.versionNum() + "|" + FORMAT
                    + (extensions.isEmpty() ? "" : "|extensions " + extensions));
            String key = server.description() + "|" + name;
            return INSTANCES.computeIfAbsent(key, k -> {
                DatabaseTemplate template = new DatabaseTemplate(server, name, source, List.copyOf(extensions),
                        poolSize);
                SharedServers.beforeStop(template::close);
                return template;
            });
        }

        private static String shortHash(String text) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 8);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
