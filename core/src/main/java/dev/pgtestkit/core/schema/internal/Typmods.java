package dev.pgtestkit.core.schema.internal;

/**
 * Decodes {@code atttypmod} into length, precision and scale, the way {@code format_type} does.
 * A typmod of -1 means "no modifier" and gives {@code null}s.
 */
final class Typmods {

    /** varlena header size that char/varchar and numeric typmods include. */
    private static final int VARHDRSZ = 4;
    /** interval typmods keep the fractional-second precision in their low 16 bits; this value means none. */
    private static final int INTERVAL_FULL_PRECISION = 0xFFFF;

    /** Decoded modifier; every field may be {@code null}. */
    record Modifier(Integer length, Integer precision, Integer scale) {
        static final Modifier NONE = new Modifier(null, null, null);
    }

    private Typmods() {
    }

    /**
     * @param typeName the root type's {@code typname} (for arrays: the element's)
     * @param typmod   the modifier
     */
    static Modifier decode(String typeName, int typmod) {
        if (typmod < 0) {
            return Modifier.NONE;
        }
        return switch (typeName) {
            case "bpchar", "varchar" -> new Modifier(typmod - VARHDRSZ, null, null);
            case "bit", "varbit" -> new Modifier(typmod, null, null);
            case "numeric" -> numeric(typmod - VARHDRSZ);
            case "time", "timetz", "timestamp", "timestamptz" -> new Modifier(null, typmod, null);
            case "interval" -> interval(typmod & 0xFFFF);
            default -> Modifier.NONE;
        };
    }

    private static Modifier numeric(int packed) {
        int precision = (packed >> 16) & 0xFFFF;
        // Postgres 15+ allows a negative scale: 11 bits, sign-extended.
        int scale = ((packed & 0x7FF) ^ 1024) - 1024;
        return new Modifier(null, precision, scale);
    }

    private static Modifier interval(int precision) {
        return precision == INTERVAL_FULL_PRECISION ? Modifier.NONE : new Modifier(null, precision, null);
    }
}
