package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.Identity;
import dev.pgtestkit.core.schema.PgType;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.TableKind;
import dev.pgtestkit.core.schema.TypeCategory;
import java.util.List;

/** Hand-built model objects for unit tests of conversion and SQL building (no database). */
final class SchemaFixtures {

    private SchemaFixtures() {
    }

    static PgType base(String name, String display) {
        return new PgType("pg_catalog", name, display, TypeCategory.BASE, List.of(), null, null, List.of(), false);
    }

    static PgType enumType(String name, String... labels) {
        return new PgType("public", name, name, TypeCategory.ENUM, List.of(labels), null, null, List.of(), false);
    }

    static PgType arrayOf(PgType element) {
        return new PgType(element.schema(), "_" + element.name(), element.displayName() + "[]", TypeCategory.ARRAY,
                List.of(), null, element, List.of(), false);
    }

    static Column column(String name, PgType type) {
        return new Column(name, 1, type, false, null, Identity.NONE, null, null, null, null, null);
    }

    static Table table(String name, Column... columns) {
        return new Table(QualifiedName.of("public", name), TableKind.ORDINARY, null, List.of(columns), null,
                List.of(), List.of(), List.of(), List.of());
    }
}
