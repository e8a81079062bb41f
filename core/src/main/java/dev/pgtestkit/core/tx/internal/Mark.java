package dev.pgtestkit.core.tx.internal;

/**
 * One savepoint on the pinned connection: a level of the extension (class, test), a named savepoint of
 * {@code TestTransaction}, or the unit of work of a logical connection (then {@code owner} is set).
 */
public final class Mark {

    final String name;
    final LogicalConnection owner;
    boolean alive = true;
    /** Statements other logical connections ran inside this unit; a rollback of it also undoes them. */
    int foreignStatements;
    /** A unit in {@code SET TRANSACTION READ ONLY} mode: its commit rolls back (see PinnedConnection). */
    boolean readOnly;

    Mark(String name, LogicalConnection owner) {
        this.name = name;
        this.owner = owner;
    }

    boolean isUnit() {
        return owner != null;
    }

    /** Whether the savepoint is still open. */
    public boolean alive() {
        return alive;
    }

    /** The savepoint's name. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
