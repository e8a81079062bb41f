package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.QueryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The logger's most recent events in a lock-free ring (capacity rounded up to a power of two); also hands out
 * event ids. Older events are overwritten; {@link #dropped()} says how many the window no longer holds.
 */
final class EventHistory {

    private final AtomicLong sequence = new AtomicLong();
    private final AtomicReferenceArray<RecordedEvent> ring;
    private final int mask;
    private final int capacity;
    private volatile long resetAt;

    EventHistory(int size) {
        this.capacity = size <= 0 ? 0 : Integer.highestOneBit(Math.max(1, size - 1)) << 1;
        this.ring = new AtomicReferenceArray<>(Math.max(1, capacity));
        this.mask = Math.max(1, capacity) - 1;
    }

    /** Assigns the event its id and keeps it. */
    void append(RecordedEvent event) {
        long id = sequence.incrementAndGet();
        event.id = id;
        if (capacity > 0) {
            ring.set((int) (id & mask), event);
        }
    }

    /** The kept events since the last reset, oldest first. */
    List<QueryEvent> snapshot() {
        long end = sequence.get();
        long start = Math.max(resetAt, end - capacity);
        List<QueryEvent> events = new ArrayList<>((int) Math.max(0, end - start));
        for (long id = start + 1; id <= end && capacity > 0; id++) {
            RecordedEvent event = ring.get((int) (id & mask));
            if (event != null && event.id == id) {
                events.add(event);
            }
        }
        return events;
    }

    /** Events recorded since the last reset that the window no longer holds. */
    long dropped() {
        long end = sequence.get();
        return Math.max(0, end - resetAt - capacity);
    }

    void reset() {
        resetAt = sequence.get();
    }
}
