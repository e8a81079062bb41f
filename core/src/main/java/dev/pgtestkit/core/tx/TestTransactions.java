package dev.pgtestkit.core.tx;

import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.tx.internal.CommitWatch;
import dev.pgtestkit.core.tx.internal.ConnectionPool;
import dev.pgtestkit.core.tx.internal.DatabaseTraits;
import dev.pgtestkit.core.tx.internal.PhysicalConnections;
import dev.pgtestkit.core.tx.internal.PinnedConnection;
import dev.pgtestkit.core.tx.internal.TestLevels;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Test transactions on one database pgtestkit cloned, on sessions reused from test to test: a test framework keeps
 * one per database and begins each test's transaction (or a test class's {@link TestLevel}) here, so a test does not
 * pay for a new session. Closing a transaction gives its session back, rolled back. Thread-safe.
 *
 * <pre>{@code
 * try (TestTransactions transactions = TestTransactions.on(database)) {
 *     try (TestTransaction tx = transactions.begin(TransactionSettings.defaults(), "test savesUsers")) {
 *         new UserService(tx.dataSource()).register("ada@example.com");
 *     }                                  // checked, rolled back, session kept for the next test
 * }
 * }</pre>
 */
public final class TestTransactions implements AutoCloseable {

    private final DisposableDatabase database;
    private final ConnectionPool pool;
    private final CommitWatch commits = new CommitWatch();
    private volatile DatabaseTraits traits;
    private volatile DataSource planDataSource;

    private TestTransactions(DisposableDatabase database, ConnectionPool pool) {
        this.database = database;
        this.pool = pool;
    }

    /** Test transactions on the database; configures its sessions for savepoints and names them (see README). */
    public static TestTransactions on(DisposableDatabase database) {
        Objects.requireNonNull(database, "database");
        try {
            return new TestTransactions(database, new ConnectionPool(database.dataSource()));
        } catch (SQLException e) {
            throw new ConnectionException("Cannot prepare connections to " + database.name() + ": "
                    + e.getMessage(), e.getSQLState(), e);
        }
    }

    /**
     * Begins a transaction on a pooled session; {@code name} (e.g. {@code test savesUsers}) appears in messages.
     * The calling thread owns it (see {@link ThreadPolicy#OWNER_ONLY}).
     */
    public TestTransaction begin(TransactionSettings settings, String name) {
        Objects.requireNonNull(settings, "settings");
        PinnedConnection pinned = pin(settings, name);
        return TestTransaction.started(pinned, name, pool::give, this::traits);
    }

    private PinnedConnection pin(TransactionSettings settings, String name) {
        Connection physical = null;
        try {
            physical = pool.take();
            PinnedConnection pinned = PinnedConnection.pin(physical, database.name(), settings);
            pinned.commitWatch(commits);
            return pinned;
        } catch (SQLException e) {
            if (physical != null) {
                pool.give(physical);
            }
            throw new ConnectionException("Cannot open the transaction of " + name + " on database "
                    + database.name() + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    /**
     * A DataSource of the database whose sessions are pgtestkit's own but not the test's (the query logger's
     * EXPLAINs): never a view of a test transaction, and named so that the other-session check ignores them. They
     * see the committed schema, not what a test created.
     */
    public DataSource planDataSource() {
        DataSource dataSource = planDataSource;
        if (dataSource == null) {
            dataSource = PhysicalConnections.explainDataSource(database);
            planDataSource = dataSource;
        }
        return dataSource;
    }

    /**
     * Tells the commit check that the database's commit counter may move before the next test for a reason that is
     * not a leak: a test without a test transaction ran on the database (its commits are its own business). Without
     * this, commits between two tests fail the next one, naming the test before it.
     */
    public void forgetCommits() {
        commits.forget();
    }

    /** The commit check's reading of this database (for tests of its cost). */
    CommitWatch commitWatch() {
        return commits;
    }

    /** The database the transactions run on. */
    public DisposableDatabase database() {
        return database;
    }

    /** Closes the idle sessions; transactions still open keep theirs until they end (then it is closed). */
    @Override
    public void close() {
        pool.close();
    }

    /**
     * Read once per database, on the first pinned session: DDL that adds a deferrable constraint later in the run is
     * not seen.
     */
    private DatabaseTraits traits(PinnedConnection pinned) {
        DatabaseTraits known = traits;
        if (known == null) {
            known = TestLevels.traits(pinned);
            traits = known;
        }
        return known;
    }

    @Override
    public String toString() {
        return "TestTransactions[" + database.name() + "]";
    }
}
