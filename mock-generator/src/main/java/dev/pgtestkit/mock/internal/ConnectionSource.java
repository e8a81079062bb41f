package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.ConnectionException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/** One extra connection per worker thread, opened on first use and all closed together. */
final class ConnectionSource implements AutoCloseable {

    private final DataSource dataSource;
    @SuppressWarnings("ThreadLocalUsage") // per source on purpose: each load has its own connections, closed with it
    private final ThreadLocal<Connection> perThread = new ThreadLocal<>();
    private final List<Connection> opened = new CopyOnWriteArrayList<>();

    ConnectionSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Connection get() {
        Connection c = perThread.get();
        if (c == null) {
            try {
                c = dataSource.getConnection();
            } catch (SQLException e) {
                throw new ConnectionException("Cannot open a connection to verify generated rows: " + e.getMessage(), e);
            }
            perThread.set(c);
            opened.add(c);
        }
        return c;
    }

    @Override
    public void close() {
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a read-only helper connection; nothing to lose
            }
        }
        opened.clear();
    }
}
