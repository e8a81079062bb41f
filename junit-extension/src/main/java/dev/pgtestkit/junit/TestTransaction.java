package dev.pgtestkit.junit;

import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PgTestkitException;
import dev.pgtestkit.core.QueryException;
import dev.pgtestkit.junit.internal.Mark;
import dev.pgtestkit.junit.internal.PhysicalConnections;
import dev.pgtestkit.junit.internal.PinnedConnection;
import dev.pgtestkit.junit.internal.TestLevels;
import dev.pgtestkit.junit.internal.TxSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A transaction that is always rolled back, for code outside the JUnit annotations (the seed's
 * {@code TestTransactionManager}); {@link WithTransaction} tests can also receive the current one as a parameter.
 *
 * <pre>{@code
 * try (TestTransaction tx = TestTransaction.begin(dataSource)) {
 *     UserService service = new UserService(tx.dataSource());   // its commits become savepoint releases
 *     tx.savepoint("before_changes");
 *     tx.execute("INSERT INTO users (name) VALUES (?)", "Test User");
 *     tx.rollbackTo("before_changes");
 * }                                                              // everything is rolled back
 * }</pre>
 *
 * <p>{@link #dataSource()} hands out views of one pinned connection (see {@link WithTransaction} for what commit,
 * rollback and close do on them). {@link #close()} checks deferred constraints, rolls back and closes. Thread-safe
 * as described by {@link ThreadPolicy}.
 */
public final class TestTransaction implements AutoCloseable {

    private static final String RESERVED_PREFIX = "pgtestkit_";

    private final PinnedConnection pinned;
    private final boolean owned;

    private TestTransaction(PinnedConnection pinned, boolean owned) {
        this.pinned = pinned;
        this.owned = owned;
    }

    /** Begins a transaction on a new connection from the DataSource, with default settings. */
    public static TestTransaction begin(DataSource dataSource) {
        return builder(dataSource).begin();
    }

    /** Begins a transaction on a database pgtestkit cloned (its DataSource is tuned for savepoints). */
    public static TestTransaction begin(DisposableDatabase database) {
        return builder(database).begin();
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"), "DataSource " + dataSource, false);
    }

    public static Builder builder(DisposableDatabase database) {
        Objects.requireNonNull(database, "database");
        return new Builder(database.dataSource(), database.name(), true);
    }

    /** The current test's transaction, as the extension hands it out: closing it does nothing. */
    static TestTransaction attachedTo(PinnedConnection pinned) {
        return new TestTransaction(pinned, false);
    }

    /** DataSource whose connections all share this transaction; give it to the code under test. */
    public DataSource dataSource() {
        return pinned.dataSource();
    }

    /** A new logical connection (auto-commit on); closing it does not end this transaction. */
    public Connection connection() {
        return pinned.newConnection();
    }

    /** Runs one statement with bound parameters; returns the update count (or -1 for queries). */
    public int execute(String sql, Object... parameters) {
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.execute() ? -1 : statement.getUpdateCount();
        } catch (SQLException e) {
            throw new QueryException("Statement failed in the test transaction: " + e.getMessage(), e.getSQLState(),
                    e);
        }
    }

    /** Opens a savepoint; names are free except the {@code pgtestkit_} prefix, which is reserved. */
    public void savepoint(String name) {
        requireName(name);
        try {
            pinned.savepoint(name);
        } catch (SQLException e) {
            throw new QueryException("Could not create savepoint '" + name + "': " + e.getMessage(), e.getSQLState(),
                    e);
        }
    }

    /** Undoes everything since the savepoint, which stays open (as in SQL); later savepoints are gone. */
    public void rollbackTo(String name) {
        Mark mark = open(name);
        try {
            pinned.rollbackTo(mark, true);
        } catch (SQLException e) {
            throw new QueryException("Could not roll back to savepoint '" + name + "': " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }

    /** Forgets the savepoint (and later ones); their work stays in the transaction. */
    public void release(String name) {
        Mark mark = open(name);
        try {
            pinned.release(mark);
        } catch (SQLException e) {
            throw new QueryException("Could not release savepoint '" + name + "': " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }

    /** Open savepoints, outermost first (including pgtestkit's own, which start with {@code pgtestkit_}). */
    public List<String> savepoints() {
        return pinned.savepointNames();
    }

    /** Fails with a {@link QueryException} naming the constraint if a COMMIT now would fail a deferred one. */
    public void checkDeferredConstraints() {
        TestLevels.checkDeferred(pinned, "this test transaction");
    }

    /** Name of the database the transaction runs on. */
    public String database() {
        return pinned.database();
    }

    /**
     * Checks deferred constraints (throwing like {@link #checkDeferredConstraints()}), rolls back and closes. Does
     * nothing on the transaction a {@link WithTransaction} test received: the extension ends that one.
     */
    @Override
    public void close() {
        if (!owned || !pinned.isOpen()) {
            return;
        }
        try {
            TestLevels.endTest(pinned, null, "TestTransaction on " + pinned.database());
        } finally {
            pinned.close();
        }
    }

    private Mark open(String name) {
        requireName(name);
        return pinned.find(name).orElseThrow(() -> new PgTestkitException("Savepoint '" + name + "' is not open in "
                + "this test transaction; open savepoints: " + pinned.savepointNames() + ". Create it first with "
                + "savepoint(\"" + name + "\")."));
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Savepoint name must not be empty");
        }
        if (name.startsWith(RESERVED_PREFIX)) {
            throw new IllegalArgumentException("Savepoint name '" + name + "' uses the prefix '" + RESERVED_PREFIX
                    + "' reserved for pgtestkit's own savepoints; choose another name.");
        }
    }

    @Override
    public String toString() {
        return "TestTransaction[" + pinned.database() + ", savepoints=" + pinned.savepointNames() + "]";
    }

    /** Settings of a programmatic test transaction; {@link #begin()} opens it. */
    public static final class Builder {
        private final DataSource dataSource;
        private final String database;
        private final boolean owned;
        private ThreadPolicy threads = ThreadPolicy.SERIALIZE;
        private Duration threadWait = Duration.ofSeconds(30);
        private boolean resetSequences;
        private boolean detectOtherSessions;
        private boolean statementSavepoints;

        private Builder(DataSource dataSource, String database, boolean owned) {
            this.dataSource = dataSource;
            this.database = database;
            this.owned = owned;
        }

        /** Use from threads other than the one calling {@link #begin()}; default {@link ThreadPolicy#SERIALIZE}. */
        public Builder threads(ThreadPolicy policy) {
            this.threads = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** How long another thread waits for an open unit of work (default 30 s). */
        public Builder threadWait(Duration wait) {
            this.threadWait = Objects.requireNonNull(wait, "wait");
            return this;
        }

        /** Restore sequences at {@link TestTransaction#close()} to where they were at begin (default false). */
        public Builder resetSequences(boolean reset) {
            this.resetSequences = reset;
            return this;
        }

        /** Fail {@link TestTransaction#close()} if other sessions are open on the database (default false). */
        public Builder detectOtherSessions(boolean detect) {
            this.detectOtherSessions = detect;
            return this;
        }

        /** Wrap each statement in a savepoint so a failing one does not abort the transaction (default false). */
        public Builder statementSavepoints(boolean wrap) {
            this.statementSavepoints = wrap;
            return this;
        }

        /** Opens the connection and begins the transaction. */
        public TestTransaction begin() {
            TxSettings settings = new TxSettings(threads, threadWait, resetSequences, detectOtherSessions,
                    statementSavepoints);
            Connection physical = null;
            try {
                DataSource source = owned ? PhysicalConnections.configure(dataSource) : dataSource;
                physical = PhysicalConnections.open(source);
                PinnedConnection pinned = PinnedConnection.pin(physical, physical.getCatalog(), settings);
                TestLevels.beginTransaction(pinned);
                return new TestTransaction(pinned, true);
            } catch (SQLException e) {
                closeQuietly(physical);
                throw new ConnectionException("Could not open a test transaction on " + database + ": "
                        + e.getMessage(), e.getSQLState(), e);
            }
        }

        private static void closeQuietly(Connection connection) {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException e) {
                // nothing more to undo
            }
        }
    }
}
