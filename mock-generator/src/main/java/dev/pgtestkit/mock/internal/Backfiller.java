package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.sql.Identifiers;
import dev.pgtestkit.mock.internal.TableExtras.Backfill;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets the foreign keys of a cycle that were written NULL, once the referenced table is loaded: one UPDATE per
 * batch, joining the table to the bound key/value arrays on its key columns.
 */
final class Backfiller {

    private static final int BATCH = 10_000;

    private Backfiller() {
    }

    static void run(Connection connection, TableGenerator g, List<List<Object[]>> pairs) {
        List<Backfill> backfills = g.extras().backfills();
        for (int k = 0; k < backfills.size() && k < pairs.size(); k++) {
            List<Object[]> all = pairs.get(k);
            String sql = sql(g, backfills.get(k));
            for (int from = 0; from < all.size(); from += BATCH) {
                update(connection, g, sql, all.subList(from, Math.min(all.size(), from + BATCH)));
            }
        }
    }

    private static void update(Connection connection, TableGenerator g, String sql, List<Object[]> batch) {
        int width = batch.get(0).length;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int j = 0; j < width; j++) {
                List<String> texts = new ArrayList<>(batch.size());
                for (Object[] pair : batch) {
                    texts.add(pair[j] == null ? null : PgText.format(pair[j]));
                }
                ps.setArray(j + 1, connection.createArrayOf("text", texts.toArray()));
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Failures.of("filling in the cycle's foreign keys of " + g.table().name(), e);
        }
    }

    /** {@code UPDATE t SET fk = v.f0::type FROM unnest(?, ?) AS v(k0, f0) WHERE t.key = v.k0::type}. */
    private static String sql(TableGenerator g, Backfill b) {
        int[] key = g.extras().keyColumns();
        int[] fk = b.positions();
        List<String> arrays = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        List<String> where = new ArrayList<>();
        List<String> set = new ArrayList<>();
        for (int j = 0; j < key.length; j++) {
            arrays.add("?::text[]");
            aliases.add("k" + j);
            where.add("t." + column(g, key[j]) + " = v.k" + j + "::" + type(g, key[j]));
        }
        for (int j = 0; j < fk.length; j++) {
            arrays.add("?::text[]");
            aliases.add("f" + j);
            set.add(column(g, fk[j]) + " = v.f" + j + "::" + type(g, fk[j]));
        }
        return "UPDATE " + g.table().name().quoted() + " AS t SET " + String.join(", ", set) + " FROM unnest("
                + String.join(", ", arrays) + ") AS v(" + String.join(", ", aliases) + ") WHERE "
                + String.join(" AND ", where);
    }

    private static String column(TableGenerator g, int position) {
        return Identifiers.quote(g.columns().get(position).name());
    }

    private static String type(TableGenerator g, int position) {
        return g.columns().get(position).column().type().displayName();
    }
}
