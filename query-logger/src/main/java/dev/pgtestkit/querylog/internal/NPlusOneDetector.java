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
 * Finds N+1 patterns: the same normalized SELECT from the same call site, not batched, at least {@code threshold}
 * times, with more than one distinct parameter set (or SQL text, when constants are inlined). Executions without
 * a call site are not considered; when parameters were not captured, executions count as different.
 */
public final class NPlusOneDetector {

    private NPlusOneDetector() {
    }

    public static List<NPlusOneFinding> find(List<QueryEvent> events, int threshold) {
        Map<Key, Group> groups = new LinkedHashMap<>();
        for (QueryEvent event : events) {
            if (event.isBatch() || event.callSite().isEmpty() || event.type() != StatementType.SELECT) {
                continue;
            }
            Key key = new Key(event.normalizedSql(), event.callSite().get());
            groups.computeIfAbsent(key, k -> new Group(event.sql())).add(event);
        }
        List<NPlusOneFinding> findings = new ArrayList<>();
        for (Map.Entry<Key, Group> entry : groups.entrySet()) {
            Group group = entry.getValue();
            if (group.executions >= threshold && group.variesInParameters()) {
                findings.add(new NPlusOneFinding(entry.getKey().normalizedSql(), entry.getKey().callSite(),
                        group.executions, group.distinctParameters(), group.totalNanos, group.exampleSql));
            }
        }
        findings.sort(Comparator.comparingInt(NPlusOneFinding::executions).reversed());
        return List.copyOf(findings);
    }

    private record Key(String normalizedSql, CallSite callSite) {
    }

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
            distinct.add(List.of(event.sql(), event.parameters()));
        }

        boolean variesInParameters() {
            return parametersUnknown || distinct.size() > 1;
        }

        int distinctParameters() {
            return parametersUnknown ? -1 : distinct.size();
        }
    }
}
