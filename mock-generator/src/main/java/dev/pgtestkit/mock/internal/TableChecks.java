package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.CheckConstraint;
import dev.pgtestkit.core.schema.PgType;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.TypeCategory;
import dev.pgtestkit.core.sql.Identifiers;
import dev.pgtestkit.mock.internal.check.Atom;
import dev.pgtestkit.mock.internal.check.Atoms;
import dev.pgtestkit.mock.internal.check.CheckAnalysis;
import java.util.ArrayList;
import java.util.List;

/** A table's checks, plus its domain-typed columns' domain checks rewritten onto those columns. */
final class TableChecks {

    private TableChecks() {
    }

    static List<TableCheck> of(Table table, List<ColumnSpec> columns) {
        List<TableCheck> checks = new ArrayList<>();
        for (CheckConstraint c : table.checks()) {
            checks.add(new TableCheck(c.name(), c.expression(), CheckAnalysis.of(c.expression())));
        }
        for (ColumnSpec column : columns) {
            for (PgType t = column.column().type(); t != null && t.category() == TypeCategory.DOMAIN;
                 t = t.baseType()) {
                for (CheckConstraint c : t.checks()) {
                    checks.add(domainCheck(c, column.name()));
                }
            }
        }
        return checks;
    }

    private static TableCheck domainCheck(CheckConstraint c, String column) {
        String sql = CheckAnalysis.replaceValue(c.expression(), Identifiers.quote(column));
        return new TableCheck(c.name(), sql, CheckAnalysis.of(c.expression()).forColumn(column));
    }

    static String columnOf(Atom atom) {
        return Atoms.column(atom);
    }
}
