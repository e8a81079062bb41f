package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.QueryEvent;
import dev.pgtestkit.querylog.QueryLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The logger's most recent events, exactly as many as configured, in a lock-free ring (its array rounded up to a
 * power of two); also hands out event ids. Older events are overwritten; {@link #dropped()} says how many the window
 * no longer holds. The ring is allocated in segments as events arrive: a test's logger that sees a handful of
 * statements does not zero an array for thousands.
 */
final class EventHistory {

    private static final int MAX_SEGMENT = 256;

    private final AtomicLong sequence = new AtomicLong();
    private final AtomicReferenceArray<AtomicReferenceArray<RecordedEvent>> segments;
    private final int mask;
    private final int segmentSize;
    private final int segmentShift;
    /** Events kept: the configured history size. */
    private final int capacity;
    private volatile long resetAt;

    EventHistory(int size) {
        this.capacity = Math.max(0, size);
        int slots = size <= 1 ? 1 : Integer.highestOneBit(size - 1) << 1;
        this.mask = slots - 1;
        this.segmentSize = Math.min(MAX_SEGMENT, slots);
        this.segmentShift = Integer.numberOfTrailingZeros(segmentSize);
        this.segments = new AtomicReferenceArray<>(slots / segmentSize);
    }

    /** Assigns the event its id and keeps it. */
    void append(RecordedEvent event) {
        long id = sequence.incrementAndGet();
        event.id = id;
        if (capacity > 0) {
            int slot = (int) (id & mask);
            segment(slot).set(slot & (segmentSize - 1), event);
        }
    }

    private AtomicReferenceArray<RecordedEvent> segment(int slot) {
        int index = slot >>> segmentShift;
        AtomicReferenceArray<RecordedEvent> segment = segments.get(index);
        if (segment == null) {
            segments.compareAndSet(index, null, new AtomicReferenceArray<>(segmentSize));
            segment = segments.get(index);
        }
        return segment;
    }

    private RecordedEvent at(long id) {
        int slot = (int) (id & mask);
        AtomicReferenceArray<RecordedEvent> segment = segments.get(slot >>> segmentShift);
        return segment == null ? null : segment.get(slot & (segmentSize - 1));
    }

    /** The kept events since the last reset, oldest first. */
    List<QueryEvent> snapshot() {
        long end = sequence.get();
        long start = Math.max(resetAt, end - capacity);
        List<QueryEvent> events = new ArrayList<>((int) Math.max(0, end - start));
        for (long id = start + 1; id <= end && capacity > 0; id++) {
            RecordedEvent event = at(id);
            if (event != null && event.id == id) {
                events.add(event);
            }
        }
        return events;
    }

    /** The kept events as a log that knows how many earlier ones it no longer holds. */
    QueryLog log(int nPlusOneThreshold) {
        long end = sequence.get();
        List<QueryEvent> events = snapshot();
        long omitted = Math.max(0, end - resetAt - events.size());
        return QueryLog.of(events, nPlusOneThreshold, omitted);
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
