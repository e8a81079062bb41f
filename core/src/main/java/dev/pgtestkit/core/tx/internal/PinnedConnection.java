package dev.pgtestkit.core.tx.internal;

import dev.pgtestkit.core.sql.Identifiers;
import dev.pgtestkit.core.tx.IsolationLevel;
import dev.pgtestkit.core.tx.ThreadPolicy;
import dev.pgtestkit.core.tx.TransactionIsolationException;
import dev.pgtestkit.core.tx.TransactionSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.postgresql.jdbc.AutoSave;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One physical connection holding a test's transaction, shared by every logical connection handed out for it.
 *
 * <p>It keeps the stack of savepoints ({@link Mark}s): levels of the extension, named savepoints of
 * {@code TestTransaction}, and the units of work of the code under test (a logical connection with auto-commit
 * off opens a savepoint; its commit releases it, its rollback rolls back to it). With
 * {@link TransactionSettings#statementSavepoints()}, PgJDBC's {@code autosave=always} also wraps every statement of the code in
 * a savepoint of its own, so a failing statement does not abort the test transaction, just as it would not abort an
 * auto-commit connection; without it (default, cheaper) a failing statement aborts the transaction, as in
 * PostgreSQL, until the enclosing unit or test level is rolled back.
 *
 * <p>Thread-safe. Threads share the connection this way: a statement runs whole before another starts (a statement
 * lock); a unit of work, once open, belongs to its thread until it ends, and another thread that wants to open one
 * waits (a {@link UnitLock}); a single auto-commit statement of another thread meanwhile runs inside that unit,
 * under a savepoint of its own so its failure cannot abort the unit. The savepoint stack is guarded by this
 * object's monitor. Lock order: unit lock, then this monitor, then the statement lock.
 */
public final class PinnedConnection implements AutoCloseable {

    /** {@code application_name} of pinned sessions, so the other-session check can tell them from leaks. */
    public static final String APPLICATION_NAME = "pgtestkit-pinned";

    private static final Logger LOG = LoggerFactory.getLogger(PinnedConnection.class);

    private final Connection physical;
    private final PGConnection pg;
    private final BaseConnection base;
    private final String database;
    private final UnitLock lock = new UnitLock();
    private final ReentrantLock statementLock = new ReentrantLock();
    private final SavepointStack marks = new SavepointStack(lock);
    private final AtomicInteger ids = new AtomicInteger();
    private final PinnedDataSource dataSource;
    private volatile TransactionSettings settings;
    private volatile Thread owner;
    private volatile String endedBy;
    private volatile boolean deferrableConstraints = true;
    private volatile IsolationLevel isolationLevel = IsolationLevel.READ_COMMITTED;
    private final int serverMajor;
    private volatile CommitWatch commitWatch = new CommitWatch();
    private volatile CommitWindow window;
    /** This session's last test end with a reading, and the watch's epoch then (see {@link #lastEnded()}). */
    private volatile CommitWindow lastEnded;
    private volatile long lastEndedEpoch;
    private volatile boolean reusable = true;
    private volatile String lost;
    private boolean statementsRan;
    private Statement internal;

    private PinnedConnection(Connection physical, PGConnection pg, String database, TransactionSettings settings)
            throws SQLException {
        this.physical = physical;
        this.pg = pg;
        this.base = physical.unwrap(BaseConnection.class);
        this.serverMajor = physical.getMetaData().getDatabaseMajorVersion();
        this.database = database;
        this.settings = settings;
        this.owner = Thread.currentThread();
        this.dataSource = new PinnedDataSource(this);
    }

    /**
     * Pins a physical PostgreSQL connection: auto-commit off, PgJDBC autosave as the settings say. The transaction
     * begins with the first statement. The caller gives up the connection; {@link #close()} rolls back and closes it.
     */
    public static PinnedConnection pin(Connection physical, String database, TransactionSettings settings) throws SQLException {
        PGConnection pg = physical.unwrap(PGConnection.class);
        physical.setAutoCommit(false);
        pg.setAutosave(autosave(settings));
        return new PinnedConnection(physical, pg, database, settings);
    }

    /** The DataSource to hand to the code under test; every connection it gives is a view of this one. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** A new logical connection (auto-commit on, like a fresh JDBC connection). */
    public Connection newConnection() {
        checkOpen();
        return new LogicalConnection(this, ids.incrementAndGet()).proxy();
    }

    public String database() {
        return database;
    }

    public TransactionSettings settings() {
        return settings;
    }

    /** Settings for the next test; the thread policy and waits apply from now on. */
    public void settings(TransactionSettings newSettings) {
        statementLock.lock();
        try {
            this.settings = newSettings;
            pg.setAutosave(autosave(newSettings));
        } finally {
            statementLock.unlock();
        }
    }

    private static AutoSave autosave(TransactionSettings settings) {
        return settings.statementSavepoints() ? AutoSave.ALWAYS : AutoSave.NEVER;
    }

    /** The test's thread: with {@link ThreadPolicy#OWNER_ONLY}, the only one allowed. */
    public void owner(Thread thread) {
        this.owner = thread;
    }

    /**
     * Whether the end of a test checks deferred constraints (true until {@link #traits} says the database has
     * nothing deferrable, where nothing can be pending).
     */
    public boolean hasDeferrableConstraints() {
        return deferrableConstraints;
    }

    /** What the database is like: whether to check deferred constraints, and the level the transaction runs at. */
    public void traits(DatabaseTraits traits) {
        this.deferrableConstraints = traits.deferrableConstraints();
        IsolationLevel asked = settings.isolationLevel();
        this.isolationLevel = asked == IsolationLevel.DEFAULT ? traits.defaultIsolation() : asked;
    }

    /** The isolation level the test transaction runs at (never {@link IsolationLevel#DEFAULT}). */
    public IsolationLevel isolationLevel() {
        return isolationLevel;
    }

    public boolean isOpen() {
        return endedBy == null;
    }

    /** Whether the session reads backslashes in plain strings literally (PgJDBC follows the server's reports). */
    boolean standardConformingStrings() {
        return base.getStandardConformingStrings();
    }

    /** The commit counter of the database as the last test on it left it (shared by the database's sessions). */
    public void commitWatch(CommitWatch watch) {
        this.commitWatch = watch;
    }

    CommitWatch commitWatch() {
        return commitWatch;
    }

    /** Where the running test's commit-check window began; null when commits are not watched. */
    CommitWindow window() {
        return window;
    }

    void window(CommitWindow started) {
        this.window = started;
    }

    /**
     * Where this session's last test ended, with the commit check's reading then; null when none did, or when the
     * watch forgot its readings since (a test without a transaction ran on the database).
     */
    CommitWindow lastEnded() {
        CommitWindow ended = lastEnded;
        return ended != null && lastEndedEpoch == commitWatch.epoch() ? ended : null;
    }

    void lastEnded(CommitWindow ended) {
        this.lastEndedEpoch = commitWatch.epoch();
        this.lastEnded = ended;
    }

    /** Whether the end of a test looks for commits of other sessions: asked, and the server counts them at once. */
    boolean watchesCommits() {
        return settings.detectCommits() && hasFreshStatistics();
    }

    /** Whether the server's statistics can be read fresh within a transaction (PostgreSQL 15+, shared memory). */
    boolean hasFreshStatistics() {
        return serverMajor >= 15;
    }

    /**
     * Whether the session can serve another test: false once something committed on it (a test's work kept for
     * inspection, a commit behind pgtestkit's back) or it failed, since then state a rollback would undo may remain.
     */
    public boolean reusable() {
        return reusable;
    }

    void notReusable() {
        this.reusable = false;
    }

    /** What ended a transaction shared by a group of tests behind their back; null while it is intact. */
    public String lost() {
        return lost;
    }

    public void lost(String explanation) {
        if (lost == null) {
            lost = explanation;
        }
    }

    /** Whether the physical session is gone (closed, terminated by the server, or the network failed). */
    public boolean isClosed() {
        try {
            return physical.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** PostgreSQL backend process id of the pinned session. */
    public int backendPid() {
        return pg.getBackendPID();
    }

    /** Names of the open savepoints, innermost last. */
    public synchronized List<String> savepointNames() {
        return marks.names();
    }

    /** Opens a named savepoint (a level or a {@code TestTransaction} savepoint). */
    public Mark savepoint(String name) throws SQLException {
        acquire();
        try {
            return push(name, null, false);
        } finally {
            lock.release();
        }
    }

    /** The innermost open savepoint of that name. */
    public synchronized Optional<Mark> find(String name) {
        return marks.find(name);
    }

    /** Releases a savepoint: its work stays, as part of the enclosing level. */
    public void release(Mark mark) throws SQLException {
        acquire();
        try {
            releaseLocked(mark);
        } finally {
            lock.release();
        }
    }

    /** Rolls back to a savepoint; with {@code keep} it stays open for reuse, else it is released too. */
    public void rollbackTo(Mark mark, boolean keep) throws SQLException {
        acquire();
        try {
            rollbackLocked(mark, keep);
        } finally {
            lock.release();
        }
    }

    /**
     * Runs pgtestkit's own SQL with the thread lock held and PgJDBC's autosave off (it would otherwise wrap, and
     * then release, our savepoints).
     */
    public <T> T internal(SqlWork<T> work) throws SQLException {
        acquire();
        try {
            return internalLocked(work);
        } finally {
            lock.release();
        }
    }

    /** Records a savepoint that pgtestkit's own SQL created (as part of a larger batch). */
    public synchronized Mark adopt(String name) {
        Mark mark = new Mark(name, null);
        marks.push(mark);
        return mark;
    }

    /**
     * Like {@link #internal(SqlWork)} with a prepared statement, server-prepared from its first use: PgJDBC caches
     * it per session by its text, so SQL run at the end of every test is planned once per session, not per test.
     */
    public <T> T prepared(String sql, SqlWork<T> work) throws SQLException {
        return internal(unused -> {
            try (PreparedStatement statement = physical.prepareStatement(sql)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(1);
                return work.run(statement);
            }
        });
    }

    /** Forgets the savepoints above {@code mark} (rolled back by SQL pgtestkit ran itself). */
    public synchronized void forgetAbove(Mark mark) {
        marks.popAbove(mark);
    }

    /** Forgets every savepoint: the transaction has ended. */
    public synchronized void forgetAll() {
        marks.clear();
        statementsRan = false;
        lock.reset();
    }

    /**
     * Whether the transaction ended although pgtestkit did not end it: statements ran, yet PgJDBC reports no
     * transaction open (something committed or rolled back the physical connection directly).
     */
    public synchronized boolean endedBehindOurBack() throws SQLException {
        return statementsRan && base.getTransactionState() == TransactionState.IDLE;
    }

    /** Rolls back whatever is open and closes the physical connection; logical connections fail from now on. */
    @Override
    public void close() {
        detach("closed");
        try {
            physical.close();
        } catch (SQLException e) {
            LOG.debug("Closing the pinned connection to {} failed: {}", database, e.getMessage());
        }
    }

    /**
     * Rolls back whatever is open and hands the physical connection back (for reuse by a later test); this
     * object and its logical connections fail from now on, naming {@code endedBy}.
     */
    public Connection detach(String reason) {
        synchronized (this) {
            if (endedBy == null) {
                endedBy = reason;
                try {
                    if (internal != null) {
                        internal.close();
                    }
                    physical.rollback();
                } catch (SQLException e) {
                    LOG.debug("Rolling back the pinned connection to {} failed: {}", database, e.getMessage());
                }
                forgetAll();
            }
        }
        return physical;
    }

    // ---- used by LogicalConnection ----

    Connection physical() {
        return physical;
    }

    /** Takes the unit lock for a unit of work or a pgtestkit operation; checks the thread policy. */
    void acquire() {
        checkThread();
        lock.acquire(settings.threadWait());
    }

    /**
     * Takes the statement lock for one JDBC call of the code under test. Returns whether the call runs inside a
     * unit another thread holds open; it then gets a savepoint of its own (see {@link #exitStatement(boolean)}).
     */
    boolean enterStatement() {
        checkThread();
        statementLock.lock();
        boolean protect = !settings.statementSavepoints() && lock.isHeldByOtherThan(Thread.currentThread());
        if (protect) {
            pg.setAutosave(AutoSave.ALWAYS);
        }
        return protect;
    }

    void exitStatement(boolean protectedCall) {
        if (protectedCall) {
            pg.setAutosave(autosave(settings));
        }
        statementLock.unlock();
    }

    private void checkThread() {
        checkOpen();
        Thread me = Thread.currentThread();
        if (settings.threads() == ThreadPolicy.OWNER_ONLY && me != owner) {
            throw new TransactionIsolationException("Thread '" + me.getName() + "' used the test transaction's "
                    + "connection, but @WithTransaction(threads = OWNER_ONLY) allows only the test's thread '"
                    + owner.getName() + "'. Use threads = SERIALIZE to let other threads share the transaction, "
                    + "or: " + TransactionIsolationException.useDatabasePerTest());
        }
    }

    /**
     * Opens the unit of work of a logical connection; the unit holds the thread lock until it ends. A read-only unit
     * runs {@code SET TRANSACTION READ ONLY} in its savepoint.
     */
    Mark openUnit(LogicalConnection owner, boolean readOnly) throws SQLException {
        acquire();
        try {
            return push("pgtestkit_unit_" + ids.incrementAndGet(), owner, readOnly);
        } catch (SQLException | RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    private void releaseLocked(Mark mark) throws SQLException {
        synchronized (this) {
            marks.requireOpen(mark);
            marks.refuseLaterUnitsOfOthers(mark, "commits");
            String quoted = Identifiers.quote(mark.name);
            // PostgreSQL cannot leave read-only mode inside a transaction: released, a read-only unit would leave the
            // rest of the test read-only. It can only have changed temporary tables and settings; it is rolled back.
            execute((mark.readOnly ? "ROLLBACK TO SAVEPOINT " + quoted + "; " : "") + "RELEASE SAVEPOINT " + quoted);
            marks.popAbove(mark);
            marks.pop(mark);
        }
    }

    private void rollbackLocked(Mark mark, boolean keep) throws SQLException {
        synchronized (this) {
            marks.requireOpen(mark);
            marks.refuseLaterUnitsOfOthers(mark, "rolls back");
            marks.warnAboutForeignStatements(mark);
            String quoted = Identifiers.quote(mark.name);
            execute("ROLLBACK TO SAVEPOINT " + quoted + (keep ? "" : "; RELEASE SAVEPOINT " + quoted));
            marks.popAbove(mark);
            if (!keep) {
                marks.pop(mark);
            }
        }
    }

    /** Counts a statement of the code under test; notes when it runs inside another connection's unit. */
    synchronized void noteStatement(LogicalConnection by) {
        statementsRan = true;
        marks.noteStatement(by);
    }

    void checkOpen() {
        if (endedBy != null) {
            throw new TransactionIsolationException("This connection belonged to a test transaction on database '"
                    + database + "' that has ended (" + endedBy + "). Connections and DataSources that "
                    + "@WithTransaction hands out live as long as their test (or class, when the class is annotated): "
                    + "get a new one from the current test's parameters.");
        }
    }

    /** Makes the open unit read-only from now on ({@code SET TRANSACTION READ ONLY} sent by the code). */
    synchronized void readOnly(Mark unit) throws SQLException {
        marks.requireOpen(unit);
        execute("SET TRANSACTION READ ONLY");
        unit.readOnly = true;
    }

    /** The connection whose read-only unit encloses statements now, if not {@code by}: its writes fail. */
    synchronized Optional<LogicalConnection> readOnlyUnitOfOther(LogicalConnection by) {
        return marks.readOnlyUnitOfOther(by);
    }

    private synchronized Mark push(String name, LogicalConnection unitOwner, boolean readOnly) throws SQLException {
        String quoted = Identifiers.quote(name);
        execute("SAVEPOINT " + quoted + (readOnly ? "; SET TRANSACTION READ ONLY" : ""));
        Mark mark = new Mark(name, unitOwner);
        mark.readOnly = readOnly;
        marks.push(mark);
        return mark;
    }

    private synchronized <T> T internalLocked(SqlWork<T> work) throws SQLException {
        statementLock.lock();
        AutoSave saved = pg.getAutosave();
        pg.setAutosave(AutoSave.NEVER);
        try {
            if (internal == null) {
                internal = physical.createStatement();
            }
            return work.run(internal);
        } finally {
            pg.setAutosave(saved);
            statementLock.unlock();
        }
    }

    private void execute(String sql) throws SQLException {
        internalLocked(statement -> statement.execute(sql));
    }

    @Override
    public String toString() {
        return "PinnedConnection[" + database + ", savepoints=" + savepointNames() + "]";
    }
}
