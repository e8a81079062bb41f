package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.CallSite;
import dev.pgtestkit.querylog.NPlusOneFinding;
import dev.pgtestkit.querylog.QueryEvent;
import dev.pgtestkit.querylog.StatementType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds N+1 patterns: the same normalized SELECT from the same call site, succeeded, not batched, at least
 * {@code threshold} times with at least {@code threshold} distinct parameter sets (or SQL texts, when constants are
 * inlined): a value alternating between two keys is repetition, not N+1. Not considered: executions without a call
 * site or with one inferred from an earlier execution (sampled call sites would move a finding to another line),
 * failed executions, and pages of one query (parameters that differ only in {@code LIMIT} / {@code OFFSET}). When
 * parameters were not captured, executions count as different.
 */
public final class NPlusOneDetector {

    private NPlusOneDetector() {
    }

    public static List<NPlusOneFinding> find(List<QueryEvent> events, int threshold) {
        Map<Key, Group> groups = new LinkedHashMap<>();
        for (QueryEvent event : events) {
            if (event.isBatch() || !event.succeeded() || event.callSite().isEmpty() || event.callSiteInferred()
                    || event.type() != StatementType.SELECT) {
                continue;
            }
            Key key = new Key(event.normalizedSql(), event.callSite().get());
            groups.computeIfAbsent(key, k -> new Group(event.sql())).add(event);
        }
        List<NPlusOneFinding> findings = new ArrayList<>();
        for (Map.Entry<Key, Group> entry : groups.entrySet()) {
            Group group = entry.getValue();
            if (group.executions >= threshold && group.variesInParameters(threshold)) {
                findings.add(new NPlusOneFinding(entry.getKey().normalizedSql(), entry.getKey().callSite(),
                        group.executions, group.distinctParameters(), group.totalNanos, group.exampleSql));
            }
        }
        findings.sort(Comparator.comparingInt(NPlusOneFinding::executions).reversed());
        return List.copyOf(findings);
    }

    private record Key(String normalizedSql, CallSite callSite) {
    }

    /** The SQL text without the constants of LIMIT and OFFSET (pages of one query are one query). */
    private static String withoutPaging(String sql) {
        return PAGING_CONSTANT.matcher(sql).replaceAll("$1 ?");
    }

    /** The parameter sets without the values bound to LIMIT and OFFSET. */
    private static Object withoutPaging(QueryEvent event) {
        int[] paging = event instanceof RecordedEvent recorded ? recorded.info.pagingParameters : NONE;
        if (paging.length == 0) {
            return event.parameters();
        }
        List<List<Object>> sets = new ArrayList<>();
        for (List<Object> set : event.parameters()) {
            List<Object> kept = new ArrayList<>(set);
            for (int i = paging.length - 1; i >= 0; i--) {
                if (paging[i] - 1 < kept.size()) {
                    kept.remove(paging[i] - 1);
                }
            }
            sets.add(kept);
        }
        return sets;
    }

    private static final int[] NONE = new int[0];
    private static final java.util.regex.Pattern PAGING_CONSTANT =
            java.util.regex.Pattern.compile("(?i)\\b(LIMIT|OFFSET)\\s+\\d+");

    private static final class Group {
        private final String exampleSql;
        private final Set<Object> distinct = new HashSet<>();
        private boolean parametersUnknown;
        private int executions;
        private long totalNanos;

        Group(String exampleSql) {
            this.exampleSql = exampleSql;
        }

        void add(QueryEvent event) {
            executions++;
            totalNanos += event.durationNanos();
            parametersUnknown |= event instanceof RecordedEvent recorded && recorded.parametersUnknown();
            distinct.add(List.of(withoutPaging(event.sql()), withoutPaging(event)));
        }

        boolean variesInParameters(int threshold) {
            return parametersUnknown || distinct.size() >= threshold;
        }

        int distinctParameters() {
            return parametersUnknown ? -1 : distinct.size();
        }
    }
}
