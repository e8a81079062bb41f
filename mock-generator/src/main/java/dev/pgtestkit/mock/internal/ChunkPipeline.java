package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.PgTestkitException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates a plan's chunks on worker threads while the calling thread hands finished ones, in order, to a
 * sink (COPY into Postgres, files): a producer/consumer pipeline whose bounded window of chunks in flight keeps
 * memory flat and lets generation run ahead of the sink, across table boundaries too.
 */
final class ChunkPipeline {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private record Task(int table, long from, int count) {
    }

    private final CompiledPlan plan;
    private final ChunkProducer producer;
    private final int threads;
    private final int chunkRows;

    ChunkPipeline(CompiledPlan plan, ChunkProducer producer, int threads, int chunkRows) {
        this.plan = plan;
        this.producer = producer;
        this.threads = threads;
        this.chunkRows = chunkRows;
    }

    void run(ChunkSink sink) {
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pgtestkit-mock-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            consume(sink, workers);
        } finally {
            workers.shutdownNow();
        }
    }

    private void consume(ChunkSink sink, ExecutorService workers) {
        Iterator<Task> tasks = tasks();
        Deque<Future<Chunk>> inFlight = new ArrayDeque<>();
        int window = threads * 2 + 1;
        for (TableGenerator g : plan.tables()) {
            sink.startTable(g);
            long chunks = (g.rows() + chunkRows - 1) / chunkRows;
            for (long k = 0; k < chunks; k++) {
                while (inFlight.size() < window && tasks.hasNext()) {
                    Task t = tasks.next();
                    TableGenerator tg = plan.tables().get(t.table());
                    inFlight.add(workers.submit(() -> producer.produce(t.table(), tg, t.from(), t.count())));
                }
                sink.chunk(g, await(inFlight.poll()));
            }
            sink.endTable(g);
        }
    }

    private static Chunk await(Future<Chunk> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PgTestkitException("Interrupted while generating rows", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new PgTestkitException("Generating rows failed: " + e.getCause(), e.getCause());
        }
    }

    /** Every chunk of every table, in plan order. */
    private Iterator<Task> tasks() {
        return new Iterator<>() {
            private int table;
            private long from;

            @Override
            public boolean hasNext() {
                while (table < plan.tables().size() && from >= plan.tables().get(table).rows()) {
                    table++;
                    from = 0;
                }
                return table < plan.tables().size();
            }

            @Override
            public Task next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int count = (int) Math.min(chunkRows, plan.tables().get(table).rows() - from);
                Task t = new Task(table, from, count);
                from += count;
                return t;
            }
        };
    }
}
