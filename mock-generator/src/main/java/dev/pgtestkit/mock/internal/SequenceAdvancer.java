package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.sql.Identifiers;
import dev.pgtestkit.mock.internal.TableExtras.SequenceUse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Moves sequences past the values the generator wrote, so the application's next insert does not collide. */
final class SequenceAdvancer {

    private SequenceAdvancer() {
    }

    static void advance(Connection connection, TableGenerator g) {
        if (g.rows() == 0) {
            return;
        }
        for (SequenceUse use : g.extras().sequences()) {
            String column = Identifiers.quote(g.columns().get(use.position()).name());
            String sql = "SELECT setval(?::regclass, m) FROM (SELECT max(" + column + ") AS m FROM "
                    + use.owner().quoted() + ") AS s WHERE m IS NOT NULL";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, use.sequence());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            } catch (SQLException e) {
                throw Failures.of("advancing sequence " + use.sequence(), e);
            }
        }
    }
}
