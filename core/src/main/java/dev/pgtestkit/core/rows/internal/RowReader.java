package dev.pgtestkit.core.rows.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.postgresql.util.PGobject;

/**
 * Maps a result row to a {@link LinkedHashMap} in column order, with Java types that can be written back
 * unchanged: timestamptz → OffsetDateTime (UTC), timestamp → LocalDateTime, date → LocalDate, time →
 * LocalTime, timetz → OffsetTime, json/jsonb → Map/List/scalar, arrays → List, uuid → UUID, numeric →
 * BigDecimal, bytea → byte[], enums, intervals, bit strings, money and other types → their text.
 * A repeated column name (raw SQL joins) gets a suffix: {@code id}, {@code id_2}.
 */
public final class RowReader implements RowMapper<Map<String, Object>> {

    @FunctionalInterface
    private interface ColumnRead {
        Object read(ResultSet rs, int index) throws SQLException;
    }

    @Override
    public Map<String, Object> map(ResultSet rs, StatementContext ctx) throws SQLException {
        return specialize(rs, ctx).map(rs, ctx);
    }

    @Override
    public RowMapper<Map<String, Object>> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> names = new ArrayList<>();
        List<ColumnRead> reads = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            names.add(uniqueName(names, meta.getColumnLabel(i)));
            reads.add(readerFor(meta.getColumnTypeName(i)));
        }
        return (row, context) -> {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), reads.get(i).read(row, i + 1));
            }
            return values;
        };
    }

    private static String uniqueName(List<String> taken, String name) {
        String candidate = name;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = name + "_" + n;
        }
        return candidate;
    }

    private static ColumnRead readerFor(String typeName) {
        return switch (typeName) {
            case "timestamptz" -> (rs, i) -> rs.getObject(i, OffsetDateTime.class);
            case "timestamp" -> (rs, i) -> rs.getObject(i, LocalDateTime.class);
            case "date" -> (rs, i) -> rs.getObject(i, LocalDate.class);
            case "time" -> (rs, i) -> rs.getObject(i, LocalTime.class);
            case "timetz" -> (rs, i) -> rs.getObject(i, OffsetTime.class);
            case "json", "jsonb" -> (rs, i) -> parseJson(rs.getString(i));
            case "bit", "varbit", "money", "interval" -> ResultSet::getString;
            default -> typeName.startsWith("_") ? (rs, i) -> readArray(rs.getArray(i), typeName.substring(1))
                    : (rs, i) -> plain(rs.getObject(i));
        };
    }

    private static Object parseJson(String text) {
        return text == null ? null : Json.parse(text);
    }

    private static Object readArray(Array array, String elementType) throws SQLException {
        if (array == null) {
            return null;
        }
        try {
            return toList((Object[]) array.getArray(), elementType);
        } finally {
            array.free();
        }
    }

    private static List<Object> toList(Object[] elements, String elementType) {
        List<Object> list = new ArrayList<>(elements.length);
        for (Object element : elements) {
            list.add(element instanceof Object[] nested ? toList(nested, elementType) : element(element, elementType));
        }
        return list;
    }

    private static Object element(Object element, String elementType) {
        if (element == null) {
            return null;
        }
        return switch (elementType) {
            case "timestamptz" -> ((Timestamp) element).toInstant().atOffset(ZoneOffset.UTC);
            case "timestamp" -> ((Timestamp) element).toLocalDateTime();
            case "date" -> ((java.sql.Date) element).toLocalDate();
            case "time" -> ((java.sql.Time) element).toLocalTime();
            case "json", "jsonb" -> Json.parse(element.toString());
            default -> plain(element);
        };
    }

    /** Driver-specific holders (PGobject, PGInterval...) become their text; everything else is kept. */
    private static Object plain(Object value) {
        return value instanceof PGobject object ? object.getValue() : value;
    }
}
