package dev.pgtestkit.core;

/**
 * Starts (or connects to) a PostgreSQL server.
 *
 * <pre>{@code
 * PostgresServer server = PostgresProvider.auto().shared();   // one per JVM, stopped at exit
 * }</pre>
 */
public interface PostgresProvider {

    /** Short name: {@code embedded}, {@code url}, {@code testcontainers}, {@code auto}. */
    String name();

    /** Starts a new server owned by the caller, who closes it. */
    PostgresServer start();

    /**
     * The JVM-wide server of this provider configuration: started on first call, shared by every caller,
     * stopped when the JVM exits. Closing the returned server does nothing.
     */
    PostgresServer shared();

    /**
     * Explicit URL ({@code PGTESTKIT_URL} / {@code pgtestkit.url}) → Docker → embedded; see the README. Ask for a
     * version or settings with {@link AutoProvider#withPostgresVersion} and {@link AutoProvider#setting}.
     */
    static AutoProvider auto() {
        return AutoProvider.fromSystem();
    }

    /** Embedded PostgreSQL from the zonky binaries (17, core's, unless {@code PGTESTKIT_PG_VERSION} says another). */
    static EmbeddedProvider embedded() {
        return EmbeddedProvider.defaults();
    }

    /** An existing server, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}. */
    static UrlProvider url(String jdbcUrl) {
        return new UrlProvider(java.util.Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
    }

    /** A Testcontainers container of {@code PGTESTKIT_IMAGE} (default {@code postgres:17}). */
    static TestcontainersProvider testcontainers() {
        return TestcontainersProvider.fromSettings(dev.pgtestkit.core.internal.Settings.fromSystem());
    }
}
