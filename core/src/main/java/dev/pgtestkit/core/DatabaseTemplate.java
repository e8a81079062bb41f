package dev.pgtestkit.core;

import dev.pgtestkit.core.internal.ClonePool;
import dev.pgtestkit.core.internal.Extensions;
import dev.pgtestkit.core.internal.FlywayMigrations;
import dev.pgtestkit.core.internal.SharedServers;
import dev.pgtestkit.core.internal.SqlScripts;
import dev.pgtestkit.core.internal.TemplateBuilder;
import dev.pgtestkit.core.internal.TemplateDescription;
import dev.pgtestkit.core.internal.Templates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A template database on a server, built from its {@link TemplateSource}s (Flyway migrations, SQL scripts...), and a
 * warm pool of clones of it.
 *
 * <p>The template is named {@code pgtestkit_tpl_<hash>}, the hash covering the sources' checksums (for migrations,
 * every file) and the server version: it is built once (under an advisory lock, so concurrent JVMs build it once) and
 * reused by later runs until a source changes. {@link #checkout()} hands out a clone ({@code CREATE DATABASE ...
 * TEMPLATE}), from a small pool cloned ahead in the background.
 *
 * <p>{@link Builder#build()} gives the JVM-wide instance for the server and the whole configuration (sources and
 * pool size): every caller with the same configuration shares it, its pool lives until the JVM exits, and
 * {@link #close()} on it does nothing, so no caller can empty the pool another relies on (as with
 * {@link PostgresProvider#shared()}). {@link Builder#buildOwned()} gives an instance of the caller's own.
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
    /** The instances of build(), per server and configuration; each is built outside the map, once. */
    private static final ConcurrentMap<SharedKey, CompletableFuture<DatabaseTemplate>> SHARED =
            new ConcurrentHashMap<>();

    private final PostgresServer server;
    private final String name;
    private final String description;
    private final ClonePool pool;
    private final boolean built;
    private final boolean shared;

    private DatabaseTemplate(PostgresServer server, String name, TemplateDescription sources, int poolSize,
                             boolean shared) {
        this.server = server;
        this.name = name;
        this.description = sources.toString();
        this.built = TemplateBuilder.ensure(server, name, sources);
        this.pool = new ClonePool(server, name, poolSize);
        this.shared = shared;
    }

    public static Builder builder(PostgresServer server) {
        return new Builder(server);
    }

    /** The shared template of an empty database (no sources), pool of 2. */
    public static DatabaseTemplate empty(PostgresServer server) {
        return builder(server).build();
    }

    /**
     * A clone with the template's content: from the warm pool when one is ready, else the next clone the pool finishes
     * (cloned on the spot when the pool is disabled or closed). On PostgreSQL 15+ it may be a clone an earlier caller
     * gave back that provably nobody changed, renamed (see the core README). Caller closes it.
     */
    public DisposableDatabase checkout() {
        String clone = pool.take();
        return new DisposableDatabase(server, clone, pool::giveBack);
    }

    /**
     * Drops pgtestkit's template databases on the server that no JVM has used for {@code unusedFor} or longer
     * ({@link Duration#ZERO}: all of them; the next run builds what it needs again) and returns their names. Templates
     * not used for {@code pgtestkit.templateGrace} (an ISO-8601 duration, default 7 days) are dropped anyway whenever a
     * new template is built, as when a migration changed. Clones and other databases are not touched.
     */
    public static List<String> dropUnusedTemplates(PostgresServer server, Duration unusedFor) {
        Objects.requireNonNull(server, "server");
        if (unusedFor.isNegative()) {
            throw new IllegalArgumentException("unusedFor must not be negative, was " + unusedFor);
        }
        return Templates.dropUnused(server, unusedFor, null);
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

    /** Whether this is the JVM-wide instance of {@link Builder#build()}, whose {@link #close()} does nothing. */
    public boolean isShared() {
        return shared;
    }

    /**
     * On an instance of {@link Builder#buildOwned()}: drops the pooled clones and stops cloning ahead; later
     * checkouts clone on demand. The template database stays. On the shared instance: nothing (its pool is drained
     * when the JVM exits).
     */
    @Override
    public void close() {
        if (!shared) {
            pool.close();
        }
    }

    @Override
    public String toString() {
        return "DatabaseTemplate[" + name + ", " + description + (shared ? ", shared" : "") + "]";
    }

    private record SharedKey(PostgresServer server, String name, int poolSize) {
    }

    /** Configures a template; every method returns this builder. */
    public static final class Builder {
        /** Where the Flyway locations and the SQL scripts go among the sources: at their first mention. */
        private static final TemplateSource FLYWAY_SLOT = context -> { };
        private static final TemplateSource SCRIPTS_SLOT = context -> { };

        private final PostgresServer server;
        private final List<TemplateSource> sources = new ArrayList<>();
        private final List<String> extensions = new ArrayList<>();
        private final List<String> locations = new ArrayList<>();
        private final List<Path> scripts = new ArrayList<>();
        private int poolSize = 2;

        private Builder(PostgresServer server) {
            this.server = Objects.requireNonNull(server, "server");
        }

        /**
         * Extensions created in the template before every other source ({@code CREATE EXTENSION IF NOT EXISTS}),
         * e.g. {@code citext}; they are part of the template's identity.
         */
        public Builder extensions(String... names) {
            extensions.addAll(List.of(names));
            return this;
        }

        /** Flyway locations, e.g. {@code classpath:db/migration} or {@code filesystem:src/main/resources/db}. */
        public Builder flywayLocations(String... flywayLocations) {
            locations.addAll(List.of(flywayLocations));
            addOnce(FLYWAY_SLOT);
            return this;
        }

        /** Plain SQL scripts, run in the given order, each in one transaction. */
        public Builder sqlScripts(Path... sqlScripts) {
            scripts.addAll(List.of(sqlScripts));
            addOnce(SCRIPTS_SLOT);
            return this;
        }

        /**
         * Another source of the template's content (a db-sync dump, say). Sources are applied in the order they
         * were added; all Flyway locations run as one migration where the first was added, likewise the scripts.
         */
        public Builder source(TemplateSource source) {
            sources.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /**
         * Clones kept ready in the background (default 2; 0 disables the pool). While checkouts outrun it, the pool
         * keeps more ready (up to 4 × this, at most 16) and shrinks back after 5 s without a checkout.
         */
        public Builder poolSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("poolSize must be >= 0, was " + size);
            }
            this.poolSize = size;
            return this;
        }

        /**
         * The JVM-wide template of this server and configuration: built (or found on the server) by the first caller,
         * shared by the later ones; see {@link DatabaseTemplate}.
         */
        public DatabaseTemplate build() {
            TemplateDescription description = describe();
            SharedKey key = new SharedKey(server, templateName(description), poolSize);
            CompletableFuture<DatabaseTemplate> mine = new CompletableFuture<>();
            CompletableFuture<DatabaseTemplate> existing = SHARED.putIfAbsent(key, mine);
            if (existing != null) {
                return await(existing);
            }
            try {
                DatabaseTemplate template = new DatabaseTemplate(server, key.name(), description, poolSize, true);
                SharedServers.beforeStop(template.pool::close);
                mine.complete(template);
                return template;
            } catch (RuntimeException | Error e) {
                SHARED.remove(key, mine); // a later build tries again
                mine.completeExceptionally(e);
                throw e;
            }
        }

        /** A template handle of the caller's own, with a pool of its own that {@link #close()} drains. */
        public DatabaseTemplate buildOwned() {
            TemplateDescription description = describe();
            return new DatabaseTemplate(server, templateName(description), description, poolSize, false);
        }

        private void addOnce(TemplateSource slot) {
            if (!sources.contains(slot)) {
                sources.add(slot);
            }
        }

        private TemplateDescription describe() {
            List<TemplateSource> resolved = new ArrayList<>();
            addIf(!extensions.isEmpty(), resolved, Extensions.source(extensions));
            for (TemplateSource source : sources) {
                if (source == FLYWAY_SLOT) {
                    addIf(!locations.isEmpty(), resolved, new FlywayMigrations(locations));
                } else if (source == SCRIPTS_SLOT) {
                    addIf(!scripts.isEmpty(), resolved, new SqlScripts(scripts));
                } else {
                    resolved.add(source);
                }
            }
            return TemplateDescription.of(server, resolved);
        }

        private static void addIf(boolean condition, List<TemplateSource> sources, TemplateSource source) {
            if (condition) {
                sources.add(source);
            }
        }

        private String templateName(TemplateDescription description) {
            return PostgresServer.DATABASE_PREFIX + "tpl_"
                    + shortHash(description.checksum() + "|" + server.versionNum() + "|" + FORMAT);
        }

        private static DatabaseTemplate await(CompletableFuture<DatabaseTemplate> building) {
            try {
                return building.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause; // the build's own failure, as the thread that ran it saw it
                }
                throw e;
            }
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
