package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.RedactionRules;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * {@link SqlInfo} per SQL string, so the lexer and JSqlParser see each distinct string once. Bounded: when full it
 * starts over (statements built with inlined constants would otherwise grow it without end).
 *
 * <p>Loggers with the built-in rules ({@link RedactionRules#defaults()}, {@link RedactionRules#none()}) and the same
 * parse settings share one JVM-wide cache ({@link #forLogger}): a logger per test (as the JUnit extension creates)
 * then does not re-analyze the statements earlier tests ran. A {@link SqlInfo} is a pure function of the string and
 * those settings, and holds no events, so sharing it shows no logger another's statements. Custom rules and a
 * catalog ({@code schemaOf}) may be bound to one database: loggers given the same such objects (the JUnit extension
 * makes them once per database) share a cache that lives as long as those objects (held weakly); with rules that add
 * no pattern to the built-in ones, what it analyzes is also shared with caches bound to other databases whose catalog
 * answers alike ({@link SharedAnalyses}), so a database per test does not mean a parse per test.
 */
final class SqlInfoCache {

    private record Key(RedactionRules rules, boolean parse, int capacity) {
    }

    private static final ConcurrentHashMap<Key, SqlInfoCache> SHARED = new ConcurrentHashMap<>();
    /** Caches of custom rules or a catalog, weakly by the catalog (else the rules) they belong to. */
    private static final Map<Object, Map<List<Object>, SqlInfoCache>> BOUND =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final ConcurrentHashMap<String, SqlInfo> jdbc = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SqlInfo> plain = new ConcurrentHashMap<>();
    private final int capacity;
    private final SqlParserService parser;
    /** Analyses shared with caches bound to other catalogs; null for the shared caches and custom patterns. */
    private final SharedAnalyses shared;
    /** How many strings this cache analyzed (misses here and in the shared analyses); observable by tests. */
    private final AtomicLong analyzed = new AtomicLong();

    /** The cache a logger with these settings uses: the shared one for built-in rules, else a new one. */
    static SqlInfoCache forLogger(int capacity, RedactionRules rules, Function<String, String> schemaOf,
            SqlParserService parser) {
        boolean builtIn = rules == RedactionRules.defaults() || rules == RedactionRules.none();
        if (builtIn && schemaOf == null) {
            return SHARED.computeIfAbsent(new Key(rules, parser != null, capacity),
                    key -> new SqlInfoCache(capacity, parser));
        }
        // the weak key must not be reachable from its value: the cache holds neither, the inner key only the rules
        Object owner = schemaOf != null ? schemaOf : rules;
        List<Object> settings = Arrays.asList(schemaOf != null ? rules : null, parser != null, capacity);
        SharedAnalyses shared = SharedAnalyses.of(rules, schemaOf, parser != null, capacity);
        synchronized (BOUND) {
            return BOUND.computeIfAbsent(owner, o -> new HashMap<>())
                    .computeIfAbsent(settings, k -> new SqlInfoCache(capacity, parser, shared));
        }
    }

    /** A null parser skips JSqlParser. */
    SqlInfoCache(int capacity, SqlParserService parser) {
        this(capacity, parser, null);
    }

    private SqlInfoCache(int capacity, SqlParserService parser, SharedAnalyses shared) {
        this.capacity = capacity;
        this.parser = parser;
        this.shared = shared;
    }

    /** The info of {@code sql}; {@code jdbc} for prepared/callable SQL, where {@code ?} is a placeholder. */
    SqlInfo get(String sql, boolean jdbc, RedactionRules rules, Function<String, String> schemaOf) {
        ConcurrentHashMap<String, SqlInfo> map = jdbc ? this.jdbc : plain;
        SqlInfo info = map.get(sql);
        if (info != null) {
            return info;
        }
        info = shared == null ? null : shared.reuse(sql, jdbc, rules, schemaOf);
        if (info == null) {
            analyzed.incrementAndGet();
            info = shared == null ? SqlInfo.analyze(sql, jdbc, rules, schemaOf, parser)
                    : shared.analyze(sql, jdbc, rules, schemaOf, parser);
        }
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
