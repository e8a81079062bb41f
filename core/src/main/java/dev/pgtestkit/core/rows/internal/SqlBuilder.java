package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.rows.RowFormatter;
import dev.pgtestkit.core.rows.ValueConversionException;
import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.sql.Identifiers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Builds one statement: identifiers always quoted, every value a parameter cast to its column's type
 * ({@code CAST(? AS "pg_catalog"."int4")}) and converted by {@link ValueConverter} first. Not thread-safe.
 */
public final class SqlBuilder {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public SqlBuilder sql(String text) {
        sql.append(text);
        return this;
    }

    /** A quoted identifier. */
    public SqlBuilder name(String identifier) {
        sql.append(Identifiers.quote(identifier));
        return this;
    }

    /** Quoted column names separated by commas. */
    public SqlBuilder names(Collection<Column> columns) {
        Iterator<Column> it = columns.iterator();
        while (it.hasNext()) {
            name(it.next().name()).sql(it.hasNext() ? ", " : "");
        }
        return this;
    }

    public SqlBuilder table(Table table) {
        sql.append(table.name().quoted());
        return this;
    }

    /** A parameter holding {@code value} converted for {@code column}, cast to the column's type. */
    public SqlBuilder value(Table table, Column column, Object value) {
        params.add(convert(table, column, value));
        sql.append("CAST(? AS ").append(QualifiedName.of(column.type().schema(), column.type().name()).quoted())
                .append(')');
        return this;
    }

    /** A parameter bound as is (limits, offsets). */
    public SqlBuilder param(Object value) {
        params.add(value);
        sql.append('?');
        return this;
    }

    /** {@code " WHERE a = ? AND b IS NULL AND c IN (?, ?)"}, or nothing for no conditions. */
    public SqlBuilder where(Table table, Map<Column, ?> conditions) {
        String separator = " WHERE ";
        for (Map.Entry<Column, ?> condition : conditions.entrySet()) {
            sql.append(separator);
            condition(table, condition.getKey(), condition.getValue());
            separator = " AND ";
        }
        return this;
    }

    private void condition(Table table, Column column, Object value) {
        String type = column.type().rootType().name();
        // json has no equality operator: compare as jsonb. A collection is a JSON array there, not an IN list.
        boolean json = type.equals("json");
        boolean holdsCollections = json || type.equals("jsonb") || column.type().isArray();
        if (json) {
            sql.append("CAST(").append(Identifiers.quote(column.name())).append(" AS jsonb)");
        } else {
            name(column.name());
        }
        if (value == null) {
            sql.append(" IS NULL");
        } else if (value instanceof Collection<?> values && !holdsCollections) {
            in(table, column, values);
        } else if (json) {
            params.add(convert(table, column, value));
            sql.append(" = CAST(? AS jsonb)");
        } else {
            sql.append(" = ");
            value(table, column, value);
        }
    }

    private void in(Table table, Column column, Collection<?> values) {
        if (values.isEmpty()) {
            sql.append(" IS NOT NULL AND FALSE");
            return;
        }
        sql.append(" IN (");
        Iterator<?> it = values.iterator();
        while (it.hasNext()) {
            value(table, column, it.next()).sql(it.hasNext() ? ", " : "");
        }
        sql.append(')');
    }

    public String text() {
        return sql.toString();
    }

    public List<Object> params() {
        return Collections.unmodifiableList(params);
    }

    public int paramCount() {
        return params.size();
    }

    /** {@link ValueConverter#convert} with the column named in the error. */
    public static Object convert(Table table, Column column, Object value) {
        try {
            Object converted = ValueConverter.convert(column.type(), value);
            checkNumericRange(column, converted);
            return converted;
        } catch (IllegalArgumentException e) {
            String shown = RowFormatter.DEFAULT_SECRET_KEYS.matcher(column.name()).matches() ? "***"
                    : RowFormatter.defaults().format(value);
            throw new ValueConversionException("Cannot convert value " + shown + " for column '"
                    + Names.column(table, column.name()) + "' of type " + column.type().displayName() + ": "
                    + e.getMessage(), table.simpleName(), column.name(), column.type().displayName(), e);
        }
    }

    /**
     * A value a {@code numeric(p, s)} column cannot hold fails here, naming the column and the value, rather than as
     * the server's "numeric field overflow", which names neither.
     */
    private static void checkNumericRange(Column column, Object value) {
        if (!(value instanceof Number number) || column.precision() == null || column.scale() == null
                || !"numeric".equals(column.type().name())) {
            return;
        }
        if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
            return;
        }
        java.math.BigDecimal decimal = number instanceof java.math.BigDecimal d ? d
                : new java.math.BigDecimal(number.toString());
        java.math.BigDecimal rounded = decimal.setScale(column.scale(), java.math.RoundingMode.HALF_UP);
        int integerDigits = rounded.precision() - rounded.scale();
        if (rounded.signum() != 0 && integerDigits > column.precision() - column.scale()) {
            throw new IllegalArgumentException("numeric field overflow: numeric(" + column.precision() + ", "
                    + column.scale() + ") holds values whose absolute value is below 10^"
                    + (column.precision() - column.scale()));
        }
    }

    @Override
    public String toString() {
        return text();
    }
}
