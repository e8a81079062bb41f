package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.TableKind;
import dev.pgtestkit.core.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Defers foreign key checking for a bulk load on a disposable database, when the caller allows it: the plan
 * tables' foreign keys are dropped inside the loading transaction and re-added at its end. Re-adding validates
 * every row in one pass (Postgres runs one anti-join per key instead of a trigger per row), and a violation
 * fails the transaction, so nothing invalid is ever committed.
 */
final class ForeignKeyDeferral {

    /** A dropped constraint and the definition {@code pg_get_constraintdef} gave for re-adding it. */
    record Dropped(String table, String name, String definition) {
    }

    private ForeignKeyDeferral() {
    }

    static List<Dropped> drop(Connection connection, CompiledPlan plan) {
        List<Dropped> dropped = new ArrayList<>();
        String sql = "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ?::regclass"
                + " AND contype = 'f' AND conparentid = 0 ORDER BY conname";
        for (TableGenerator g : plan.tables()) {
            if (g.table().kind() == TableKind.PARTITION) {
                continue;
            }
            String table = g.table().name().quoted();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        dropped.add(new Dropped(table, rs.getString(1), rs.getString(2)));
                    }
                }
            } catch (SQLException e) {
                throw Failures.of("reading the foreign keys of " + table, e);
            }
        }
        for (Dropped d : dropped) {
            DatabaseLoader.execute(connection, "ALTER TABLE " + d.table() + " DROP CONSTRAINT "
                    + Identifiers.quote(d.name()), "dropping foreign key " + d.name() + " for the load");
        }
        return dropped;
    }

    /** Re-adds (and so validates) the dropped foreign keys. */
    static void restore(Connection connection, List<Dropped> dropped) {
        for (Dropped d : dropped) {
            DatabaseLoader.execute(connection, "ALTER TABLE " + d.table() + " ADD CONSTRAINT "
                    + Identifiers.quote(d.name()) + " " + d.definition(), "re-adding and validating foreign key "
                    + d.name());
        }
    }
}
