package dev.pgtestkit.mock.internal.value;

import java.math.BigDecimal;

/** Conversions between the number classes generated values and check literals come in. */
final class Numbers {

    private Numbers() {
    }

    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(value.toString().trim());
    }
}
