package dev.pgtestkit.core;

import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;

/**
 * A running PostgreSQL server: hands out JDBC URLs and connections, creates and drops the throwaway databases
 * pgtestkit owns (names start with {@link #DATABASE_PREFIX}), and closes. Thread-safe.
 */
public interface PostgresServer extends AutoCloseable {

    /** Every database pgtestkit creates starts with this; it never creates, drops or changes any other. */
    String DATABASE_PREFIX = "pgtestkit_";

    /** Which provider started it: {@code embedded}, {@code url} or {@code testcontainers}. */
    String kind();

    /** One line for logs: kind, version, host and port. Never contains a password. */
    String description();

    /** {@code server_version_num}, e.g. 170006. */
    int versionNum();

    /** JDBC URL of a database on this server, with the user but never the password. */
    String jdbcUrl(String database);

    /** User name that connections use. */
    String user();

    /** A DataSource for a database on this server (credentials included). */
    DataSource dataSource(String database);

    /** A new connection to a database on this server; the caller closes it. */
    Connection connect(String database);

    /** The database used for administrative statements ({@code postgres} unless the URL named another). */
    String adminDatabase();

    /** {@code CREATE DATABASE name [TEMPLATE template]}; name must start with {@link #DATABASE_PREFIX}. */
    void createDatabase(String name, String template);

    /** {@code DROP DATABASE IF EXISTS name WITH (FORCE)}; refuses names without {@link #DATABASE_PREFIX}. */
    void dropDatabase(String name);

    /**
     * Excludes a database this server created from the clean-up at {@link #close()} (templates, kept databases).
     * Databases created here and not retained are dropped when the server closes.
     */
    void retain(String database);

    /** Names of existing databases starting with the given prefix (which must start with DATABASE_PREFIX). */
    List<String> databases(String prefix);

    /** Stops the server (embedded, container) or closes admin connections (URL). Idempotent. */
    @Override
    void close();
}
