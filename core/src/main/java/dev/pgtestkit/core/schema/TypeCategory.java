package dev.pgtestkit.core.schema;

/** What kind of type a column has, from {@code pg_type.typtype} and {@code typcategory}. */
public enum TypeCategory {
    /** A built-in or extension base type (int4, text, uuid, vector...). */
    BASE,
    /** An enum; {@link PgType#enumLabels()} holds the labels in sort order. */
    ENUM,
    /** A domain; {@link PgType#baseType()} is the underlying type, {@link PgType#checks()} its CHECKs. */
    DOMAIN,
    /** An array; {@link PgType#elementType()} is the element type. */
    ARRAY,
    /** A composite (row) type. */
    COMPOSITE,
    /** A range or multirange type. */
    RANGE,
    /** A pseudo type or anything else the registry does not model. */
    OTHER
}
