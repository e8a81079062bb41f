package dev.pgtestkit.mock.internal.check;

import java.util.List;

/** Syntax tree of a CHECK expression; only what {@link ExprParser} builds. */
sealed interface Expr {

    /** A column reference; a domain check's {@code VALUE} is a column named {@link #VALUE}. */
    record Column(String name) implements Expr {
    }

    /** A constant: number or string text without quotes, {@code true}/{@code false}, or SQL NULL. */
    record Literal(String text, Kind kind) implements Expr {
        enum Kind { NUMBER, STRING, BOOLEAN, NULL }
    }

    record Cast(Expr operand, String type) implements Expr {
    }

    record Call(String function, List<Expr> args) implements Expr {
    }

    /** Comparison, arithmetic, LIKE ({@code ~~}) and any other binary operator, by its printed symbol. */
    record Binary(String operator, Expr left, Expr right) implements Expr {
    }

    record Negate(Expr operand) implements Expr {
    }

    record Not(Expr operand) implements Expr {
    }

    record And(List<Expr> operands) implements Expr {
    }

    record Or(List<Expr> operands) implements Expr {
    }

    record IsNull(Expr operand, boolean negated) implements Expr {
    }

    /** {@code left op ANY (array)} or {@code left op ALL (array)}. */
    record Quantified(Expr left, String operator, boolean all, Expr array) implements Expr {
    }

    record ArrayOf(List<Expr> elements) implements Expr {
    }

    record InList(Expr operand, List<Expr> items, boolean negated) implements Expr {
    }

    record Between(Expr operand, Expr low, Expr high, boolean negated) implements Expr {
    }

    /** Marker name of the {@code VALUE} placeholder in domain checks. */
    String VALUE = "\0VALUE";
}
