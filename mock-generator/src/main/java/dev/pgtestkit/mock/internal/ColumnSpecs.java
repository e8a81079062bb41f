package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.PgType;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.TypeCategory;
import dev.pgtestkit.mock.ColumnOverride;
import dev.pgtestkit.mock.GenerationException;
import dev.pgtestkit.mock.TablePlan;
import dev.pgtestkit.mock.internal.value.ArrayType;
import dev.pgtestkit.mock.internal.value.DateType;
import dev.pgtestkit.mock.internal.value.DecimalType;
import dev.pgtestkit.mock.internal.value.FloatType;
import dev.pgtestkit.mock.internal.value.Hint;
import dev.pgtestkit.mock.internal.value.IntegerType;
import dev.pgtestkit.mock.internal.value.NameHints;
import dev.pgtestkit.mock.internal.value.TimestampType;
import dev.pgtestkit.mock.internal.value.UnknownType;
import dev.pgtestkit.mock.internal.value.ValueType;
import dev.pgtestkit.mock.internal.value.ValueTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The columns a table's rows carry: all but generated columns and those the plan leaves to the server, with
 * type, name hint, nullness and the plan's override and null fraction (column names in the plan are matched
 * forgivingly, {@code userId} finds {@code user_id}).
 */
final class ColumnSpecs {

    private ColumnSpecs() {
    }

    /** @param resolveUnknown gives a type the generator does not know a second chance (see {@link ExtensionTypes}) */
    static List<ColumnSpec> of(Table table, TablePlan plan, UnaryOperator<ValueType> resolveUnknown) {
        Map<String, ColumnOverride> overrides = new HashMap<>();
        Map<String, Double> nulls = new HashMap<>();
        if (plan != null) {
            plan.overrides().forEach((name, o) -> overrides.put(table.matchColumn(name).name(), o));
            plan.nullFractions().forEach((name, f) -> nulls.put(table.matchColumn(name).name(), f));
        }
        List<String> primaryKey = table.primaryKey() == null ? List.of() : table.primaryKey().columns();
        List<ColumnSpec> out = new ArrayList<>();
        for (Column c : table.columns()) {
            ColumnOverride o = overrides.get(c.name());
            if (c.isGenerated() || o == ColumnOverride.serverDefault()) {
                continue;
            }
            ValueType type = o != null ? ValueTypes.of(c) : resolveUnknown.apply(ValueTypes.of(c));
            boolean notNull = c.notNull() || domainNotNull(c.type()) || primaryKey.contains(c.name());
            Hint hint = NameHints.forColumn(table.simpleName(), c.name(), isNumber(type), isTemporal(type));
            // a nullable column with a DEFAULT is normally filled in by the application or the default
            double nullFraction = nulls.getOrDefault(c.name(), c.defaultExpr() != null ? 0 : hint.nullFraction());
            ColumnSpec spec = new ColumnSpec(out.size(), c, type, hint, notNull, o, nullFraction);
            requireGeneratable(table, spec);
            out.add(spec);
        }
        return out;
    }

    private static boolean domainNotNull(PgType type) {
        for (PgType t = type; t != null && t.category() == TypeCategory.DOMAIN; t = t.baseType()) {
            if (t.domainNotNull()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumber(ValueType type) {
        return type instanceof IntegerType || type instanceof DecimalType || type instanceof FloatType;
    }

    private static boolean isTemporal(ValueType type) {
        return type instanceof DateType || type instanceof TimestampType;
    }

    /** A NOT NULL column of a type the generator cannot produce needs an override: say which. */
    private static void requireGeneratable(Table table, ColumnSpec c) {
        boolean unknown = c.type() instanceof UnknownType
                || (c.type() instanceof ArrayType a && a.element() instanceof UnknownType);
        if (unknown && c.notNull() && c.override() == null) {
            String tried = String.join(", ", Arrays.stream(LiteralShape.values()).map(LiteralShape::description)
                    .toList());
            throw new GenerationException("Cannot generate column \"" + c.name() + "\" of table " + table.name()
                    + ": its type " + c.column().type().displayName() + " is not one the generator knows, and its input"
                    + " function accepted none of the forms tried (" + tried + "; plans without"
                    + " a database are not tried). The column is NOT NULL: override it in the plan, e.g. .table(\""
                    + table.simpleName() + "\", n, t -> t.column(\"" + c.name() + "\", ColumnOverride.constant(\"<a "
                    + c.column().type().displayName() + " literal>\")))", table.schema(), table.simpleName(), c.name(),
                    null);
        }
    }
}
