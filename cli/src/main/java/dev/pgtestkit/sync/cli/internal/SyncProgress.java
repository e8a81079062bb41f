package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.sync.SyncEvent;
import dev.pgtestkit.sync.SyncProgressListener;
import dev.pgtestkit.sync.cli.CommandOutput;
import dev.pgtestkit.sync.cli.Progress;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * db-sync's progress events as progress tasks, one per table and phase ({@code public.users}, then
 * {@code verify public.users}); notices (a dropped leftover shadow, connected sessions) as messages.
 */
final class SyncProgress implements SyncProgressListener {

    private final Progress progress;
    private final CommandOutput io;
    private final Map<String, Progress.Task> tasks = new ConcurrentHashMap<>();

    SyncProgress(Progress progress, CommandOutput io) {
        this.progress = progress;
        this.io = io;
    }

    @Override
    public void onEvent(SyncEvent event) {
        switch (event.type()) {
            case TABLE_STARTED -> task(event);
            case TABLE_PROGRESS -> task(event).update(event.rows(), event.bytes());
            case TABLE_FINISHED -> {
                Progress.Task task = task(event);
                task.update(event.rows(), event.bytes());
                task.finish();
                tasks.remove(name(event));
            }
            case NOTICE -> io.info(event.message());
            default -> {
                // Phases have no display of their own: their tables do.
            }
        }
    }

    private Progress.Task task(SyncEvent event) {
        return tasks.computeIfAbsent(name(event),
                name -> progress.start(name, -1, event.expectedBytes() > 0 ? event.expectedBytes() : -1));
    }

    private static String name(SyncEvent event) {
        String table = String.valueOf(event.table());
        return event.phase() == SyncEvent.Phase.DATA ? table
                : event.phase().name().toLowerCase(Locale.ROOT).replace('_', '-') + " " + table;
    }
}
