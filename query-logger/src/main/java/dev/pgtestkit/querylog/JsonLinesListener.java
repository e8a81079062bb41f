package dev.pgtestkit.querylog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pgtestkit.querylog.internal.EventJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Writes every event as one JSON object per line (newline-delimited JSON) to a file, on its own writer thread so
 * the application never waits for the disk: events are queued (up to {@value #QUEUE_CAPACITY}; beyond that they
 * are dropped and counted, never blocking) and written in order. {@link #flush()} waits until everything queued so
 * far is on disk; {@link #close()} flushes and closes the file. The fields are listed in the README.
 */
public final class JsonLinesListener implements QueryListener, AutoCloseable {

    static final int QUEUE_CAPACITY = 65_536;
    private static final Object CLOSE = new Object();

    private final Path file;
    private final Writer out;
    private final JsonGenerator json;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    private JsonLinesListener(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        this.json = new JsonFactory().createGenerator(out);
        this.json.setRootValueSeparator(null);
        this.writer = new Thread(this::drain, "pgtestkit-querylog-jsonl");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Creates (or truncates) {@code file} and its parent directories and starts writing to it.
     *
     * @throws UncheckedIOException when the file cannot be created
     */
    public static JsonLinesListener open(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return new JsonLinesListener(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the JSON lines file " + file.toAbsolutePath()
                    + ": " + e.getMessage() + ". Check that the directory is writable.", e);
        }
    }

    public Path file() {
        return file;
    }

    /** Events dropped because the queue was full. */
    public long droppedEvents() {
        return dropped.get();
    }

    @Override
    public void onEvent(QueryEvent event) {
        if (closed || !queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    /** Waits (up to 10 s) until the events queued so far are written and flushed. */
    public void flush() {
        CountDownLatch done = new CountDownLatch(1);
        try {
            if (!closed && queue.offer(done, 10, TimeUnit.SECONDS)) {
                done.await(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued, then closes the file. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(CLOSE);
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        List<Object> batch = new ArrayList<>();
        try (out) {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch);
                if (!writeAll(batch)) {
                    return;
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LoggerFactory.getLogger(JsonLinesListener.class).warn("Writing {} failed: {}", file, e.toString());
        }
    }

    /** Writes the batch and flushes; false once the close marker is reached. */
    private boolean writeAll(List<Object> batch) throws IOException {
        for (Object item : batch) {
            if (item == CLOSE) {
                json.flush();
                return false;
            } else if (item instanceof QueryEvent event) {
                EventJson.write(event, json);
                json.writeRaw('\n');
            }
        }
        json.flush();
        batch.stream().filter(CountDownLatch.class::isInstance).forEach(l -> ((CountDownLatch) l).countDown());
        return true;
    }

    @Override
    public String toString() {
        return "JsonLinesListener[" + file + "]";
    }
}
