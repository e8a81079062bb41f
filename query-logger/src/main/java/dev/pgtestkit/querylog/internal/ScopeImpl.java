package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.QueryEvent;
import dev.pgtestkit.querylog.QueryLog;
import dev.pgtestkit.querylog.QueryScope;
import java.util.ArrayList;
import java.util.List;

/** A {@link QueryScope}: a synchronized list fed by the recorder while open. */
final class ScopeImpl implements QueryScope {

    private final Recorder recorder;
    private final String name;
    private final Thread owner;
    private final List<QueryEvent> events = new ArrayList<>();
    private volatile boolean open = true;

    /** {@code owner} null records every thread's events. */
    ScopeImpl(Recorder recorder, String name, Thread owner) {
        this.recorder = recorder;
        this.name = name;
        this.owner = owner;
    }

    void offer(RecordedEvent event, Thread current) {
        if (owner == null || owner == current) {
            synchronized (events) {
                events.add(event);
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public QueryLog log() {
        synchronized (events) {
            return QueryLog.of(events, recorder.config().nPlusOneThreshold());
        }
    }

    @Override
    public void reset() {
        synchronized (events) {
            events.clear();
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            recorder.scopeClosed(this);
        }
    }

    @Override
    public String toString() {
        return "QueryScope[" + name + (owner == null ? "" : ", thread " + owner.getName()) + "]";
    }
}
