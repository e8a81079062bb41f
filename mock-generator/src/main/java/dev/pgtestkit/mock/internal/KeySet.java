package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.KeyInputs.ForeignKeyInput;
import dev.pgtestkit.mock.internal.KeyInputs.SequenceInput;
import dev.pgtestkit.mock.internal.KeyInputs.UniqueKeyInput;
import dev.pgtestkit.mock.internal.KeyPlanner.Dim;
import dev.pgtestkit.mock.internal.KeyPlanner.Mode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The unique keys as sets of dimensions, minus those that hold anyway (a sequence column in them, nothing the
 * generator writes) and those that contain another key (unique whenever the smaller one is).
 */
final class KeySet {

    private final KeyInputs in;
    private final KeyPlanner planner;

    KeySet(KeyInputs in, KeyPlanner planner) {
        this.in = in;
        this.planner = planner;
    }

    List<KeyPlanner.Key> keys() {
        for (SequenceInput s : in.sequences()) {
            planner.columnDim(s.position(), s.capacity(), Mode.SEQUENCE);
        }
        List<KeyPlanner.Key> keys = new ArrayList<>();
        for (UniqueKeyInput u : in.uniqueKeys()) {
            KeyPlanner.Key key = key(u);
            if (key != null) {
                keys.add(key);
            }
        }
        return minimal(keys);
    }

    private KeyPlanner.Key key(UniqueKeyInput u) {
        Set<Dim> dims = new LinkedHashSet<>();
        for (int position : u.positions()) {
            if (position < 0) {
                return null;
            }
            dims.add(dim(position));
        }
        if (dims.stream().allMatch(d -> d.mode == Mode.FIXED)
                || dims.stream().anyMatch(d -> d.mode == Mode.SEQUENCE)) {
            return null;
        }
        return new KeyPlanner.Key(u.name(), u.columns(), List.copyOf(dims));
    }

    private Dim dim(int position) {
        int fk = coveringForeignKey(in, position);
        if (fk >= 0) {
            return in.foreignKeys().get(fk).self() ? fixed(position) : planner.foreignKeyDim(fk);
        }
        UniqueSource source = in.uniqueSource().apply(position);
        return source == null ? fixed(position) : planner.columnDim(position, source.capacity(), Mode.FREE);
    }

    private Dim fixed(int position) {
        return planner.columnDim(position, 0, Mode.FIXED);
    }

    /** The first foreign key whose columns include {@code position}, or -1. */
    static int coveringForeignKey(KeyInputs in, int position) {
        for (int i = 0; i < in.foreignKeys().size(); i++) {
            ForeignKeyInput f = in.foreignKeys().get(i);
            for (int p : f.positions()) {
                if (p == position) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static List<KeyPlanner.Key> minimal(List<KeyPlanner.Key> keys) {
        List<KeyPlanner.Key> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            KeyPlanner.Key k = keys.get(i);
            int at = i;
            boolean redundant = IntStream.range(0, keys.size()).anyMatch(j -> j != at
                    && k.dims().containsAll(keys.get(j).dims())
                    && (keys.get(j).dims().size() < k.dims().size() || j < at));
            if (!redundant) {
                out.add(k);
            }
        }
        return out;
    }
}
