package dev.pgtestkit.core.schema;

import java.util.List;

/**
 * A column's data type as the catalog knows it.
 *
 * @param schema       schema of the type ({@code pg_catalog} for built-ins)
 * @param name         the type's own name ({@code int4}, {@code varchar}, {@code _int4}, {@code mood})
 * @param displayName  the type as {@code format_type} prints it with the column's modifier
 *                     ({@code character varying(255)}, {@code numeric(10,2)}, {@code mood[]})
 * @param category     base, enum, domain, array...
 * @param enumLabels   labels in sort order for enums, else empty
 * @param baseType     for domains the underlying type, else {@code null}
 * @param elementType  for arrays the element type, else {@code null}
 * @param checks       for domains their CHECK expressions ({@code VALUE > 0}), else empty
 * @param domainNotNull for domains whether the domain itself is NOT NULL
 */
public record PgType(String schema, String name, String displayName, TypeCategory category,
                     List<String> enumLabels, PgType baseType, PgType elementType,
                     List<CheckConstraint> checks, boolean domainNotNull) {

    public PgType {
        enumLabels = List.copyOf(enumLabels);
        checks = List.copyOf(checks);
    }

    /** The type this value is stored as once domains are unwrapped (a domain over int4 gives int4). */
    public PgType rootType() {
        return category == TypeCategory.DOMAIN && baseType != null ? baseType.rootType() : this;
    }

    public boolean isArray() {
        return rootType().category == TypeCategory.ARRAY;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
