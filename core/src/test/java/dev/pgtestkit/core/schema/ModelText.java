package dev.pgtestkit.core.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of text per model object holding every field (a field left out of the line is {@code null}/false),
 * so a test can compare a whole table against the DDL it came from and a failure shows the difference.
 */
final class ModelText {

    private ModelText() {
    }

    /** Every column, key, foreign key, check and index of the table, in model order. */
    static List<String> describe(Table table) {
        List<String> lines = new ArrayList<>();
        lines.add("TABLE " + table.name() + " " + table.kind()
                + (table.partitionOf() == null ? "" : " OF " + table.partitionOf()));
        table.columns().forEach(c -> lines.add(describe(c)));
        if (table.primaryKey() != null) {
            lines.add(describe(table.primaryKey()));
        }
        table.uniqueKeys().forEach(u -> lines.add(describe(u)));
        table.foreignKeys().forEach(f -> lines.add(describe(f)));
        table.checks().forEach(c -> lines.add(describe(c)));
        table.indexes().forEach(i -> lines.add(describe(i)));
        return lines;
    }

    static String describe(Column c) {
        StringBuilder s = new StringBuilder("  ").append(c.ordinal()).append(' ').append(c.name()).append(' ')
                .append(c.type().displayName()).append(" [").append(c.type().category()).append(']');
        s.append(c.notNull() ? " NOT NULL" : "");
        append(s, " DEFAULT ", c.defaultExpr());
        s.append(c.identity() == Identity.NONE ? "" : " IDENTITY " + c.identity());
        append(s, " GENERATED ", c.generatedExpr());
        append(s, " length=", c.length());
        append(s, " precision=", c.precision());
        append(s, " scale=", c.scale());
        append(s, " seq=", c.sequence());
        return s.toString();
    }

    static String describe(UniqueKey u) {
        StringBuilder s = new StringBuilder("  ").append(u.kind()).append(' ').append(u.name())
                .append(' ').append(u.columns());
        append(s, " WHERE ", u.predicate());
        s.append(u.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "");
        return s.toString();
    }

    static String describe(ForeignKey f) {
        return "  FK " + f.name() + " " + f.table() + f.columns() + " -> " + f.referencedTable()
                + f.referencedColumns() + " ON DELETE " + f.onDelete() + " ON UPDATE " + f.onUpdate()
                + (f.deferrable() ? " DEFERRABLE" : "") + (f.initiallyDeferred() ? " INITIALLY DEFERRED" : "");
    }

    static String describe(CheckConstraint c) {
        return "  CHECK " + c.name() + " " + c.columns() + " " + c.definition();
    }

    static String describe(Index i) {
        StringBuilder s = new StringBuilder("  INDEX ").append(i.name()).append(' ').append(i.method())
                .append(' ').append(i.columns()).append(i.unique() ? " UNIQUE" : "").append(i.primary() ? " PRIMARY" : "");
        append(s, " WHERE ", i.predicate());
        return s.toString();
    }

    private static void append(StringBuilder s, String label, Object value) {
        if (value != null) {
            s.append(label).append(value);
        }
    }
}
