package dev.pgtestkit.core.schema.internal;

import dev.pgtestkit.core.schema.CheckConstraint;
import dev.pgtestkit.core.schema.PgType;
import dev.pgtestkit.core.schema.TypeCategory;
import dev.pgtestkit.core.schema.internal.CatalogRows.TypeRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns type rows into {@link PgType}s. One instance per distinct (type, printed form), so every
 * {@code varchar(255)} column shares one object. Types it has no row for (there should be none) and types it
 * does not model (extension base types such as {@code vector}) are kept by name, never rejected.
 */
final class TypeResolver {

    private final Map<Long, TypeRow> rows = new HashMap<>();
    private final Map<String, PgType> cache = new HashMap<>();

    TypeResolver(List<TypeRow> typeRows) {
        for (TypeRow row : typeRows) {
            rows.put(row.oid(), row);
        }
    }

    /**
     * @param oid     type oid
     * @param typmod  the column's modifier (-1 for none)
     * @param display the type as {@code format_type(oid, typmod)} prints it
     */
    PgType resolve(long oid, int typmod, String display) {
        String key = oid + "|" + display;
        PgType cached = cache.get(key);
        if (cached == null) {
            cached = build(oid, typmod, display);
            cache.put(key, cached);
        }
        return cached;
    }

    /** Length, precision and scale a value of this type is limited to, domains and arrays looked through. */
    Typmods.Modifier modifier(long oid, int typmod) {
        TypeRow row = rows.get(oid);
        if (row == null) {
            return Typmods.Modifier.NONE;
        }
        if (row.typtype() == 'd') {
            return modifier(row.baseOid(), typmod >= 0 ? typmod : row.baseTypmod());
        }
        if (isArray(row)) {
            return modifier(row.elementOid(), typmod);
        }
        return Typmods.decode(row.name(), typmod);
    }

    private PgType build(long oid, int typmod, String display) {
        TypeRow row = rows.get(oid);
        if (row == null) {
            return new PgType("", display, display, TypeCategory.OTHER, List.of(), null, null, List.of(), false);
        }
        TypeCategory category = category(row);
        PgType base = category == TypeCategory.DOMAIN
                ? resolve(row.baseOid(), row.baseTypmod(), row.baseDisplay()) : null;
        PgType element = category == TypeCategory.ARRAY
                ? resolve(row.elementOid(), typmod, elementDisplay(display)) : null;
        List<CheckConstraint> checks = category == TypeCategory.DOMAIN ? domainChecks(row) : List.of();
        return new PgType(row.schema(), row.name(), display, category, row.enumLabels(), base, element, checks,
                category == TypeCategory.DOMAIN && row.notNull());
    }

    private static TypeCategory category(TypeRow row) {
        return switch (row.typtype()) {
            case 'e' -> TypeCategory.ENUM;
            case 'd' -> TypeCategory.DOMAIN;
            case 'c' -> TypeCategory.COMPOSITE;
            case 'r', 'm' -> TypeCategory.RANGE;
            case 'b' -> isArray(row) ? TypeCategory.ARRAY : TypeCategory.BASE;
            default -> TypeCategory.OTHER;
        };
    }

    /** A true array type: variable length with an element type (what {@code format_type} prints with []). */
    private static boolean isArray(TypeRow row) {
        return row.typtype() == 'b' && row.elementOid() != 0 && row.typlen() == -1 && row.typcategory() == 'A';
    }

    /** {@code character varying(10)[]} → {@code character varying(10)}; Postgres never prints more than one []. */
    private static String elementDisplay(String arrayDisplay) {
        return arrayDisplay.endsWith("[]") ? arrayDisplay.substring(0, arrayDisplay.length() - 2) : arrayDisplay;
    }

    private static List<CheckConstraint> domainChecks(TypeRow row) {
        List<CheckConstraint> checks = new ArrayList<>();
        for (int i = 0; i < row.checkNames().size(); i++) {
            checks.add(new CheckConstraint(row.checkNames().get(i), row.checkDefinitions().get(i),
                    row.checkExpressions().get(i), List.of()));
        }
        return checks;
    }
}
