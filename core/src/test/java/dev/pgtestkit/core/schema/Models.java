package dev.pgtestkit.core.schema;

import java.util.ArrayList;
import java.util.List;

/** Hand-built model objects for unit tests (no database). */
final class Models {

    static final PgType INT4 = new PgType("pg_catalog", "int4", "integer", TypeCategory.BASE, List.of(), null, null,
            List.of(), false);

    private Models() {
    }

    static QualifiedName name(String table) {
        return QualifiedName.of("public", table);
    }

    static Column column(String name, int ordinal, boolean notNull) {
        return new Column(name, ordinal, INT4, notNull, null, Identity.NONE, null, null, null, null, null);
    }

    /** A table with an {@code id} key and the given columns (integer); {@code !} ending a name makes it NOT NULL. */
    static Table table(String name, List<String> columns, List<ForeignKey> foreignKeys) {
        List<Column> built = new ArrayList<>();
        built.add(column("id", 1, true));
        for (String column : columns) {
            boolean notNull = column.endsWith("!");
            built.add(column(notNull ? column.substring(0, column.length() - 1) : column, built.size() + 1, notNull));
        }
        return new Table(name(name), TableKind.ORDINARY, null, built,
                new UniqueKey(name + "_pkey", UniqueKey.Kind.PRIMARY_KEY, List.of("id"), null, false),
                List.of(), foreignKeys, List.of(), List.of());
    }

    static ForeignKey fk(String name, String table, String column, String referenced, boolean deferrable) {
        return new ForeignKey(name, name(table), List.of(column), name(referenced), List.of("id"),
                ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION, deferrable, false);
    }
}
