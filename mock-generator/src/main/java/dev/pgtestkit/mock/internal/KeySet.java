package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.KeyInputs.ForeignKeyInput;
import dev.pgtestkit.mock.internal.KeyInputs.SequenceInput;
import dev.pgtestkit.mock.internal.KeyInputs.UniqueKeyInput;
import dev.pgtestkit.mock.internal.KeyPlanner.Dim;
import dev.pgtestkit.mock.internal.KeyPlanner.Key;
import dev.pgtestkit.mock.internal.KeyPlanner.Mode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    List<Key> keys() {
        for (SequenceInput s : in.sequences()) {
            planner.columnDim(s.position(), s.capacity(), Mode.SEQUENCE);
        }
        List<Key> keys = new ArrayList<>();
        for (UniqueKeyInput u : in.uniqueKeys()) {
            Key key = key(u);
            if (key != null) {
                keys.add(key);
            }
        }
        return minimal(keys);
    }

    private Key key(UniqueKeyInput u) {
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
        return new Key(u.name(), u.columns(), List.copyOf(dims));
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

    private static List<Key> minimal(List<Key> keys) {
        List<Key> out = new ArrayList<>();
        for (Key k : keys) {
            boolean redundant = keys.stream().anyMatch(o -> o != k && k.dims().containsAll(o.dims())
                    && (o.dims().size() < k.dims().size() || keys.indexOf(o) < keys.indexOf(k)));
            if (!redundant) {
                out.add(k);
            }
        }
        return out;
    }
}
