package dev.pgtestkit.junit.internal;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.tx.TestTransactions;
import dev.pgtestkit.junit.SessionCheck;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cloned database of a test class (or of one test): its plain DataSource, its test transactions (on reused
 * sessions), per-database caches (e.g. the schema registry), and what happens to it at the end: dropped,
 * or kept with its URL logged when a test failed and {@code keepOnFailure} is on. Thread-safe.
 */
public final class DatabaseHandle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHandle.class);

    private final DisposableDatabase database;
    private final boolean keepOnFailure;
    private final DataSource dataSource;
    private final Map<Object, Object> cache = new ConcurrentHashMap<>();
    private final AtomicLong testsEnded = new AtomicLong();
    private TestTransactions transactions;
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

    /** Test transactions on this database, prepared on first use. */
    public synchronized TestTransactions transactions() {
        if (transactions == null) {
            transactions = TestTransactions.on(database);
        }
        return transactions;
    }

    /** Whether test transactions on this database have been prepared. */
    public synchronized boolean hasTransactions() {
        return transactions != null;
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
        return SessionCheck.SPACED.checks(testsEnded.incrementAndGet());
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
            if (transactions != null) {
                transactions.close();
            }
        }
        database.close();
    }
}
