package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.PostgresServer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code CREATE DATABASE ... STRATEGY} of a pool's clones (PostgreSQL 15+). {@code FILE_COPY} by default: it
 * copies the template's files and pays for its two checkpoints while it clones, on the pool's thread. A
 * {@code WAL_LOG} clone needs no checkpoint (with {@code fsync} on it was the quicker to create), but it writes every
 * page of the template through the WAL and leaves them dirty in shared buffers: the checkpoint a later
 * {@code DROP DATABASE} waits for writes them again, and the tests' own commits wait behind that WAL. So on a quiet
 * 2-core machine tests that write ran faster with
 * {@code FILE_COPY}, on a server with {@code fsync} on (where its clones took longer) and on the embedded one
 * (BENCHMARKS.md, "Clone strategy"): timing the clones alone picks the wrong one. {@code FILE_COPY} is also what every
 * server before 15 does. {@code -Dpgtestkit.cloneStrategy=WAL_LOG|DEFAULT} fixes another one; {@code auto} alternates
 * both for the first clones, then uses the one whose clones were fastest (lowest of its last few), trying the other
 * again now and then.
 */
final class CloneStrategy {

    static final String PROPERTY = "pgtestkit.cloneStrategy";
    private static final Logger LOG = LoggerFactory.getLogger(CloneStrategy.class);
    /** Clones of each strategy before choosing. */
    private static final int PROBES = 2;
    /** Times kept per strategy. */
    private static final int KEPT = 3;
    /** Every this many clones, one uses the strategy not chosen, so a change of the machine's load shows. */
    private static final int RETRY_EVERY = 200;

    private final List<String> candidates;
    private final Map<String, Deque<Long>> times = new LinkedHashMap<>();
    private String chosen;
    private int made;

    private CloneStrategy(List<String> candidates) {
        this.candidates = candidates;
        candidates.forEach(c -> times.put(c, new ArrayDeque<>()));
    }

    /**
     * The strategy the property names (FILE_COPY unless set), both when it says {@code auto}; before PostgreSQL 15, or
     * on a server pgtestkit does not reach by JDBC, only the server's own (null).
     */
    static CloneStrategy of(PostgresServer server) {
        String fixed = System.getProperty(PROPERTY, "FILE_COPY").trim().toUpperCase(Locale.ROOT);
        if (server.versionNum() < 150000 || jdbcServer(server) == null || fixed.equals("DEFAULT")) {
            return new CloneStrategy(List.of());
        }
        if (fixed.equals("FILE_COPY") || fixed.equals("WAL_LOG")) {
            return new CloneStrategy(List.of(fixed));
        }
        if (!fixed.equals("AUTO")) {
            throw new IllegalArgumentException(PROPERTY + " must be auto, FILE_COPY, WAL_LOG or DEFAULT, was '"
                    + fixed + "'");
        }
        return new CloneStrategy(List.of("FILE_COPY", "WAL_LOG"));
    }

    /** The server as pgtestkit's JDBC server (which takes a strategy), or null for a server of another kind. */
    static JdbcServer jdbcServer(PostgresServer server) {
        PostgresServer unwrapped = server instanceof UncloseableServer shared ? shared.delegate() : server;
        return unwrapped instanceof JdbcServer jdbc ? jdbc : null;
    }

    /** Clones the template with the next strategy and records how long it took. */
    void create(PostgresServer server, String name, String template) {
        String strategy = next();
        long start = System.nanoTime();
        if (strategy == null) {
            server.createDatabase(name, template);
        } else {
            jdbcServer(server).createDatabase(name, template, strategy);
        }
        record(strategy, System.nanoTime() - start);
    }

    /** The strategy of the next clone; null for the server's default. */
    synchronized String next() {
        if (candidates.size() < 2) {
            return candidates.isEmpty() ? null : candidates.get(0);
        }
        for (String candidate : candidates) {
            if (times.get(candidate).size() < PROBES) {
                return candidate;
            }
        }
        made++;
        String best = best();
        if (made % RETRY_EVERY == 0) {
            return candidates.get(0).equals(best) ? candidates.get(1) : candidates.get(0);
        }
        return best;
    }

    /** Records how long a clone made with the strategy took. */
    synchronized void record(String strategy, long nanos) {
        Deque<Long> kept = strategy == null ? null : times.get(strategy);
        if (kept == null) {
            return;
        }
        kept.addLast(nanos);
        if (kept.size() > KEPT) {
            kept.removeFirst();
        }
        if (times.values().stream().allMatch(t -> t.size() >= PROBES)) {
            String best = best();
            if (!best.equals(chosen)) {
                LOG.debug("Cloning with STRATEGY {} (fastest of the last clones: {} ms)", best, summary());
                chosen = best;
            }
        }
    }

    /** The strategy in use once both were tried, else null. */
    synchronized String chosen() {
        return chosen;
    }

    private String best() {
        String best = null;
        long bestTime = Long.MAX_VALUE;
        for (Map.Entry<String, Deque<Long>> entry : times.entrySet()) {
            long fastest = entry.getValue().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
            if (fastest < bestTime) {
                best = entry.getKey();
                bestTime = fastest;
            }
        }
        return best;
    }

    private String summary() {
        StringBuilder text = new StringBuilder();
        times.forEach((strategy, kept) -> text.append(text.length() == 0 ? "" : ", ").append(strategy).append(' ')
                .append(kept.stream().map(t -> String.valueOf(t / 1_000_000)).toList()));
        return text.toString();
    }
}
