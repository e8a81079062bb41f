package dev.pgtestkit.mock.internal.check;

import dev.pgtestkit.mock.internal.check.Expr.Literal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Recognizes one leaf condition of a check as an {@link Atom}, looking through casts. */
final class AtomReader {

    private static final Set<String> LENGTH_FUNCTIONS = Set.of("char_length", "character_length", "length");

    Atom atom(Expr e, boolean negated) {
        Atom atom = recognize(e, negated);
        return atom != null ? atom : new Atom.Opaque((negated ? "NOT " : "") + e);
    }

    private Atom recognize(Expr e, boolean negated) {
        if (e instanceof Expr.IsNull n) {
            String col = column(n.operand());
            return col == null ? null : new Atom.NullTest(col, n.negated() == negated);
        }
        if (e instanceof Expr.InList in) {
            return inSet(in.operand(), in.items(), in.negated() != negated);
        }
        if (e instanceof Expr.Quantified q) {
            return quantified(q, negated);
        }
        if (e instanceof Expr.Binary b) {
            return binary(b, negated);
        }
        String col = column(e);
        return col == null ? null : new Atom.Compare(col, Op.EQ, negated ? "false" : "true");
    }

    /** {@code x = ANY (ARRAY[...])} is IN, {@code x <> ALL (ARRAY[...])} is NOT IN. */
    private Atom quantified(Expr.Quantified q, boolean negated) {
        Expr array = stripCasts(q.array());
        if (!(array instanceof Expr.ArrayOf arr)) {
            return null;
        }
        Op op = Op.of(q.operator());
        if (op == Op.EQ && !q.all()) {
            return inSet(q.left(), arr.elements(), negated);
        }
        if (op == Op.NE && q.all()) {
            return inSet(q.left(), arr.elements(), !negated);
        }
        return null;
    }

    private Atom inSet(Expr operand, List<Expr> items, boolean negated) {
        String col = column(operand);
        List<String> values = new ArrayList<>();
        for (Expr item : items) {
            String lit = literal(item);
            if (lit == null) {
                return null;
            }
            values.add(lit);
        }
        return col == null ? null : new Atom.InSet(col, values, negated);
    }

    private Atom binary(Expr.Binary b, boolean negated) {
        String op = b.operator();
        if (op.equals("~~") || op.equals("~~*") || op.equals("!~~") || op.equals("!~~*")) {
            return like(b, negated != op.startsWith("!"));
        }
        if ((op.equals("~") || op.equals("~*")) && !negated && column(b.left()) != null && literal(b.right()) != null) {
            return new Atom.Regex(column(b.left()), literal(b.right()), op.equals("~*"));
        }
        Op cmp = Op.of(op);
        if (cmp == null) {
            return null;
        }
        return comparison(b.left(), negated ? cmp.negate() : cmp, b.right());
    }

    private Atom like(Expr.Binary b, boolean negated) {
        String col = column(b.left());
        String pattern = literal(b.right());
        if (negated || col == null || pattern == null) {
            return null;
        }
        return new Atom.Like(col, pattern, b.operator().contains("*"));
    }

    private Atom comparison(Expr left, Op op, Expr right) {
        String lc = column(left);
        String rc = column(right);
        String ll = literal(left);
        String rl = literal(right);
        if (lc != null && rl != null) {
            return new Atom.Compare(lc, op, rl);
        }
        if (ll != null && rc != null) {
            return new Atom.Compare(rc, op.flip(), ll);
        }
        if (lc != null && rc != null) {
            return new Atom.Relation(lc, op, rc);
        }
        String llen = lengthOf(left);
        String rlen = lengthOf(right);
        if (llen != null && rl != null && isInteger(rl)) {
            return new Atom.Length(llen, op, Long.parseLong(rl));
        }
        if (rlen != null && ll != null && isInteger(ll)) {
            return new Atom.Length(rlen, op.flip(), Long.parseLong(ll));
        }
        return null;
    }

    private static String lengthOf(Expr e) {
        Expr s = stripCasts(e);
        if (s instanceof Expr.Call call && LENGTH_FUNCTIONS.contains(call.function()) && call.args().size() == 1) {
            return column(call.args().get(0));
        }
        return null;
    }

    /** The column a (possibly cast) expression refers to, or {@code null}. */
    static String column(Expr e) {
        return stripCasts(e) instanceof Expr.Column c ? c.name() : null;
    }

    /** The text of a (possibly cast, possibly negated) constant, or {@code null}; SQL NULL is not a constant. */
    static String literal(Expr e) {
        Expr s = stripCasts(e);
        if (s instanceof Literal lit && lit.kind() != Literal.Kind.NULL) {
            return lit.text();
        }
        if (s instanceof Expr.Negate neg && stripCasts(neg.operand()) instanceof Literal lit
                && lit.kind() == Literal.Kind.NUMBER) {
            return "-" + lit.text();
        }
        return null;
    }

    static Expr stripCasts(Expr e) {
        Expr s = e;
        while (s instanceof Expr.Cast c) {
            s = c.operand();
        }
        return s;
    }

    private static boolean isInteger(String s) {
        return s.matches("-?\\d{1,18}");
    }
}
