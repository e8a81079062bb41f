package dev.pgtestkit.querylog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The values bound to a prepared or callable statement, as the application set them, so that an execution can
 * carry them (one set per {@code addBatch}). Streams, readers and LOBs are recorded as an {@link Opaque} marker,
 * never read; a batch keeps its first {@code maxBatchSets} sets. Not thread-safe: a statement is used by one
 * thread at a time. Does nothing when disabled.
 */
final class ParameterBuffer {

    static final Object[] NONE = new Object[0];
    static final Object[][] NO_SETS = new Object[0][];

    private final boolean enabled;
    private final int maxBatchSets;
    private Object[] values = new Object[8];
    private int size;
    private List<NamedValue> named;
    private List<Object[]> batch;

    /** {@code maxBatchSets}: the sets of a batch kept beyond this many are not recorded (memory). */
    ParameterBuffer(boolean enabled, int maxBatchSets) {
        this.enabled = enabled;
        this.maxBatchSets = maxBatchSets;
    }

    /** A value that is not recorded (a stream, reader or LOB): shown as {@code <kind>}, never bound again. */
    record Opaque(String kind) {
        @Override
        public String toString() {
            return "<" + kind + ">";
        }
    }

    /** A value bound by name to a callable statement. */
    record NamedValue(String name, Object value) {
        @Override
        public String toString() {
            return name + "=" + value;
        }
    }

    static Object opaque(String kind) {
        return new Opaque(kind);
    }

    void set(int index, Object value) {
        if (!enabled || index < 1) {
            return;
        }
        if (index > values.length) {
            values = Arrays.copyOf(values, Math.max(index, values.length * 2));
        }
        values[index - 1] = value;
        size = Math.max(size, index);
    }

    void setNamed(String name, Object value) {
        if (enabled) {
            named = named == null ? new ArrayList<>(4) : named;
            named.removeIf(v -> v.name().equalsIgnoreCase(name));
            named.add(new NamedValue(name, value));
        }
    }

    void clear() {
        Arrays.fill(values, 0, size, null);
        size = 0;
        named = null;
    }

    /** The current values (named ones after the positional ones); {@link #NONE} when nothing is bound. */
    Object[] snapshot() {
        if (size == 0 && named == null) {
            return NONE;
        }
        Object[] copy = Arrays.copyOf(values, size + (named == null ? 0 : named.size()));
        for (int i = 0; named != null && i < named.size(); i++) {
            copy[size + i] = named.get(i);
        }
        return copy;
    }

    /** One snapshot as a parameter-set array for a single execution; {@link #NO_SETS} when disabled or empty. */
    Object[][] single() {
        Object[] snapshot = snapshot();
        return snapshot == NONE ? NO_SETS : new Object[][] {snapshot};
    }

    void addBatch() {
        if (enabled) {
            batch = batch == null ? new ArrayList<>() : batch;
            if (batch.size() < maxBatchSets) {
                batch.add(snapshot());
            }
        }
    }

    /** The batched sets, forgetting them. */
    Object[][] takeBatch() {
        if (batch == null || batch.isEmpty()) {
            return NO_SETS;
        }
        Object[][] sets = batch.toArray(new Object[0][]);
        batch.clear();
        return sets;
    }

    void clearBatch() {
        if (batch != null) {
            batch.clear();
        }
    }

    boolean isEnabled() {
        return enabled;
    }
}
