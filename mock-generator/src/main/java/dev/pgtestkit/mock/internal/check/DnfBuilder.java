package dev.pgtestkit.mock.internal.check;

import dev.pgtestkit.mock.internal.check.Expr.Literal;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts an expression into disjunctive normal form over {@link Atom}s, pushing NOT down to the atoms.
 * Distribution and De Morgan hold in SQL's three-valued logic, so the result means the same as the check.
 */
final class DnfBuilder {

    /** Past this many alternatives the check is verified by the server instead. */
    static final int MAX_DISJUNCTS = 64;

    List<List<Atom>> dnf(Expr e, boolean negated) {
        if (e instanceof Expr.Not not) {
            return dnf(not.operand(), !negated);
        }
        if (e instanceof Expr.And and) {
            return negated ? union(and.operands(), true) : product(and.operands(), false);
        }
        if (e instanceof Expr.Or or) {
            return negated ? product(or.operands(), true) : union(or.operands(), false);
        }
        if (e instanceof Expr.Between b) {
            return dnf(betweenAsAnd(b), negated != b.negated());
        }
        if (e instanceof Expr.Binary b) {
            Expr rewritten = BooleanForms.rewrite(b);
            if (rewritten != null) {
                return dnf(rewritten, negated);
            }
        }
        if (e instanceof Literal lit && lit.kind() == Literal.Kind.BOOLEAN) {
            boolean value = lit.text().equals("true") != negated;
            return value ? List.of(List.of()) : List.of();
        }
        return List.of(List.of(new AtomReader().atom(e, negated)));
    }

    private static Expr betweenAsAnd(Expr.Between b) {
        return new Expr.And(List.of(new Expr.Binary(">=", b.operand(), b.low()),
                new Expr.Binary("<=", b.operand(), b.high())));
    }

    private List<List<Atom>> union(List<Expr> operands, boolean negated) {
        List<List<Atom>> out = new ArrayList<>();
        for (Expr op : operands) {
            out.addAll(dnf(op, negated));
            if (out.size() > MAX_DISJUNCTS) {
                throw new IllegalArgumentException("more than " + MAX_DISJUNCTS + " alternatives");
            }
        }
        return out;
    }

    private List<List<Atom>> product(List<Expr> operands, boolean negated) {
        List<List<Atom>> out = List.of(List.of());
        for (Expr op : operands) {
            List<List<Atom>> next = new ArrayList<>();
            for (List<Atom> left : out) {
                for (List<Atom> right : dnf(op, negated)) {
                    List<Atom> both = new ArrayList<>(left);
                    both.addAll(right);
                    next.add(both);
                }
            }
            if (next.size() > MAX_DISJUNCTS) {
                throw new IllegalArgumentException("more than " + MAX_DISJUNCTS + " alternatives");
            }
            out = next;
        }
        return out;
    }
}
