package dev.pgtestkit.junit.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Resources handed to a scope's parameters (connections, Jdbi handles), closed last-in first-out; a value cache. */
public final class Resources {

    private static final Logger LOG = LoggerFactory.getLogger(Resources.class);

    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private final Map<Object, Object> cache = new ConcurrentHashMap<>();

    synchronized void register(AutoCloseable resource) {
        open.push(resource);
    }

    /** Computed outside the map: a computation may itself ask the cache for another value. */
    @SuppressWarnings("unchecked")
    <T> T cached(Object key, Supplier<T> compute) {
        Object value = cache.get(key);
        if (value == null) {
            value = compute.get();
            Object raced = cache.putIfAbsent(key, value);
            return (T) (raced != null ? raced : value);
        }
        return (T) value;
    }

    /** Closes everything; returns the first failure (others are logged) so the test can report it. */
    RuntimeException closeAll() {
        RuntimeException first = null;
        AutoCloseable next;
        while ((next = poll()) != null) {
            try {
                next.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
                } else {
                    LOG.warn("Closing {} failed: {}", next, e.getMessage());
                }
            }
        }
        cache.clear();
        return first;
    }

    private synchronized AutoCloseable poll() {
        return open.poll();
    }
}
