package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.PostgresServer;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clones of one template, made ahead on a background thread so a hand-out is a queue poll. Drops happen in the
 * background on {@value #DROP_THREADS} threads; when more than {@link #dropBacklogLimit()} wait, a hand-out first
 * drops one itself, so the backlog stays bounded however fast tests check out (nothing is left for JVM exit). When the
 * pool is empty (or closed) a clone is made on the caller's thread, and a drop happens there too. Work is handed to
 * the workers only under this object's monitor, which {@link #close()} takes to shut them down: nothing is ever
 * submitted to a worker that is shut down. Clone names carry this run's lease ({@link RunLease}): unique across
 * machines and runs, and reclaimable once the run is gone.
 */
public final class ClonePool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClonePool.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final int DROP_THREADS = 2;

    private final PostgresServer server;
    private final String template;
    private final int size;
    private final String runToken;
    private final BlockingQueue<String> ready = new LinkedBlockingQueue<>();
    private final Queue<String> toDrop = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService worker;
    private final ExecutorService droppers;
    private volatile boolean closed;

    public ClonePool(PostgresServer server, String template, int size) {
        this.server = server;
        this.template = template;
        this.size = size;
        this.runToken = RunLease.of(server).token();
        this.worker = Executors.newSingleThreadExecutor(daemon("pgtestkit-clones-" + template));
        this.droppers = Executors.newFixedThreadPool(DROP_THREADS, daemon("pgtestkit-drops-" + template));
        refill();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** A fresh clone's name; the caller owns the database and gives it back with {@link #discard(String)}. */
    public String take() {
        while (toDrop.size() > dropBacklogLimit()) {
            dropOne(); // throttle: the hand-out waits for a drop rather than let the backlog grow
        }
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

    /** Clones given back and not dropped yet. */
    public int dropBacklog() {
        return toDrop.size();
    }

    /** How many drops may wait before hand-outs help with them. */
    int dropBacklogLimit() {
        return Math.max(2 * size, 4);
    }

    /** Drops the clone in the background (or right away when the pool is closed). */
    public void discard(String name) {
        synchronized (this) {
            if (!closed) {
                toDrop.add(name);
                droppers.execute(this::dropOne);
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
        return PostgresServer.DATABASE_PREFIX + "db_" + shortTemplate + "_" + runToken + "_"
                + COUNTER.incrementAndGet();
    }

    private void dropOne() {
        String name = toDrop.poll();
        if (name != null) {
            dropQuietly(name);
        }
    }

    private void dropQuietly(String name) {
        try {
            server.dropDatabase(name);
        } catch (RuntimeException e) {
            LOG.warn("Could not drop {}: {}", name, e.getMessage());
        }
    }

    /** Stops pre-cloning, waits for pending work and drops the clones nobody took and those given back. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            worker.shutdown();
            droppers.shutdown();
        }
        try {
            worker.awaitTermination(60, TimeUnit.SECONDS);
            droppers.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String name;
        while ((name = ready.poll()) != null) {
            dropQuietly(name);
        }
        while ((name = toDrop.poll()) != null) {
            dropQuietly(name);
        }
    }
}
