package dev.pgtestkit.junit.internal;

import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.core.DisposableDatabase;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cloned database of a test class (or of one test): its plain DataSource, a pool of physical connections for
 * test transactions, per-database caches (e.g. the schema registry), and what happens to it at the end: dropped,
 * or kept with its URL logged when a test failed and {@code keepOnFailure} is on. Thread-safe.
 */
public final class DatabaseHandle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHandle.class);

    private final DisposableDatabase database;
    private final boolean keepOnFailure;
    private final DataSource dataSource;
    private final Map<Object, Object> cache = new ConcurrentHashMap<>();
    private final AtomicLong testsEnded = new AtomicLong();
    private ConnectionPool pool;
    private volatile boolean failed;
    private volatile boolean finished;

    DatabaseHandle(DisposableDatabase database, boolean keepOnFailure) {
        this.database = database;
        this.keepOnFailure = keepOnFailure;
        this.dataSource = database.dataSource();
    }

    public DisposableDatabase database() {
        return database;
    }

    public String name() {
        return database.name();
    }

    /** Plain DataSource of the database (writes commit); one instance, shared. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Physical connections for test transactions, opened on first use. */
    public synchronized ConnectionPool pool() {
        if (pool == null) {
            try {
                pool = new ConnectionPool(database.dataSource());
            } catch (SQLException e) {
                throw new ConnectionException("Cannot prepare connections to " + database.name() + ": "
                        + e.getMessage(), e.getSQLState(), e);
            }
        }
        return pool;
    }

    /** A value computed once per database, e.g. the schema registry. */
    @SuppressWarnings("unchecked")
    public <T> T cached(Object key, Supplier<T> compute) {
        Object value = cache.get(key);
        if (value == null) {
            value = compute.get(); // outside the map: loading may take a while and use other caches
            Object raced = cache.putIfAbsent(key, value);
            return (T) (raced != null ? raced : value);
        }
        return (T) value;
    }

    /** Whether the next test on this database is the 1st, 2nd, 4th, 8th...: {@code SessionCheck.SPACED}. */
    public boolean nextTestChecksSessions() {
        return isSpacedCheck(testsEnded.incrementAndGet());
    }

    /** Whether the {@code ordinal}-th test (from 1) is checked under {@code SessionCheck.SPACED}: powers of two. */
    public static boolean isSpacedCheck(long ordinal) {
        return ordinal > 0 && (ordinal & (ordinal - 1)) == 0;
    }

    public void markFailed() {
        failed = true;
    }

    public boolean keepsFailures() {
        return keepOnFailure;
    }

    /**
     * Closes the pool, then drops the database, or keeps it when a test failed and {@code keepOnFailure} is on:
     * then its URL is logged and published as the report entry {@code pgtestkit.keptDatabase}.
     */
    public void finish(ExtensionContext context, String who) {
        if (finished) {
            return;
        }
        if (failed && keepOnFailure) {
            database.keep();
            LOG.warn("Kept database {} of failed {}: {}", database.name(), who, database.jdbcUrl());
            context.publishReportEntry("pgtestkit.keptDatabase", database.jdbcUrl());
        }
        close();
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        synchronized (this) {
            if (pool != null) {
                pool.close();
            }
        }
        database.close();
    }
}
