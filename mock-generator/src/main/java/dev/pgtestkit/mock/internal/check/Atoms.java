package dev.pgtestkit.mock.internal.check;

/** Operations on {@link Atom}s. */
public final class Atoms {

    private Atoms() {
    }

    /** The column of a single-column atom; {@code null} for relations and opaque atoms. */
    public static String column(Atom atom) {
        if (atom instanceof Atom.Compare c) {
            return c.column();
        }
        if (atom instanceof Atom.InSet in) {
            return in.column();
        }
        if (atom instanceof Atom.NullTest n) {
            return n.column();
        }
        if (atom instanceof Atom.Length len) {
            return len.column();
        }
        if (atom instanceof Atom.Like like) {
            return like.column();
        }
        if (atom instanceof Atom.Regex regex) {
            return regex.column();
        }
        return null;
    }

    /** The atom with column {@code from} renamed to {@code to}. */
    static Atom rename(Atom atom, String from, String to) {
        if (atom instanceof Atom.Compare c) {
            return new Atom.Compare(swap(c.column(), from, to), c.op(), c.literal());
        }
        if (atom instanceof Atom.InSet in) {
            return new Atom.InSet(swap(in.column(), from, to), in.values(), in.negated());
        }
        if (atom instanceof Atom.NullTest n) {
            return new Atom.NullTest(swap(n.column(), from, to), n.isNull());
        }
        if (atom instanceof Atom.Length len) {
            return new Atom.Length(swap(len.column(), from, to), len.op(), len.bound());
        }
        if (atom instanceof Atom.Like like) {
            return new Atom.Like(swap(like.column(), from, to), like.pattern(), like.caseInsensitive());
        }
        if (atom instanceof Atom.Regex x) {
            return new Atom.Regex(swap(x.column(), from, to), x.pattern(), x.caseInsensitive());
        }
        if (atom instanceof Atom.Relation r) {
            return new Atom.Relation(swap(r.left(), from, to), r.op(), swap(r.right(), from, to));
        }
        return atom;
    }

    private static String swap(String name, String from, String to) {
        return name.equals(from) ? to : name;
    }
}
