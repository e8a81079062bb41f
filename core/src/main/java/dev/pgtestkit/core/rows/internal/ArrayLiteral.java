package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.schema.PgType;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * Postgres array literals ({@code {"a","b",NULL}}) built from a List, Collection or Java array, each element
 * converted for the element type first. Nested lists become nested dimensions. Every element is quoted, so
 * any element type's text form is safe.
 */
final class ArrayLiteral {

    private ArrayLiteral() {
    }

    static String of(PgType elementType, Object value) {
        if (value instanceof CharSequence text && text.toString().strip().startsWith("{")) {
            return text.toString();
        }
        return literal(elementType, elements(value), "");
    }

    private static String literal(PgType elementType, List<?> elements, String path) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < elements.size(); i++) {
            Object element = elements.get(i);
            out.append(i == 0 ? "" : ",");
            String position = path + "[" + i + "]";
            if (element == null) {
                out.append("NULL");
            } else if (isSequence(element)) {
                out.append(literal(elementType, elements(element), position));
            } else {
                out.append(quote(elementText(elementType, element, position)));
            }
        }
        return out.append('}').toString();
    }

    private static String elementText(PgType elementType, Object element, String position) {
        Object converted;
        try {
            converted = ValueConverter.convert(elementType, element);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("element " + position + ": " + e.getMessage(), e);
        }
        if (converted instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        if (converted instanceof Boolean b) {
            return b ? "t" : "f";
        }
        return converted instanceof BigDecimal d ? d.toPlainString() : converted.toString();
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static boolean isSequence(Object value) {
        return value instanceof Collection<?> || (value.getClass().isArray() && !(value instanceof byte[]));
    }

    private static List<?> elements(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (value.getClass().isArray() && !(value instanceof byte[])) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(Array.get(value, i));
            }
            return items;
        }
        throw Temporals.unsupported(value, "a List, Collection or array");
    }
}
