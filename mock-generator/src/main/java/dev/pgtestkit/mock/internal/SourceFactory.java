package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.ColumnOverride;
import dev.pgtestkit.mock.internal.value.ArrayType;
import dev.pgtestkit.mock.internal.value.BoolType;
import dev.pgtestkit.mock.internal.value.EnumType;
import dev.pgtestkit.mock.internal.value.FakeKind;
import dev.pgtestkit.mock.internal.value.FakeText;
import dev.pgtestkit.mock.internal.value.OrderedType;
import dev.pgtestkit.mock.internal.value.OtherType;
import dev.pgtestkit.mock.internal.value.TextType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a column's ordinary (non-unique) {@link ValueSource} from its type, rule and name hint. */
final class SourceFactory {

    private final FakeText fake;
    private final ThreadFakers fakers;
    private final Map<String, JsonShape> jsonShapes;

    SourceFactory(FakeText fake, ThreadFakers fakers) {
        this(fake, fakers, Map.of());
    }

    private SourceFactory(FakeText fake, ThreadFakers fakers, Map<String, JsonShape> jsonShapes) {
        this.fake = fake;
        this.fakers = fakers;
        this.jsonShapes = Map.copyOf(jsonShapes);
    }

    /** This factory for one table whose JSON columns (by name) follow the shapes of the documents they hold. */
    SourceFactory withJsonShapes(Map<String, JsonShape> shapes) {
        return shapes.isEmpty() ? this : new SourceFactory(fake, fakers, shapes);
    }

    FakeText fake() {
        return fake;
    }

    /**
     * @param nullsFromChecks the column's NULLs come from choosing a check's {@code IS NULL} alternative, so it
     *                        adds none of its own
     */
    ValueSource of(ColumnSpec c, ColumnRule rule, boolean nullsFromChecks) {
        if (c.override() != null) {
            return override(c.override());
        }
        if (rule.forcedNull) {
            return SimpleSources.constant(null);
        }
        ValueSource inner = nonNull(c, rule);
        if (inner == null) {
            return SimpleSources.constant(null);
        }
        double nulls = rule.notNull || c.notNull() || nullsFromChecks ? 0 : c.nullFraction();
        return SimpleSources.nullable(inner, nulls);
    }

    /** A source of non-null values, or {@code null} for a type the generator cannot produce. */
    ValueSource nonNull(ColumnSpec c, ColumnRule rule) {
        if (rule.type instanceof OrderedType o) {
            return ordered(c, o, rule);
        }
        List<Object> allowed = rule.effectiveAllowed();
        if (allowed != null) {
            return SimpleSources.oneOf(allowed);
        }
        if (rule.type instanceof TextType) {
            return text(c, rule);
        }
        if (rule.type instanceof OtherType other) {
            JsonShape shape = other.kind() == OtherType.Kind.JSON ? jsonShapes.get(c.name()) : null;
            return shape != null ? (rng, row) -> shape.generate(rng) : OtherSources.of(other, c.hint(), fake);
        }
        if (rule.type instanceof ProbedType probed) {
            return (rng, row) -> probed.shape().generate(rng, fake);
        }
        if (rule.type instanceof CompositeType composite) {
            return composite(composite);
        }
        if (rule.type instanceof ArrayType array) {
            ColumnSpec element = new ColumnSpec(c.position(), c.column(), array.element(), c.hint(), true, null, 0);
            ValueSource source = nonNull(element, new ColumnRule(array.element(), true));
            return source == null ? null
                    : new ArraySource(source, c.notNull() ? 1 : 0, 3, array.element() instanceof EnumType);
        }
        return null;
    }

    /** Each attribute from its type, name hint and domain checks, as the column of a table would be. */
    private ValueSource composite(CompositeType type) {
        List<ColumnSpec> specs = type.specs();
        Map<String, ColumnSpec> byName = new HashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        BaseRules base = BaseRules.of(type.attributes(), specs, byName, TableChecks.of(type.attributes(), specs));
        List<ValueSource> attributes = new ArrayList<>();
        for (ColumnSpec s : specs) {
            ValueSource source = of(s, base.rules[s.position()], false);
            attributes.add(source);
        }
        return new CompositeSource(attributes);
    }

    private ValueSource ordered(ColumnSpec c, OrderedType type, ColumnRule rule) {
        if (type instanceof BoolType && rule.allowed == null && rule.bounds.isEmpty() && rule.excluded.isEmpty()
                && rule.lo == 0 && rule.hi == 1) {
            return SimpleSources.bool(c.hint().trueProbability());
        }
        long[] natural = NaturalRanges.of(type, c.hint(), rule.lo, rule.hi);
        List<Object> allowed = rule.effectiveAllowed();
        long[] allowedPositions = allowed == null ? null
                : allowed.stream().mapToLong(type::floor).sorted().distinct().toArray();
        long[] excluded = rule.excluded.stream().mapToLong(type::floor).sorted().distinct().toArray();
        return new OrderedSource(new OrderedSource.Spec(type, rule.lo, rule.hi, natural[0], natural[1],
                allowedPositions, NaturalRanges.choices(type, c.hint()), excluded,
                rule.bounds.toArray(new ColumnRule.Bound[0]), NaturalRanges.spread(type)));
    }

    private ValueSource text(ColumnSpec c, ColumnRule rule) {
        if (rule.regex != null) {
            RegexText regex = rule.regex;
            int min = rule.minLength;
            int max = Math.max(Math.min(rule.maxLength, 2000), min);
            return (rng, row) -> {
                String s = regex.generate(rng, min, max);
                return s == null ? ValueSource.INFEASIBLE : s;
            };
        }
        FakeKind kind = c.hint().text() != null ? c.hint().text() : Defaults.textKind(rule.maxLength);
        Set<String> excluded = new LinkedHashSet<>();
        rule.excluded.forEach(x -> excluded.add(x.toString()));
        int max = Math.min(rule.maxLength, 2000);
        return new TextSource(new TextShape(fake, kind, c.hint().idPrefix(), rule.minLength,
                Math.max(max, rule.minLength), rule.likes), excluded);
    }

    private ValueSource override(ColumnOverride override) {
        if (override instanceof ColumnOverride.Constant k) {
            return SimpleSources.constant(k.value());
        }
        if (override instanceof ColumnOverride.Expression e) {
            return SimpleSources.expression(e.expression(), fakers);
        }
        if (override instanceof ColumnOverride.Computed f) {
            return SimpleSources.computed(f.function());
        }
        throw new IllegalArgumentException("not a value override: " + override);
    }
}
