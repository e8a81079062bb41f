package dev.pgtestkit.core.tx.internal;

import dev.pgtestkit.core.tx.TransactionIsolationException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open savepoints of a pinned connection, innermost on top, and the rules for ending them. Not thread-safe:
 * {@link PinnedConnection} guards it with its monitor. A unit's savepoint holds one count of the unit lock while it
 * is open; {@link #kill} gives it back.
 */
final class SavepointStack {

    private static final Logger LOG = LoggerFactory.getLogger(SavepointStack.class);

    private final Deque<Mark> marks = new ArrayDeque<>();
    private final UnitLock lock;

    SavepointStack(UnitLock lock) {
        this.lock = lock;
    }

    void push(Mark mark) {
        marks.push(mark);
    }

    Mark top() {
        return marks.peek();
    }

    /** Names, outermost first. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        marks.descendingIterator().forEachRemaining(m -> names.add(m.name));
        return names;
    }

    /** The innermost open named savepoint (not a unit) of that name. */
    Optional<Mark> find(String name) {
        return marks.stream().filter(m -> m.name.equals(name) && !m.isUnit()).findFirst();
    }

    /** Forgets the savepoints above {@code mark} (a rollback or release removed them on the server). */
    void popAbove(Mark mark) {
        while (!marks.isEmpty() && marks.peek() != mark) {
            kill(marks.pop());
        }
    }

    /** Forgets {@code mark}, which must be on top. */
    void pop(Mark mark) {
        if (marks.peek() == mark) {
            kill(marks.pop());
        }
    }

    void clear() {
        while (!marks.isEmpty()) {
            kill(marks.pop());
        }
    }

    /** Fails with SQLState 3B001, as PostgreSQL would, when the savepoint is gone. */
    void requireOpen(Mark mark) throws SQLException {
        if (!mark.alive || !marks.contains(mark)) {
            throw new SQLException("Savepoint '" + mark.name + "' is no longer open on the test transaction; open "
                    + "savepoints: " + names(), "3B001");
        }
    }

    /**
     * A unit may end only when no other connection's unit began after it: on one connection, ending it would end
     * the later one too, which separate connections would not do.
     */
    void refuseLaterUnitsOfOthers(Mark mark, String verb) {
        if (!mark.isUnit()) {
            return;
        }
        for (Mark above : marks) {
            if (above == mark) {
                return;
            }
            if (above.isUnit() && above.owner != mark.owner) {
                throw new TransactionIsolationException("Connection " + mark.owner + " " + verb + " while "
                        + above.owner + ", which began its transaction later on the same test transaction, has not "
                        + "ended its own. All connections of a @WithTransaction test share one physical connection, "
                        + "where transactions nest like savepoints and must end in reverse order of beginning. End "
                        + above.owner + "'s transaction first, or: " + TransactionIsolationException.useDatabasePerTest());
            }
        }
    }

    /** Notes a statement of {@code by} that runs inside another connection's unit. */
    void noteStatement(LogicalConnection by) {
        Mark top = marks.peek();
        if (top != null && top.isUnit() && top.owner != by) {
            top.foreignStatements++;
        }
    }

    /** The owner of the innermost read-only unit (which makes everything inside it read-only) if not {@code by}. */
    Optional<LogicalConnection> readOnlyUnitOfOther(LogicalConnection by) {
        for (Mark mark : marks) {
            if (mark.isUnit() && mark.readOnly) {
                return mark.owner != by ? Optional.of(mark.owner) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    void warnAboutForeignStatements(Mark mark) {
        if (mark.isUnit() && mark.foreignStatements > 0) {
            LOG.warn("{} rolls back its transaction, which also undoes {} statement(s) that other connections ran "
                    + "meanwhile in auto-commit mode. With separate connections they would have stayed committed; "
                    + "all connections of a @WithTransaction test share one. If the test depends on that, use "
                    + "@PgTest(isolation = DATABASE_PER_TEST) without @WithTransaction.", mark.owner,
                    mark.foreignStatements);
        }
        mark.foreignStatements = 0;
    }

    private void kill(Mark mark) {
        if (mark.alive) {
            mark.alive = false;
            if (mark.isUnit()) {
                lock.release();
            }
        }
    }
}
