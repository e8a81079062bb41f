package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.RedactionRules;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SqlInfo} per SQL string, so the lexer and JSqlParser see each distinct string once. Bounded: when full it
 * starts over (statements built with inlined constants would otherwise grow it without end).
 */
final class SqlInfoCache {

    private final ConcurrentHashMap<String, SqlInfo> jdbc = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SqlInfo> plain = new ConcurrentHashMap<>();
    private final int capacity;
    private final RedactionRules rules;
    private final SqlParserService parser;

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
        info = SqlInfo.analyze(sql, jdbc, rules, parser);
        if (map.size() >= capacity) {
            map.clear();
        }
        SqlInfo raced = map.putIfAbsent(sql, info);
        return raced != null ? raced : info;
    }
}
