package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.RedactionRules;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link SqlInfo} per SQL string, so the lexer and JSqlParser see each distinct string once. Bounded: when full it
 * starts over (statements built with inlined constants would otherwise grow it without end).
 *
 * <p>Loggers with the built-in rules ({@link RedactionRules#defaults()}, {@link RedactionRules#none()}) and the same
 * parse settings share one JVM-wide cache ({@link #forLogger}): a logger per test (as the JUnit extension creates)
 * then does not re-analyze the statements earlier tests ran. A {@link SqlInfo} is a pure function of the string and
 * those settings, and holds no events, so sharing it shows no logger another's statements. Custom rules may carry a
 * column order bound to one database, so their logger keeps a cache of its own.
 */
final class SqlInfoCache {

    private record Key(RedactionRules rules, boolean parse, int capacity) {
    }

    private static final ConcurrentHashMap<Key, SqlInfoCache> SHARED = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<String, SqlInfo> jdbc = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SqlInfo> plain = new ConcurrentHashMap<>();
    private final int capacity;
    private final RedactionRules rules;
    private final SqlParserService parser;
    /** How many strings this cache analyzed (cache misses); observable by tests. */
    private final AtomicLong analyzed = new AtomicLong();

    /** The cache a logger with these settings uses: the shared one for built-in rules, else a new one. */
    static SqlInfoCache forLogger(int capacity, RedactionRules rules, SqlParserService parser) {
        if (rules != RedactionRules.defaults() && rules != RedactionRules.none()) {
            return new SqlInfoCache(capacity, rules, parser);
        }
        return SHARED.computeIfAbsent(new Key(rules, parser != null, capacity),
                key -> new SqlInfoCache(capacity, rules, parser));
    }

    /** A null parser skips JSqlParser. */
    SqlInfoCache(int capacity, RedactionRules rules, SqlParserService parser) {
        this.capacity = capacity;
        this.rules = rules;
        this.parser = parser;
    }

    /** The info of {@code sql}; {@code jdbc} for prepared/callable SQL, where {@code ?} is a placeholder. */
    SqlInfo get(String sql, boolean jdbc) {
        ConcurrentHashMap<String, SqlInfo> map = jdbc ? this.jdbc : plain;
        SqlInfo info = map.get(sql);
        if (info != null) {
            return info;
        }
        analyzed.incrementAndGet();
        info = SqlInfo.analyze(sql, jdbc, rules, parser);
        if (map.size() >= capacity) {
            map.clear();
        }
        SqlInfo raced = map.putIfAbsent(sql, info);
        return raced != null ? raced : info;
    }

    long analyzed() {
        return analyzed.get();
    }
}
