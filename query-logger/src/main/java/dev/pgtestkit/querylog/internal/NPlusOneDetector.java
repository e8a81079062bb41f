package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.CallSite;
import dev.pgtestkit.querylog.NPlusOneFinding;
import dev.pgtestkit.querylog.QueryEvent;
import dev.pgtestkit.querylog.StatementType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds N+1 patterns: the same normalized SELECT from the same call site, succeeded, not batched, at least
 * {@code threshold} times with at least {@code threshold} distinct parameter sets (or SQL texts, when constants are
 * inlined): a value alternating between two keys is repetition, not N+1. An execution whose call site was inferred
 * (sampled, not walked) counts only when the walks before and after it, of the same SQL string on the same thread,
 * found the same line: then it ran between two executions at that line; otherwise it is left out, so sampling never
 * moves a finding to another line. Not considered either: executions without a call site, failed executions, and
 * pages of one query (parameters that differ only in {@code LIMIT} / {@code OFFSET}). When parameters were not
 * captured, executions count as different.
 */
public final class NPlusOneDetector {

    private NPlusOneDetector() {
    }

    public static List<NPlusOneFinding> find(List<QueryEvent> events, int threshold) {
        IdentityHashMap<QueryEvent, CallSite> sites = knownCallSites(events);
        Map<Key, Group> groups = new LinkedHashMap<>();
        for (QueryEvent event : events) {
            CallSite site = sites.get(event);
            if (event.isBatch() || !event.succeeded() || site == null || event.type() != StatementType.SELECT) {
                continue;
            }
            Key key = new Key(event.normalizedSql(), site);
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

    /**
     * The call site of each event that has a known one: walked, or inferred between two walks of the same SQL string
     * on the same thread that found the same line.
     */
    private static IdentityHashMap<QueryEvent, CallSite> knownCallSites(List<QueryEvent> events) {
        IdentityHashMap<QueryEvent, CallSite> known = new IdentityHashMap<>();
        Map<List<Object>, Sequence> sequences = new HashMap<>();
        for (QueryEvent event : events) {
            if (event.callSite().isEmpty()) {
                continue;
            }
            Object sql = event instanceof RecordedEvent recorded ? recorded.info : event.sql();
            Sequence sequence = sequences.computeIfAbsent(List.of(sql, event.threadName()), k -> new Sequence());
            if (!event.callSiteInferred()) {
                CallSite site = event.callSite().get();
                if (site.equals(sequence.lastWalked)) {
                    sequence.inferredSince.forEach(e -> known.put(e, site));
                }
                sequence.inferredSince.clear();
                sequence.lastWalked = site;
                known.put(event, site);
            } else {
                sequence.inferredSince.add(event);
            }
        }
        return known;
    }

    /** The executions of one SQL string on one thread, as they are read: the last walk, inferred ones since. */
    private static final class Sequence {
        private CallSite lastWalked;
        private final List<QueryEvent> inferredSince = new ArrayList<>();
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
