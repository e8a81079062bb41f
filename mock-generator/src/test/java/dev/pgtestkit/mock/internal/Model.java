package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.CheckConstraint;
import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.Identity;
import dev.pgtestkit.core.schema.PgType;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.TableKind;
import dev.pgtestkit.core.schema.TypeCategory;
import dev.pgtestkit.core.schema.UniqueKey;
import java.util.ArrayList;
import java.util.List;

/** Hand-built schema model objects for unit tests (no database). */
final class Model {

    private final QualifiedName name;
    private final List<Column> columns = new ArrayList<>();
    private final List<UniqueKey> uniques = new ArrayList<>();
    private final List<ForeignKey> fks = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private UniqueKey primaryKey;

    private Model(String table) {
        this.name = QualifiedName.of("public", table);
    }

    static Model table(String name) {
        return new Model(name);
    }

    static PgType base(String name, String display) {
        return new PgType("pg_catalog", name, display, TypeCategory.BASE, List.of(), null, null, List.of(), false);
    }

    static PgType enumType(String name, String... labels) {
        return new PgType("public", name, name, TypeCategory.ENUM, List.of(labels), null, null, List.of(), false);
    }

    static PgType domain(String name, PgType base, boolean notNull, String checkName, String checkExpression) {
        List<CheckConstraint> c = checkName == null ? List.of()
                : List.of(new CheckConstraint(checkName, "CHECK (" + checkExpression + ")", checkExpression, List.of()));
        return new PgType("public", name, name, TypeCategory.DOMAIN, List.of(), base, null, c, notNull);
    }

    Model column(String column, PgType type, boolean notNull) {
        return add(new Column(column, columns.size() + 1, type, notNull, null, Identity.NONE, null, null, null, null,
                null));
    }

    Model column(String column, String typeName, boolean notNull) {
        return column(column, base(typeName, typeName), notNull);
    }

    Model varchar(String column, int length, boolean notNull) {
        return add(new Column(column, columns.size() + 1, base("varchar", "character varying(" + length + ")"),
                notNull, null, Identity.NONE, null, length, null, null, null));
    }

    Model numeric(String column, int precision, int scale, boolean notNull) {
        return add(new Column(column, columns.size() + 1, base("numeric", "numeric(" + precision + "," + scale + ")"),
                notNull, null, Identity.NONE, null, null, precision, scale, null));
    }

    /** An identity column numbered by {@code <table>_<column>_seq}. */
    Model identity(String column, String typeName) {
        return add(new Column(column, columns.size() + 1, base(typeName, typeName), true, null, Identity.ALWAYS, null,
                null, null, null, QualifiedName.of("public", name.name() + "_" + column + "_seq")));
    }

    Model generated(String column, String typeName, String expression) {
        return add(new Column(column, columns.size() + 1, base(typeName, typeName), false, null, Identity.NONE,
                expression, null, null, null, null));
    }

    Model pk(String... cols) {
        primaryKey = new UniqueKey(name.name() + "_pkey", UniqueKey.Kind.PRIMARY_KEY, List.of(cols), null, false);
        return this;
    }

    Model unique(String constraint, String... cols) {
        uniques.add(new UniqueKey(constraint, UniqueKey.Kind.UNIQUE_CONSTRAINT, List.of(cols), null, false));
        return this;
    }

    Model fk(String constraint, List<String> cols, String parent, List<String> parentCols, boolean deferrable) {
        fks.add(new ForeignKey(constraint, name, cols, QualifiedName.of("public", parent), parentCols,
                ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION, deferrable, deferrable));
        return this;
    }

    Model fk(String constraint, String col, String parent) {
        return fk(constraint, List.of(col), parent, List.of("id"), false);
    }

    Model check(String constraint, String expression) {
        checks.add(new CheckConstraint(constraint, "CHECK (" + expression + ")", expression, List.of()));
        return this;
    }

    private Model add(Column c) {
        columns.add(c);
        return this;
    }

    Table build() {
        return new Table(name, TableKind.ORDINARY, null, columns, primaryKey, uniques, fks, checks, List.of());
    }
}
