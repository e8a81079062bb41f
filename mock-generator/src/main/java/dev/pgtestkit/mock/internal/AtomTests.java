package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.check.Atom;
import dev.pgtestkit.mock.internal.check.Op;
import dev.pgtestkit.mock.internal.value.LikePattern;
import dev.pgtestkit.mock.internal.value.OrderedType;
import dev.pgtestkit.mock.internal.value.TextType;
import dev.pgtestkit.mock.internal.value.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Construction of {@link AtomTest}s. */
final class AtomTests {

    private AtomTests() {
    }

    static AtomTest build(Atom atom, Map<String, ColumnSpec> columns) {
        if (atom instanceof Atom.NullTest n) {
            int p = position(columns, n.column());
            return row -> AtomTest.of((row[p] == null) == n.isNull());
        }
        if (atom instanceof Atom.Compare c) {
            ColumnSpec col = columns.get(c.column());
            return col == null ? null : compare(col.position(), col.type(), c.op(), col.type().parse(c.literal()));
        }
        if (atom instanceof Atom.InSet in) {
            return inSet(columns.get(in.column()), in);
        }
        if (atom instanceof Atom.Relation r) {
            return relation(columns.get(r.left()), r.op(), columns.get(r.right()));
        }
        if (atom instanceof Atom.Length len) {
            return length(columns.get(len.column()), len.op(), len.bound());
        }
        if (atom instanceof Atom.Like like) {
            int p = position(columns, like.column());
            LikePattern pattern = new LikePattern(like.pattern(), like.caseInsensitive());
            return row -> row[p] == null ? AtomTest.UNKNOWN : AtomTest.of(pattern.matches(row[p].toString()));
        }
        return null;
    }

    private static int position(Map<String, ColumnSpec> columns, String name) {
        ColumnSpec c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("column not written: " + name);
        }
        return c.position();
    }

    private static AtomTest compare(int p, ValueType type, Op op, Object literal) {
        if (!type.ordered() && op != Op.EQ && op != Op.NE) {
            return null;
        }
        return row -> row[p] == null ? AtomTest.UNKNOWN : AtomTest.of(op.test(type.compare(row[p], literal)));
    }

    private static AtomTest inSet(ColumnSpec col, Atom.InSet in) {
        if (col == null) {
            return null;
        }
        List<Object> values = new ArrayList<>();
        for (String literal : in.values()) {
            values.add(col.type().parse(literal));
        }
        int p = col.position();
        ValueType type = col.type();
        return row -> {
            if (row[p] == null) {
                return AtomTest.UNKNOWN;
            }
            boolean found = values.stream().anyMatch(v -> type.compare(row[p], v) == 0);
            return AtomTest.of(found != in.negated());
        };
    }

    private static AtomTest relation(ColumnSpec left, Op op, ColumnSpec right) {
        if (left == null || right == null || (!left.type().ordered() && op != Op.EQ && op != Op.NE)
                || (!(left.type() instanceof OrderedType) && left.type().getClass() != right.type().getClass())) {
            return null;
        }
        int l = left.position();
        int r = right.position();
        ValueType type = left.type();
        return row -> row[l] == null || row[r] == null ? AtomTest.UNKNOWN
                : AtomTest.of(op.test(type.compare(row[l], row[r])));
    }

    private static AtomTest length(ColumnSpec col, Op op, long bound) {
        if (col == null || !(col.type() instanceof TextType text)) {
            return null;
        }
        int p = col.position();
        return row -> {
            if (row[p] == null) {
                return AtomTest.UNKNOWN;
            }
            String s = text.fixed() ? row[p].toString().stripTrailing() : row[p].toString();
            return AtomTest.of(op.test(Long.compare(s.codePointCount(0, s.length()), bound)));
        };
    }
}
