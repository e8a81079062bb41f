package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.PostgresServer;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;

/** A shared server as handed to callers: everything delegates, except close(), which the JVM exit does. */
record UncloseableServer(PostgresServer delegate) implements PostgresServer {

    @Override
    public String kind() {
        return delegate.kind();
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public int versionNum() {
        return delegate.versionNum();
    }

    @Override
    public String jdbcUrl(String database) {
        return delegate.jdbcUrl(database);
    }

    @Override
    public String user() {
        return delegate.user();
    }

    @Override
    public DataSource dataSource(String database) {
        return delegate.dataSource(database);
    }

    @Override
    public Connection connect(String database) {
        return delegate.connect(database);
    }

    @Override
    public String adminDatabase() {
        return delegate.adminDatabase();
    }

    @Override
    public void createDatabase(String name, String template) {
        delegate.createDatabase(name, template);
    }

    @Override
    public void dropDatabase(String name) {
        delegate.dropDatabase(name);
    }

    @Override
    public void retain(String database) {
        delegate.retain(database);
    }

    @Override
    public List<String> databases(String prefix) {
        return delegate.databases(prefix);
    }

    @Override
    public void close() {
        // shared: stopped at JVM exit
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
