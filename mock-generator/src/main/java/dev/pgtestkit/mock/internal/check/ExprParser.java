package dev.pgtestkit.mock.internal.check;

import dev.pgtestkit.mock.internal.check.Expr.Literal;
import dev.pgtestkit.mock.internal.check.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser for the expressions {@code pg_get_constraintdef} prints: boolean logic, comparisons,
 * {@code = ANY (ARRAY[...])}, IN, BETWEEN, IS [NOT] NULL, casts, function calls and arithmetic. Anything else
 * raises {@link IllegalArgumentException}; callers then treat the whole check as opaque.
 */
final class ExprParser {

    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=",
            "~~", "!~~", "~~*", "!~~*", "~", "!~", "~*", "!~*");
    /** Words that continue a multi-word type name after {@code ::}. */
    private static final Set<String> TYPE_WORDS = Set.of("varying", "precision", "with", "without", "time", "zone");

    private final List<Token> tokens;
    private int pos;

    private ExprParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Expr parse(String expression) {
        ExprParser p = new ExprParser(Tokenizer.tokenize(expression));
        Expr e = p.or();
        if (p.peek().kind() != Kind.END) {
            throw new IllegalArgumentException("unexpected '" + p.peek().text() + "'");
        }
        return e;
    }

    private Expr or() {
        List<Expr> parts = new ArrayList<>(List.of(and()));
        while (peek().isWord("OR")) {
            pos++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.Or(parts);
    }

    private Expr and() {
        List<Expr> parts = new ArrayList<>(List.of(not()));
        while (peek().isWord("AND")) {
            pos++;
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.And(parts);
    }

    private Expr not() {
        if (peek().isWord("NOT")) {
            pos++;
            return new Expr.Not(not());
        }
        return predicate();
    }

    private Expr predicate() {
        Expr left = additive();
        Token t = peek();
        if (t.kind() == Kind.OPERATOR && COMPARISONS.contains(t.text())) {
            pos++;
            return comparison(left, t.text());
        }
        if (t.isWord("IS")) {
            return isTest(left);
        }
        boolean negated = t.isWord("NOT");
        if (negated) {
            pos++;
        }
        if (peek().isWord("BETWEEN")) {
            return between(left, negated);
        }
        if (peek().isWord("IN")) {
            return inList(left, negated);
        }
        if (peek().isWord("LIKE") || peek().isWord("ILIKE")) {
            String op = (negated ? "!" : "") + (next().text().equalsIgnoreCase("LIKE") ? "~~" : "~~*");
            return new Expr.Binary(op, left, additive());
        }
        if (negated) {
            throw new IllegalArgumentException("unexpected NOT");
        }
        return left;
    }

    private Expr comparison(Expr left, String op) {
        if (peek().isWord("ANY") || peek().isWord("ALL") || peek().isWord("SOME")) {
            boolean all = next().text().equalsIgnoreCase("ALL");
            expect("(");
            Expr array = or();
            expect(")");
            return new Expr.Quantified(left, op, all, array);
        }
        return new Expr.Binary(op, left, additive());
    }

    private Expr isTest(Expr left) {
        pos++;
        boolean negated = peek().isWord("NOT");
        if (negated) {
            pos++;
        }
        if (!next().isWord("NULL")) {
            throw new IllegalArgumentException("only IS [NOT] NULL is understood");
        }
        return new Expr.IsNull(left, negated);
    }

    private Expr between(Expr left, boolean negated) {
        pos++;
        Expr low = additive();
        if (!next().isWord("AND")) {
            throw new IllegalArgumentException("BETWEEN without AND");
        }
        return new Expr.Between(left, low, additive(), negated);
    }

    private Expr inList(Expr left, boolean negated) {
        pos++;
        expect("(");
        List<Expr> items = list(")");
        return new Expr.InList(left, items, negated);
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (peek().kind() == Kind.OPERATOR && Set.of("+", "-", "||").contains(peek().text())) {
            left = new Expr.Binary(next().text(), left, multiplicative());
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (peek().kind() == Kind.OPERATOR && Set.of("*", "/", "%").contains(peek().text())) {
            left = new Expr.Binary(next().text(), left, unary());
        }
        return left;
    }

    private Expr unary() {
        if (peek().is(Kind.OPERATOR, "-")) {
            pos++;
            return new Expr.Negate(unary());
        }
        Expr e = primary();
        while (peek().isPunct("::")) {
            pos++;
            e = new Expr.Cast(e, typeName());
        }
        return e;
    }

    private Expr primary() {
        Token t = next();
        return switch (t.kind()) {
            case NUMBER -> new Literal(t.text(), Literal.Kind.NUMBER);
            case STRING -> new Literal(t.text(), Literal.Kind.STRING);
            case QUOTED_IDENT -> new Expr.Column(t.text());
            case IDENT -> word(t);
            case PUNCT -> parenthesized(t);
            default -> throw new IllegalArgumentException("unexpected '" + t.text() + "'");
        };
    }

    private Expr parenthesized(Token t) {
        if (!t.isPunct("(")) {
            throw new IllegalArgumentException("unexpected '" + t.text() + "'");
        }
        Expr e = or();
        expect(")");
        return e;
    }

    private Expr word(Token t) {
        if (t.isWord("NULL")) {
            return new Literal("NULL", Literal.Kind.NULL);
        }
        if (t.isWord("TRUE") || t.isWord("FALSE")) {
            return new Literal(t.text().toLowerCase(Locale.ROOT), Literal.Kind.BOOLEAN);
        }
        if (t.isWord("ARRAY") && peek().isPunct("[")) {
            pos++;
            return new Expr.ArrayOf(list("]"));
        }
        if (t.isWord("VALUE")) {
            return new Expr.Column(Expr.VALUE);
        }
        if (peek().isPunct("(")) {
            pos++;
            return new Expr.Call(t.text().toLowerCase(Locale.ROOT), list(")"));
        }
        if (peek().isPunct(".")) {
            throw new IllegalArgumentException("qualified names are not understood");
        }
        return new Expr.Column(t.text());
    }

    private List<Expr> list(String close) {
        List<Expr> items = new ArrayList<>();
        if (peek().isPunct(close)) {
            pos++;
            return items;
        }
        do {
            items.add(or());
        } while (peek().isPunct(",") && next() != null);
        expect(close);
        return items;
    }

    /** {@code character varying(10)[]}, {@code timestamp with time zone}, {@code public.mood}... */
    private String typeName() {
        StringBuilder sb = new StringBuilder(next().text());
        while ((peek().kind() == Kind.IDENT && TYPE_WORDS.contains(peek().text().toLowerCase(Locale.ROOT)))
                || peek().isPunct(".")) {
            Token t = next();
            sb.append(t.isPunct(".") ? "." : " ").append(t.isPunct(".") ? next().text() : t.text());
        }
        if (peek().isPunct("(")) {
            pos++;
            sb.append('(');
            while (!peek().isPunct(")")) {
                sb.append(next().text());
            }
            pos++;
            sb.append(')');
        }
        while (peek().isPunct("[")) {
            pos++;
            expect("]");
            sb.append("[]");
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    private void expect(String punct) {
        Token t = next();
        if (!t.isPunct(punct)) {
            throw new IllegalArgumentException("expected '" + punct + "' but found '" + t.text() + "'");
        }
    }
}
