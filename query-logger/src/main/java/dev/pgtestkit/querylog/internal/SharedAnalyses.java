package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.RedactionRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Analyzed SQL shared by the caches of loggers bound to different catalogs (the JUnit extension binds its test loggers
 * to their database: with {@code DATABASE_PER_TEST}, a new one per test) whose rules add no pattern to the built-in
 * ones. An analysis asks the catalog at most two kinds of question: the column order of the table of an
 * {@code INSERT} without a column list, and the schema a table name resolves to. It is recorded with the answers it
 * got, and another catalog reuses it when it answers the same; most statements ask nothing, and are analyzed once per
 * run. A reused analysis is a copy ({@link SqlInfo#copy()}): the plan captured and the visibility of tables belong to
 * one database. Bounded like {@link SqlInfoCache}; thread-safe.
 */
final class SharedAnalyses {

    private record Key(RedactionRules rules, boolean resolvesSchemas, boolean parse, int capacity) {
    }

    /** One question the analysis asked the catalog, and the answer. */
    private record Lookup(boolean schema, String name, Object answer) {

        boolean holds(RedactionRules rules, Function<String, String> schemaOf) {
            return Objects.equals(schema ? schemaOf.apply(name) : rules.columnOrder(name), answer);
        }
    }

    private record Analysis(SqlInfo info, List<Lookup> lookups) {
    }

    private static final ConcurrentHashMap<Key, SharedAnalyses> ALL = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<String, Analysis> jdbc = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Analysis> plain = new ConcurrentHashMap<>();
    private final int capacity;

    private SharedAnalyses(int capacity) {
        this.capacity = capacity;
    }

    /** The analyses loggers with these settings share; null when their rules add patterns (those are not shared). */
    static SharedAnalyses of(RedactionRules rules, Function<String, String> schemaOf, boolean parse, int capacity) {
        RedactionRules base = rules.withoutColumnOrder();
        if (base != RedactionRules.defaults() && base != RedactionRules.none()) {
            return null;
        }
        return ALL.computeIfAbsent(new Key(base, schemaOf != null, parse, capacity),
                key -> new SharedAnalyses(capacity));
    }

    /** A copy of the analysis of {@code sql} when this catalog answers its questions alike; else null. */
    SqlInfo reuse(String sql, boolean jdbc, RedactionRules rules, Function<String, String> schemaOf) {
        Analysis analysis = (jdbc ? this.jdbc : plain).get(sql);
        if (analysis == null) {
            return null;
        }
        for (Lookup lookup : analysis.lookups()) {
            if (!lookup.holds(rules, schemaOf)) {
                return null;
            }
        }
        return analysis.info().copy();
    }

    /** Analyzes {@code sql}, recording what it asked the catalog, and shares the analysis. */
    SqlInfo analyze(String sql, boolean jdbc, RedactionRules rules, Function<String, String> schemaOf,
            SqlParserService parser) {
        List<Lookup> lookups = new ArrayList<>(); // the analysis runs on this thread
        RedactionRules recordingRules = rules.withColumnOrder(table -> {
            List<String> order = rules.columnOrder(table);
            lookups.add(new Lookup(false, table, order));
            return order;
        });
        Function<String, String> recordingSchemaOf = schemaOf == null ? null : name -> {
            String schema = schemaOf.apply(name);
            lookups.add(new Lookup(true, name, schema));
            return schema;
        };
        SqlInfo info = SqlInfo.analyze(sql, jdbc, recordingRules, recordingSchemaOf, parser);
        ConcurrentHashMap<String, Analysis> map = jdbc ? this.jdbc : plain;
        if (map.size() >= capacity) {
            map.clear();
        }
        map.put(sql, new Analysis(info, List.copyOf(lookups)));
        return info;
    }
}
