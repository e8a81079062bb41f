package dev.pgtestkit.core.tx;

import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PgTestkitException;
import dev.pgtestkit.core.QueryException;
import dev.pgtestkit.core.tx.internal.DatabaseTraits;
import dev.pgtestkit.core.tx.internal.Mark;
import dev.pgtestkit.core.tx.internal.PhysicalConnections;
import dev.pgtestkit.core.tx.internal.PinnedConnection;
import dev.pgtestkit.core.tx.internal.TestLevels;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A transaction that is always rolled back, even when the code under test commits: the engine behind the JUnit
 * extension's {@code @WithTransaction}, usable without any test framework (the seed's {@code TestTransactionManager}).
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
 * <p>{@link #dataSource()} hands out views of one pinned physical connection. On those connections {@code commit()}
 * releases a savepoint, {@code rollback()} rolls back to it, and neither {@code setAutoCommit(true)} nor
 * {@code close()} ends the test transaction; statements PostgreSQL refuses inside a transaction block fail with a
 * {@link TransactionIsolationException}. {@link #close()} ends the transaction: it checks deferred constraints (and,
 * as the settings say, restores sequences and looks for other sessions), rolls back and closes the connection (or
 * gives it back to the {@link TestTransactions} it came from). Thread-safe as described by {@link ThreadPolicy}.
 */
public final class TestTransaction implements AutoCloseable {

    private static final String RESERVED_PREFIX = "pgtestkit_";

    private final PinnedConnection pinned;
    private final String description;
    private final Consumer<Connection> release;
    private final AtomicBoolean released;

    private TestTransaction(PinnedConnection pinned, String description, Consumer<Connection> release,
                            AtomicBoolean released) {
        this.pinned = pinned;
        this.description = description;
        this.release = release;
        this.released = released;
    }

    /** Begins a transaction on a new connection from the DataSource, with the builder's defaults. */
    public static TestTransaction begin(DataSource dataSource) {
        return builder(dataSource).begin();
    }

    /** Begins a transaction on a database pgtestkit cloned (its DataSource is tuned for savepoints). */
    public static TestTransaction begin(DisposableDatabase database) {
        return builder(database).begin();
    }

    /** Settings of a transaction on a new connection from any PostgreSQL DataSource. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"), "DataSource " + dataSource, false);
    }

    /** Settings of a transaction on a database pgtestkit cloned. */
    public static Builder builder(DisposableDatabase database) {
        Objects.requireNonNull(database, "database");
        return new Builder(database.dataSource(), database.name(), true);
    }

    /**
     * Begins the transaction on a pinned connection, then learns what the database is like from {@code traits}
     * (after the transaction's first statement, which may set its isolation level); {@code release} takes the
     * connection back at the end.
     */
    static TestTransaction started(PinnedConnection pinned, String description, Consumer<Connection> release,
                                   Function<PinnedConnection, DatabaseTraits> traits) {
        TestTransaction tx = new TestTransaction(pinned, description, release, new AtomicBoolean());
        try {
            TestLevels.beginTransaction(pinned, description);
            pinned.traits(traits.apply(pinned));
            return tx;
        } catch (RuntimeException e) {
            tx.discard("it could not begin");
            throw e;
        }
    }

    /**
     * This transaction as a framework hands it to a test it ends itself: the same transaction, whose
     * {@link #close()} does nothing.
     */
    public TestTransaction borrowed() {
        return new TestTransaction(pinned, description, null, released);
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
     * Ends the transaction: checks deferred constraints (throwing like {@link #checkDeferredConstraints()}), restores
     * sequences and looks for other sessions when the settings say so, rolls back and closes the connection (or gives
     * it back to its {@link TestTransactions}). The rollback and the release happen even when a check fails. Does
     * nothing on a {@link #borrowed()} transaction, and when the transaction has ended.
     */
    @Override
    public void close() {
        if (release == null || released.get()) {
            return;
        }
        try {
            TestLevels.endTest(pinned, null, description);
        } finally {
            discard(description + " ended");
        }
    }

    /**
     * Commits instead of rolling back, for a database kept after a failed test so that it shows what the test wrote
     * (when a deferred constraint fails the COMMIT, the data is rolled back and a warning logged); then releases the
     * connection. Not for a {@link #borrowed()} transaction.
     */
    public void commitForInspection() {
        requireOwned("commit");
        try {
            TestLevels.commitForInspection(pinned);
        } finally {
            discard(description + " committed for inspection");
        }
    }

    /**
     * Rolls back without any check and releases the connection, for clean-up after a failure; later use of the
     * transaction's connections fails, naming {@code reason}. Idempotent; does nothing on a {@link #borrowed()} one.
     */
    public void discard(String reason) {
        if (release != null && released.compareAndSet(false, true)) {
            Connection physical = pinned.detach(reason);
            if (pinned.reusable()) {
                release.accept(physical);
            } else {
                Builder.closeQuietly(physical); // something committed on it: no next test gets its session state
            }
        }
    }

    /** Whether the transaction is still open (not ended, committed or discarded). */
    public boolean isOpen() {
        return pinned.isOpen();
    }

    /** The engine's connection, for {@link TestLevel}. */
    PinnedConnection pinned() {
        return pinned;
    }

    private void requireOwned(String what) {
        if (release == null) {
            throw new IllegalStateException("Cannot " + what + " a borrowed test transaction: whoever began it ends it.");
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

    /**
     * Settings of a programmatic test transaction; {@link #begin()} opens it. Defaults are those of
     * {@link TransactionSettings#defaults()}, except that other sessions and their commits are not looked for.
     */
    public static final class Builder {
        private final DataSource dataSource;
        private final String database;
        private final boolean owned;
        private TransactionSettings settings = TransactionSettings.defaults().withDetectOtherSessions(false)
                .withDetectCommits(false);

        private Builder(DataSource dataSource, String database, boolean owned) {
            this.dataSource = dataSource;
            this.database = database;
            this.owned = owned;
        }

        /** All settings at once, replacing what earlier calls set. */
        public Builder settings(TransactionSettings transactionSettings) {
            this.settings = Objects.requireNonNull(transactionSettings, "transactionSettings");
            return this;
        }

        /** Use from threads other than the one calling {@link #begin()}; default {@link ThreadPolicy#SERIALIZE}. */
        public Builder threads(ThreadPolicy policy) {
            settings = settings.withThreads(Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /** How long another thread waits for an open unit of work (default 30 s). */
        public Builder threadWait(Duration wait) {
            settings = settings.withThreadWait(Objects.requireNonNull(wait, "wait"));
            return this;
        }

        /** Restore sequences at {@link TestTransaction#close()} to where they were at begin (default false). */
        public Builder resetSequences(boolean reset) {
            settings = settings.withResetSequences(reset);
            return this;
        }

        /** Fail {@link TestTransaction#close()} if other sessions are open on the database (default false). */
        public Builder detectOtherSessions(boolean detect) {
            settings = settings.withDetectOtherSessions(detect);
            return this;
        }

        /**
         * Fail {@link TestTransaction#close()} if other sessions committed on the database while the transaction was
         * open (PostgreSQL 15+; default false).
         */
        public Builder detectCommits(boolean detect) {
            settings = settings.withDetectCommits(detect);
            return this;
        }

        /** Wrap each statement in a savepoint so a failing one does not abort the transaction (default false). */
        public Builder statementSavepoints(boolean wrap) {
            settings = settings.withStatementSavepoints(wrap);
            return this;
        }

        /** The isolation level the transaction begins at (default: the server's). */
        public Builder isolationLevel(IsolationLevel level) {
            settings = settings.withIsolationLevel(Objects.requireNonNull(level, "level"));
            return this;
        }

        /** Opens the connection and begins the transaction; {@link TestTransaction#close()} closes it. */
        public TestTransaction begin() {
            Connection physical = null;
            try {
                DataSource source = owned ? PhysicalConnections.configure(dataSource) : dataSource;
                physical = PhysicalConnections.open(source);
                PinnedConnection pinned = PinnedConnection.pin(physical, physical.getCatalog(), settings);
                physical = null; // from here on, the transaction releases it
                return started(pinned, "TestTransaction on " + pinned.database(), Builder::closeQuietly,
                        TestLevels::traits);
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
