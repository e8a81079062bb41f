package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.check.Op;
import dev.pgtestkit.mock.internal.value.LikePattern;
import dev.pgtestkit.mock.internal.value.OrderedType;
import dev.pgtestkit.mock.internal.value.TextType;
import dev.pgtestkit.mock.internal.value.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the checks (and the column's type) say about one column's values, for one choice of check
 * alternatives: nullness, a position range for ordered types, allowed and excluded values, length bounds,
 * LIKE patterns and bounds from other columns. Mutable while atoms are applied, then read by the sources.
 */
final class ColumnRule {

    /** {@code this op values[other]}, from a column-vs-column check or a name heuristic ({@code soft}). */
    record Bound(int other, Op op, boolean soft) {
    }

    final ValueType type;
    boolean forcedNull;
    boolean notNull;
    long lo;
    long hi;
    List<Object> allowed;
    final List<Object> excluded = new ArrayList<>();
    int minLength;
    int maxLength;
    final List<LikePattern> likes = new ArrayList<>();
    /** A regular expression values are generated from, or {@code null}. */
    RegexText regex;
    final List<Bound> bounds = new ArrayList<>();

    ColumnRule(ValueType type, boolean notNull) {
        this.type = type;
        this.notNull = notNull;
        if (type instanceof OrderedType o) {
            lo = o.minPosition();
            hi = o.maxPosition();
        }
        maxLength = type instanceof TextType t && t.maxLength() != null ? t.maxLength() : Integer.MAX_VALUE;
    }

    ColumnRule copy() {
        ColumnRule c = new ColumnRule(type, notNull);
        c.forcedNull = forcedNull;
        c.lo = lo;
        c.hi = hi;
        c.allowed = allowed == null ? null : new ArrayList<>(allowed);
        c.excluded.addAll(excluded);
        c.minLength = minLength;
        c.maxLength = maxLength;
        c.likes.addAll(likes);
        c.regex = regex;
        c.bounds.addAll(bounds);
        return c;
    }

    /** Allowed values that also meet the range, length, patterns and exclusions; {@code null} = unrestricted. */
    List<Object> effectiveAllowed() {
        if (allowed == null) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (Object v : allowed) {
            if (admits(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Whether a non-null value meets every static part of this rule (bounds from other columns aside). */
    boolean admits(Object v) {
        if (type instanceof OrderedType o && (o.ceil(v) > hi || o.floor(v) < lo)) {
            return false;
        }
        if (v instanceof String s) {
            int length = s.codePointCount(0, s.length());
            if (length < minLength || length > maxLength || likes.stream().anyMatch(p -> !p.matches(s))) {
                return false;
            }
        }
        return excluded.stream().noneMatch(x -> type.compare(x, v) == 0);
    }

    /** True when only NULL can meet the rule. */
    boolean nonNullImpossible() {
        if (forcedNull || lo > hi || minLength > maxLength) {
            return true;
        }
        List<Object> effective = effectiveAllowed();
        return effective != null && effective.isEmpty();
    }

    /** True when no value at all, not even NULL, can meet the rule. */
    boolean impossible() {
        return nonNullImpossible() && notNull;
    }
}
