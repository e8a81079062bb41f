package dev.pgtestkit.junit.internal;

import dev.pgtestkit.core.ConnectionException;
import java.sql.Connection;
import java.sql.SQLException;

/** Pins a pooled physical connection of a database for one test transaction. */
final class Pinning {

    private static final String DEFERRABLE = "hasDeferrableConstraints";

    private Pinning() {
    }

    /** {@code who} names the class or test for messages. */
    static PinnedConnection pin(DatabaseHandle database, TxSettings settings, String who) {
        Connection physical = null;
        try {
            physical = database.pool().take();
            PinnedConnection pinned = PinnedConnection.pin(physical, database.name(), settings);
            // Read once per database, on the first pinned session: DDL that adds a deferrable constraint later in
            // the run is not seen.
            pinned.hasDeferrableConstraints(database.cached(DEFERRABLE, () ->
                    TestLevels.hasDeferrableConstraints(pinned)));
            return pinned;
        } catch (SQLException e) {
            if (physical != null) {
                database.pool().give(physical);
            }
            throw new ConnectionException("Cannot open the transaction of " + who + " on database "
                    + database.name() + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }
}
