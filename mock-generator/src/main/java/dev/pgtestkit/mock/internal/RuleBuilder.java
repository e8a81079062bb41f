package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.check.Atom;
import dev.pgtestkit.mock.internal.check.Op;
import dev.pgtestkit.mock.internal.value.LikePattern;
import dev.pgtestkit.mock.internal.value.OrderedType;
import dev.pgtestkit.mock.internal.value.TextType;
import dev.pgtestkit.mock.internal.value.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies single-column atoms to a {@link ColumnRule}. Returns {@code false} for an atom it cannot turn into a
 * construction rule (a range over text, a literal of the wrong type): the check is then verified instead.
 */
final class RuleBuilder {

    private RuleBuilder() {
    }

    static boolean apply(ColumnRule rule, Atom atom) {
        try {
            if (atom instanceof Atom.Compare c) {
                return compare(rule, c.op(), rule.type.parse(c.literal()));
            }
            if (atom instanceof Atom.InSet in) {
                return inSet(rule, in);
            }
            if (atom instanceof Atom.NullTest n) {
                return nullTest(rule, n.isNull());
            }
            if (atom instanceof Atom.Length len) {
                return length(rule, len.op(), len.bound());
            }
            if (atom instanceof Atom.Regex regex) {
                rule.regex = RegexText.of(regex.pattern(), regex.caseInsensitive());
                return rule.type instanceof TextType && rule.regex != null;
            }
            if (atom instanceof Atom.Like like) {
                rule.likes.add(new LikePattern(like.pattern(), like.caseInsensitive()));
                return rule.type instanceof TextType;
            }
            return false;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return false;
        }
    }

    private static boolean nullTest(ColumnRule rule, boolean isNull) {
        if (isNull) {
            rule.forcedNull = true;
        } else {
            rule.notNull = true;
        }
        return true;
    }

    private static boolean compare(ColumnRule rule, Op op, Object value) {
        if (op == Op.NE) {
            rule.excluded.add(value);
            return true;
        }
        if (!(rule.type instanceof OrderedType o)) {
            if (op == Op.EQ) {
                intersect(rule, List.of(value));
                return true;
            }
            return false;
        }
        switch (op) {
            case EQ -> {
                rule.lo = Math.max(rule.lo, o.ceil(value));
                rule.hi = Math.min(rule.hi, o.floor(value));
            }
            case LT -> rule.hi = Math.min(rule.hi, o.ceil(value) - 1);
            case LE -> rule.hi = Math.min(rule.hi, o.floor(value));
            case GT -> rule.lo = Math.max(rule.lo, o.floor(value) + 1);
            case GE -> rule.lo = Math.max(rule.lo, o.ceil(value));
            default -> throw new IllegalStateException();
        }
        return true;
    }

    private static boolean inSet(ColumnRule rule, Atom.InSet in) {
        List<Object> values = new ArrayList<>();
        for (String literal : in.values()) {
            values.add(rule.type.parse(literal));
        }
        if (in.negated()) {
            rule.excluded.addAll(values);
        } else {
            intersect(rule, values);
        }
        return true;
    }

    private static void intersect(ColumnRule rule, List<Object> values) {
        if (rule.allowed == null) {
            rule.allowed = new ArrayList<>(values);
            return;
        }
        rule.allowed.removeIf(a -> values.stream().noneMatch(v -> rule.type.compare(a, v) == 0));
    }

    private static boolean length(ColumnRule rule, Op op, long bound) {
        int n = (int) Math.max(-1, Math.min(Integer.MAX_VALUE - 1, bound));
        switch (op) {
            case EQ -> {
                rule.minLength = Math.max(rule.minLength, n);
                rule.maxLength = Math.min(rule.maxLength, n);
            }
            case LT -> rule.maxLength = Math.min(rule.maxLength, n - 1);
            case LE -> rule.maxLength = Math.min(rule.maxLength, n);
            case GT -> rule.minLength = Math.max(rule.minLength, n + 1);
            case GE -> rule.minLength = Math.max(rule.minLength, n);
            default -> {
                return false;
            }
        }
        return rule.type instanceof TextType;
    }
}
