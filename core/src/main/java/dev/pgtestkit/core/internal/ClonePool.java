package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.PostgresServer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clones of one template, made ahead on a background thread so a hand-out is a queue poll. Drops also happen in
 * the background. When the pool is empty (or closed) a clone is made on the caller's thread, and a drop happens
 * there too. Work is handed to the worker only under this object's monitor, which {@link #close()} takes to shut it
 * down: nothing is ever submitted to a worker that is shut down.
 */
public final class ClonePool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClonePool.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String JVM_TOKEN = Long.toString(ProcessHandle.current().pid(), 36);

    private final PostgresServer server;
    private final String template;
    private final int size;
    private final BlockingQueue<String> ready = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService worker;
    private volatile boolean closed;

    public ClonePool(PostgresServer server, String template, int size) {
        this.server = server;
        this.template = template;
        this.size = size;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pgtestkit-clones-" + template);
            t.setDaemon(true);
            return t;
        });
        refill();
    }

    /** A fresh clone's name; the caller owns the database and gives it back with {@link #discard(String)}. */
    public String take() {
        String name = ready.poll();
        if (name == null) {
            name = newName();
            server.createDatabase(name, template);
        }
        refill();
        return name;
    }

    /** Clones ready for an immediate hand-out. */
    public int readyCount() {
        return ready.size();
    }

    /** Drops the clone in the background (or right away when the pool is closed). */
    public void discard(String name) {
        synchronized (this) {
            if (!closed) {
                worker.execute(() -> dropQuietly(name));
                return;
            }
        }
        server.dropDatabase(name);
    }

    private synchronized void refill() {
        while (!closed && ready.size() + inFlight.get() < size) {
            inFlight.incrementAndGet();
            worker.execute(this::cloneOne);
        }
    }

    private void cloneOne() {
        try {
            if (!closed) {
                String name = newName();
                server.createDatabase(name, template);
                ready.add(name);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not pre-clone {}: {}", template, e.getMessage());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private String newName() {
        String shortTemplate = template.substring(Math.max(0, template.length() - 8));
        return PostgresServer.DATABASE_PREFIX + "db_" + shortTemplate + "_" + JVM_TOKEN + "_" + COUNTER.incrementAndGet();
    }

    private void dropQuietly(String name) {
        try {
            server.dropDatabase(name);
        } catch (RuntimeException e) {
            LOG.warn("Could not drop {}: {}", name, e.getMessage());
        }
    }

    /** Stops pre-cloning, waits for pending work and drops the clones nobody took. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            worker.shutdown();
        }
        try {
            worker.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String name;
        while ((name = ready.poll()) != null) {
            dropQuietly(name);
        }
    }
}
