package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.sql.Identifiers;
import dev.pgtestkit.mock.GenerationException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Has the server evaluate the checks the generator cannot (regular expressions, function calls...) on a batch
 * of generated rows, in one query with the values bound as text arrays, and regenerates the rows that fail
 * with later attempt numbers. A check no row passes after several rounds is reported by name.
 */
final class ServerVerifier {

    /** Rounds of regeneration; an alternative that one row in five meets still passes 2,000 rows reliably. */
    private static final int ROUNDS = 100;
    private static final String ORDINAL = "pgtestkit_row__";

    private final ConnectionSource connections;
    private final Map<TableGenerator, String> queries = new ConcurrentHashMap<>();
    private final Map<TableGenerator, LongAdder> regenerated = new ConcurrentHashMap<>();

    ServerVerifier(ConnectionSource connections) {
        this.connections = connections;
    }

    /** Replaces the rows of {@code rows} (rows {@code from}, {@code from + 1}...) that fail a check. */
    void verify(TableGenerator g, long from, List<Object[]> rows) {
        regenerated.computeIfAbsent(g, k -> new LongAdder()).add(regenerateFailing(g, from, rows));
    }

    /** As {@link #verify}, for the rows generated ahead of the load (not counted: they are generated again). */
    void probe(TableGenerator g, List<Object[]> rows) {
        regenerateFailing(g, 0, rows);
    }

    /** Rows of {@code g}'s load the server's verification rejected and that were generated again. */
    long regenerated(TableGenerator g) {
        LongAdder n = regenerated.get(g);
        return n == null ? 0 : n.sum();
    }

    /** @return how many rows were generated again */
    private long regenerateFailing(TableGenerator g, long from, List<Object[]> rows) {
        long count = 0;
        List<Integer> pending = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            pending.add(k);
        }
        RowBuffer buffer = g.newBuffer();
        Rng rng = new Rng();
        for (int round = 0; round < ROUNDS && !pending.isEmpty(); round++) {
            Map<Integer, Integer> failures = failures(g, rows, pending);
            if (failures.isEmpty()) {
                return count;
            }
            if (round == ROUNDS - 1) {
                throw unsatisfiable(g, failures.values().iterator().next());
            }
            pending = new ArrayList<>(failures.keySet());
            count += pending.size();
            for (int k : pending) {
                rows.set(k, g.generate(from + k, buffer, rng, (round + 1) * Defaults.ATTEMPTS).clone());
            }
        }
        return count;
    }

    /** Row index within {@code rows} to the index of the first check it fails. */
    private Map<Integer, Integer> failures(TableGenerator g, List<Object[]> rows, List<Integer> pending) {
        String sql = queries.computeIfAbsent(g, ServerVerifier::query);
        Connection c = connections.get();
        Map<Integer, Integer> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            List<ColumnSpec> columns = g.columns();
            for (int p = 0; p < columns.size(); p++) {
                String[] texts = new String[pending.size()];
                for (int k = 0; k < texts.length; k++) {
                    Object v = rows.get(pending.get(k))[p];
                    texts[k] = v == null ? null : PgText.format(v);
                }
                Array array = c.createArrayOf("text", texts);
                ps.setArray(p + 1, array);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(pending.get(rs.getInt(1) - 1), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw JdbcDatabaseState.failure("verifying checks of " + g.table().name(), e);
        }
        return out;
    }

    /** {@code SELECT ordinal, first failing check FROM (typed columns of the unnested arrays) WHERE any fails}. */
    private static String query(TableGenerator g) {
        List<ColumnSpec> columns = g.columns();
        List<TableCheck> checks = g.extras().serverChecks();
        String arrays = columns.stream().map(c -> "?::text[]").collect(Collectors.joining(", "));
        String aliases = columns.stream().map(c -> "c" + c.position()).collect(Collectors.joining(", "));
        String typed = columns.stream().map(c -> "u.c" + c.position() + "::" + c.column().type().rootType()
                .displayName() + " AS " + Identifiers.quote(c.name())).collect(Collectors.joining(", "));
        StringBuilder which = new StringBuilder("CASE");
        for (int k = 0; k < checks.size(); k++) {
            which.append(" WHEN (").append(checks.get(k).sql()).append(") IS FALSE THEN ").append(k);
        }
        which.append(" END");
        String anyFails = checks.stream().map(ch -> "(" + ch.sql() + ") IS FALSE").collect(Collectors.joining(" OR "));
        return "SELECT t." + ORDINAL + ", " + which + " FROM (SELECT u." + ORDINAL + ", " + typed + " FROM unnest("
                + arrays + ") WITH ORDINALITY AS u(" + aliases + ", " + ORDINAL + ")) AS t WHERE " + anyFails;
    }

    private static GenerationException unsatisfiable(TableGenerator g, int check) {
        TableCheck c = g.extras().serverChecks().get(check);
        return new GenerationException("Check constraint " + c.name() + " on table " + g.table().name()
                + " rejected every generated row (" + c.sql() + "): the generator cannot construct values for it."
                + " Override the columns it uses with values that meet it, or fix the constraint.",
                g.table().schema(), g.table().simpleName(), null, c.name());
    }
}
