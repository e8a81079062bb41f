package dev.pgtestkit.mock.internal.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rewrites the usual spellings of "exactly one of" (exclusive arcs, polymorphic references) into AND/OR of
 * NULL tests, so each alternative can be constructed: {@code (a IS NOT NULL) <> (b IS NOT NULL)} (and {@code =}
 * between two conditions), {@code num_nonnulls(a, b, c) = 1}, {@code num_nulls(...) <= 1}.
 */
final class BooleanForms {

    private static final Set<String> CONDITIONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=", "~~", "!~~");
    /** Past this many arguments the combinations exceed what a check may have; the server verifies it. */
    private static final int MAX_ARGUMENTS = 6;

    private BooleanForms() {
    }

    /** The rewritten form of {@code b}, or {@code null} when it is not one of these. */
    static Expr rewrite(Expr.Binary b) {
        Op op = Op.of(b.operator());
        if (op == null) {
            return null;
        }
        if ((op == Op.EQ || op == Op.NE) && isCondition(b.left()) && isCondition(b.right())) {
            Expr both = new Expr.And(List.of(b.left(), b.right()));
            Expr neither = new Expr.And(List.of(new Expr.Not(b.left()), new Expr.Not(b.right())));
            Expr one = new Expr.Or(List.of(new Expr.And(List.of(b.left(), new Expr.Not(b.right()))),
                    new Expr.And(List.of(new Expr.Not(b.left()), b.right()))));
            return op == Op.NE ? one : new Expr.Or(List.of(both, neither));
        }
        Expr count = AtomReader.stripCasts(b.left());
        Expr bound = AtomReader.stripCasts(b.right());
        if (count instanceof Expr.Call call && bound instanceof Expr.Literal lit
                && lit.kind() == Expr.Literal.Kind.NUMBER) {
            return counted(call, op, Integer.parseInt(lit.text()));
        }
        return null;
    }

    private static boolean isCondition(Expr e) {
        return e instanceof Expr.IsNull || e instanceof Expr.Not || e instanceof Expr.And || e instanceof Expr.Or
                || (e instanceof Expr.Binary b && CONDITIONS.contains(b.operator()));
    }

    /** {@code num_nonnulls(args) op k} as the OR, over the argument subsets whose size meets it, of NULL tests. */
    private static Expr counted(Expr.Call call, Op op, int k) {
        boolean nonNulls = call.function().equals("num_nonnulls");
        if ((!nonNulls && !call.function().equals("num_nulls")) || call.args().isEmpty()
                || call.args().size() > MAX_ARGUMENTS
                || call.args().stream().anyMatch(a -> AtomReader.column(a) == null)) {
            return null;
        }
        int n = call.args().size();
        List<Expr> alternatives = new ArrayList<>();
        for (int mask = 0; mask < 1 << n; mask++) {
            int present = Integer.bitCount(mask);
            if (holds(nonNulls ? present : n - present, op, k)) {
                List<Expr> tests = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    tests.add(new Expr.IsNull(call.args().get(i), (mask & (1 << i)) != 0));
                }
                alternatives.add(new Expr.And(tests));
            }
        }
        return alternatives.isEmpty() ? new Expr.Literal("false", Expr.Literal.Kind.BOOLEAN)
                : new Expr.Or(alternatives);
    }

    private static boolean holds(int count, Op op, int k) {
        return switch (op) {
            case EQ -> count == k;
            case NE -> count != k;
            case LT -> count < k;
            case LE -> count <= k;
            case GT -> count > k;
            case GE -> count >= k;
        };
    }
}
