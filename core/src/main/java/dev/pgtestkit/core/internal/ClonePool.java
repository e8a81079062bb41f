package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.PostgresServer;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clones of one template, made ahead on background threads so a hand-out is a queue poll.
 *
 * <p>The stock follows demand: it starts at the configured size, grows by one (up to {@link #maxTarget()}) whenever a
 * hand-out finds it empty, and shrinks back to the configured size after {@link #IDLE_MILLIS} without a hand-out (the
 * surplus is dropped). A hand-out that finds the pool empty waits for the clone in the making rather than start one of
 * its own, which would only compete with it. Clones are made with {@code CREATE DATABASE ... STRATEGY FILE_COPY} on
 * PostgreSQL 15+ ({@link CloneStrategy} says why).
 *
 * <p>Given-back clones are checked and dropped in the background on {@value #DROP_THREADS} threads, never on the
 * test's thread while the pool is open; when more than {@link #dropBacklogLimit()} wait, the clone makers take them
 * on before they clone, so the backlog stays bounded however fast tests check out. Work is handed to the workers only
 * under this object's monitor, which {@link #close()} takes to shut them down: nothing is ever submitted to a worker
 * that is shut down.
 *
 * <p>A clone given back that provably nobody changed ({@link UnchangedCheck}: PostgreSQL 15+, no session left on it,
 * no row written or rolled back, no sequence used, nothing changed in the shared catalogs since it was made) is
 * renamed to a fresh pool name (so whatever still holds the old name fails as after a drop, rather than reach the
 * next test's database) and goes back into the ready stock instead of being dropped and cloned again (on PostgreSQL
 * 15 with {@code fsync} on, every drop waits for a checkpoint); the refill then makes fewer clones. At most
 * {@link #maxTarget()} clones are ready; beyond that, and in doubt, a clone is dropped, and the idle shrink drops the
 * surplus. {@code -Dpgtestkit.pool.reuse=false} turns reuse off; a pool of size 0 never reuses.
 *
 * <p>{@link #close()} (at JVM exit for shared templates) drops every clone made ahead and every clone given back. Clone
 * names carry this run's lease ({@link RunLease}): unique across machines and runs, and reclaimable by the next run
 * if this JVM is killed.
 */
public final class ClonePool implements AutoCloseable {

    /** Without a hand-out for this long, the stock shrinks back to the configured size. */
    static final long IDLE_MILLIS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(ClonePool.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final int DROP_THREADS = 2;
    /** How long a hand-out waits for a clone in the making before it clones on its own. */
    private static final long WAIT_MILLIS = 60_000;

    private final PostgresServer server;
    private final String template;
    private final int size;
    private final int maxTarget;
    private final String runToken;
    private final CloneStrategy strategy;
    private final BlockingQueue<String> ready = new LinkedBlockingQueue<>();
    private final Queue<String> toDrop = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger target;
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong madeAhead = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();
    /** Null when clones are never reused (see the class comment). */
    private final UnchangedCheck check;
    /** Shared-catalog fingerprints of the clones made ahead, taken at birth; a clone without one is never reused. */
    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();
    private final ScheduledExecutorService makers;
    private final ExecutorService droppers;
    private final ScheduledFuture<?> idleCheck;
    private volatile long lastTake = System.nanoTime();
    /** Why the last clone given back was dropped rather than reused, for diagnostics; null before any. */
    private volatile String lastDrop;
    private volatile boolean closed;

    public ClonePool(PostgresServer server, String template, int size) {
        this.server = server;
        this.template = template;
        this.size = size;
        this.maxTarget = size == 0 ? 0 : Math.max(size, Math.min(4 * size, 16));
        this.target = new AtomicInteger(size);
        this.runToken = RunLease.of(server).token();
        this.strategy = CloneStrategy.of(server);
        this.check = size == 0 ? null : UnchangedCheck.of(server);
        ScheduledThreadPoolExecutor scheduled = new ScheduledThreadPoolExecutor(makerThreads(),
                daemon("pgtestkit-clones-" + template));
        scheduled.setRemoveOnCancelPolicy(true);
        this.makers = scheduled;
        this.droppers = Executors.newFixedThreadPool(DROP_THREADS, daemon("pgtestkit-drops-" + template));
        this.idleCheck = size == 0 ? null
                : makers.scheduleWithFixedDelay(this::shrinkIfIdle, IDLE_MILLIS, IDLE_MILLIS / 2, TimeUnit.MILLISECONDS);
        refill();
    }

    /**
     * Clone makers: two, or one per two cores on larger machines (at most 4). A clone is partly waiting (checkpoints,
     * I/O), so two in parallel make more per second than one even on 2 cores (BENCHMARKS.md, "steady state");
     * {@code -Dpgtestkit.pool.cloneThreads} sets it.
     */
    public static int makerThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Integer.getInteger("pgtestkit.pool.cloneThreads", Math.max(2, Math.min(4, cores / 2))));
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * A clone's name (a fresh clone, or one given back unchanged); the caller owns the database and gives it back with
     * {@link #giveBack(String)}.
     */
    public String take() {
        lastTake = System.nanoTime();
        String name = ready.poll();
        if (name == null) {
            name = takeOnMiss();
        }
        refill();
        return name;
    }

    /** The pool was empty: demand outran the stock, so the stock grows; wait for a clone in the making. */
    private String takeOnMiss() {
        misses.incrementAndGet();
        target.getAndUpdate(t -> Math.min(maxTarget, t + 1));
        refill();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        try {
            while (!closed && inFlight.get() > 0 && System.nanoTime() < deadline) {
                String name = ready.poll(20, TimeUnit.MILLISECONDS);
                if (name != null) {
                    return name;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String name = ready.poll();
        if (name == null) {
            name = newName();
            strategy.create(server, name, template);
        }
        return name;
    }

    /** Clones ready for an immediate hand-out. */
    public int readyCount() {
        return ready.size();
    }

    /** Clones the pool aims to keep ready: the configured size, more while demand outruns it. */
    public int target() {
        return target.get();
    }

    /** The most clones the pool keeps ready, however high the demand. */
    public int maxTarget() {
        return maxTarget;
    }

    /** Hand-outs that found no clone ready. */
    public long misses() {
        return misses.get();
    }

    /** Clones made on the pool's threads (ahead of the hand-out that takes them). */
    public long madeAhead() {
        return madeAhead.get();
    }

    /** The {@code CREATE DATABASE} strategy in use once both were tried; null before, or where there is no choice. */
    public String strategy() {
        return strategy.chosen();
    }

    /** Clones given back unchanged and handed out again, instead of dropped and cloned anew. */
    public long reused() {
        return reused.get();
    }

    /** Why the last clone given back was dropped instead of reused (null before any was): for diagnostics. */
    String lastDrop() {
        return lastDrop;
    }

    /** Clones given back and not checked or dropped yet. */
    public int dropBacklog() {
        return toDrop.size();
    }

    /** How many drops may wait before the clone makers help with them. */
    int dropBacklogLimit() {
        return Math.max(2 * maxTarget, 4);
    }

    /**
     * Takes back a clone: in the background, it goes back into the ready stock under a new name if provably unchanged,
     * else it is dropped (right away when the pool is closed).
     */
    public void giveBack(String name) {
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
        while (!closed && ready.size() + inFlight.get() < target.get()) {
            inFlight.incrementAndGet();
            makers.execute(this::cloneOne);
        }
    }

    private void cloneOne() {
        try {
            while (toDrop.size() > dropBacklogLimit()) {
                dropOne(); // drops first: the backlog stays bounded, off the tests' threads
            }
            if (!closed) {
                String name = newName();
                strategy.create(server, name, template);
                fingerprint(name);
                madeAhead.incrementAndGet();
                ready.add(name);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not pre-clone {}: {}", template, e.getMessage());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Back to the configured size once hand-outs stopped: the surplus of a burst (or of reuses) is dropped. */
    private void shrinkIfIdle() {
        if (System.nanoTime() - lastTake < TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS)) {
            return;
        }
        if (check != null && toDrop.isEmpty()) {
            check.releaseSessions();
        }
        if (target.get() <= size && ready.size() <= size) {
            return;
        }
        target.set(size);
        while (ready.size() > size) {
            String name = ready.poll();
            if (name != null) {
                dropQuietly(name);
            }
        }
    }

    private String newName() {
        String shortTemplate = template.substring(Math.max(0, template.length() - 8));
        return PostgresServer.DATABASE_PREFIX + "db_" + shortTemplate + "_" + runToken + "_"
                + COUNTER.incrementAndGet();
    }

    private void fingerprint(String name) {
        String fingerprint = check == null ? null : check.fingerprint(name);
        if (fingerprint != null) {
            fingerprints.put(name, fingerprint);
        }
    }

    private void dropOne() {
        String name = toDrop.poll();
        if (name != null) {
            reuseOrDrop(name);
        }
    }

    /** Back into the ready stock when provably unchanged and the stock has room, else dropped. */
    private void reuseOrDrop(String name) {
        String fingerprint = fingerprints.remove(name);
        if (fingerprint == null || closed || ready.size() >= maxTarget) {
            lastDrop = name + ": " + (fingerprint == null ? "no fingerprint taken at birth (cloned on a hand-out, or "
                    + "its shared-catalog state could not be read)" : closed ? "the pool is closing" : "the stock is full");
            dropQuietly(name);
            return;
        }
        UnchangedCheck.Verdict verdict = check.check(name, fingerprint, newName());
        if (verdict.unchanged() && !closed) {
            fingerprints.put(verdict.name(), fingerprint);
            ready.add(verdict.name());
            long count = reused.incrementAndGet();
            LOG.debug("Reusing {} as {}: unchanged ({} reuses of {})", name, verdict.name(), count, template);
            return;
        }
        lastDrop = name + (name.equals(verdict.name()) ? "" : " (now " + verdict.name() + ")") + ": "
                + (verdict.unchanged() ? "the pool is closing" : verdict.change());
        LOG.debug("Dropping {}", lastDrop);
        dropQuietly(verdict.name());
    }

    private void dropQuietly(String name) {
        fingerprints.remove(name);
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
            if (idleCheck != null) {
                idleCheck.cancel(false);
            }
            makers.shutdown();
            droppers.shutdown();
        }
        try {
            makers.awaitTermination(60, TimeUnit.SECONDS);
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
        if (check != null) {
            check.close();
        }
    }
}
