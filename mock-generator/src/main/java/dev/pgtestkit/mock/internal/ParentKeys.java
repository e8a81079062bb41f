package dev.pgtestkit.mock.internal;

import java.util.List;
import java.util.function.LongFunction;

/**
 * The rows a foreign key can point at: their referenced column values, by index. Generated parents compute
 * their keys from their row index (keys are pure functions of it), existing ones are read from the database.
 */
public interface ParentKeys {

    long size();

    /** Referenced values of parent {@code index}, in the foreign key's column order. */
    Object[] key(long index);

    /** Keys read from the database. */
    static ParentKeys of(List<Object[]> keys) {
        List<Object[]> copy = List.copyOf(keys);
        return new ParentKeys() {
            @Override
            public long size() {
                return copy.size();
            }

            @Override
            public Object[] key(long index) {
                return copy.get((int) index);
            }
        };
    }

    /** Existing rows first, then generated ones. */
    static ParentKeys concat(ParentKeys first, ParentKeys second) {
        return new ParentKeys() {
            @Override
            public long size() {
                return first.size() + second.size();
            }

            @Override
            public Object[] key(long index) {
                return index < first.size() ? first.key(index) : second.key(index - first.size());
            }
        };
    }

    /**
     * Keys computed on every call, for keys that cost less to compute than to look up (sequence numbers):
     * {@code keyOf} must be cheap and is used through one instance per thread.
     */
    static ParentKeys computed(long size, LongFunction<Object[]> keyOf) {
        ThreadLocal<LongFunction<Object[]>> perThread = ThreadLocal.withInitial(() -> copyOf(keyOf));
        return new ParentKeys() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public Object[] key(long index) {
                return perThread.get().apply(index);
            }
        };
    }

    /** A fresh copy of a stateful key function (one per thread), or the function itself when it has no state. */
    private static LongFunction<Object[]> copyOf(LongFunction<Object[]> keyOf) {
        return keyOf instanceof Copyable c ? c.copy() : keyOf;
    }

    /** A key function with per-use state (buffers) that can make a fresh copy of itself. */
    interface Copyable extends LongFunction<Object[]> {
        LongFunction<Object[]> copy();
    }

    /**
     * Keys computed by {@code keyOf} and kept after first use (a child table asks for its parents' keys once per
     * row). Computation is deferred: a parent later in the order (a cycle's back edge) is compiled by then.
     */
    static ParentKeys lazy(long size, LongFunction<Object[]> keyOf) {
        return new ParentKeys() {
            private volatile Object[][] cache;

            @Override
            public long size() {
                return size;
            }

            @Override
            public Object[] key(long index) {
                Object[][] c = cache;
                if (c == null) {
                    c = fill();
                }
                return c[(int) index];
            }

            private synchronized Object[][] fill() {
                if (cache == null) {
                    Object[][] all = new Object[(int) size][];
                    for (int i = 0; i < size; i++) {
                        all[i] = keyOf.apply(i);
                    }
                    cache = all;
                }
                return cache;
            }
        };
    }
}
