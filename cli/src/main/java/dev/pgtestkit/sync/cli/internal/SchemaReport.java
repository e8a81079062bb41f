package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.core.schema.CheckConstraint;
import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.FkCycle;
import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.Identity;
import dev.pgtestkit.core.schema.Index;
import dev.pgtestkit.core.schema.InsertionOrder;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.UniqueKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The schema registry as a report: tables in foreign-key order (parents first) with their columns, keys, checks
 * and indexes, then the foreign-key cycles and whether they can be broken. As text or as a JSON-ready map.
 */
public final class SchemaReport {

    private final String database;
    private final List<Table> tables;
    private final InsertionOrder order;

    /** The whole registry, or only {@code tables} (in the registry's foreign-key order). */
    public SchemaReport(String database, SchemaRegistry registry, List<Table> only) {
        this.database = database;
        this.order = registry.insertionOrder();
        List<QualifiedName> wanted = only == null ? null : only.stream().map(Table::name).toList();
        this.tables = order.tables().stream()
                .filter(name -> wanted == null || wanted.contains(name))
                .map(registry::table)
                .toList();
    }

    private List<FkCycle> cycles() {
        return order.cycles().stream()
                .filter(c -> c.tables().stream().anyMatch(t -> tables.stream().anyMatch(x -> x.name().equals(t))))
                .toList();
    }

    /** The report as text. */
    public String text() {
        StringBuilder out = new StringBuilder();
        long schemas = tables.stream().map(Table::schema).distinct().count();
        out.append("Database ").append(database).append(": ").append(tables.size())
                .append(tables.size() == 1 ? " table" : " tables").append(" in ").append(schemas)
                .append(schemas == 1 ? " schema" : " schemas").append(", in foreign-key order (parents first)\n");
        int position = 1;
        for (Table table : tables) {
            out.append('\n');
            table(out, position++, table);
        }
        List<FkCycle> cycles = cycles();
        out.append('\n').append(cycles.isEmpty() ? "No foreign-key cycles.\n" : "Foreign-key cycles:\n");
        for (FkCycle cycle : cycles) {
            out.append("  ").append(names(cycle.tables())).append(": ").append(cycleVerdict(cycle)).append('\n');
        }
        return out.toString();
    }

    private static void table(StringBuilder out, int position, Table table) {
        out.append(position).append(". ").append(table.name()).append("  (").append(kind(table)).append(")\n");
        int width = table.columns().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        int typeWidth = table.columns().stream().mapToInt(c -> c.type().displayName().length()).max().orElse(0);
        for (Column column : table.columns()) {
            out.append("   ").append(pad(column.name(), width)).append("  ")
                    .append(pad(column.type().displayName(), typeWidth));
            String details = columnDetails(column);
            if (!details.isEmpty()) {
                out.append("  ").append(details);
            }
            trimEnd(out).append('\n');
        }
        if (table.primaryKey() != null) {
            line(out, "primary key", key(table.primaryKey()));
        }
        table.uniqueKeys().forEach(k -> line(out, "unique", key(k)));
        table.foreignKeys().forEach(fk -> line(out, "foreign key", foreignKey(fk)));
        table.checks().forEach(c -> line(out, "check", c.name() + ": " + c.definition()));
        // Indexes behind the primary and unique keys are shown as those keys.
        List<String> keyNames = table.uniqueKeys().stream().map(UniqueKey::name).toList();
        table.indexes().stream().filter(i -> !i.primary() && !keyNames.contains(i.name()))
                .forEach(i -> line(out, "index", i.name() + ": " + indexText(i)));
    }

    private static void line(StringBuilder out, String label, String text) {
        out.append("   ").append(pad(label, 11)).append("  ").append(text).append('\n');
    }

    private static String kind(Table table) {
        return switch (table.kind()) {
            case ORDINARY -> "table";
            case PARTITIONED -> table.partitionOf() == null ? "partitioned table"
                    : "partitioned partition of " + table.partitionOf();
            case PARTITION -> "partition of " + table.partitionOf();
        };
    }

    private static String columnDetails(Column c) {
        List<String> parts = new ArrayList<>();
        if (c.notNull()) {
            parts.add("not null");
        }
        if (c.identity() != Identity.NONE) {
            parts.add("identity " + (c.identity() == Identity.ALWAYS ? "always" : "by default"));
        }
        if (c.generatedExpr() != null) {
            parts.add("generated as " + c.generatedExpr());
        }
        if (c.defaultExpr() != null) {
            parts.add("default " + c.defaultExpr());
        }
        if (!c.type().enumLabels().isEmpty()) {
            parts.add("one of " + String.join(", ", c.type().enumLabels()));
        }
        c.type().checks().forEach(check -> parts.add("domain check " + check.expression()));
        return String.join(", ", parts);
    }

    private static String key(UniqueKey k) {
        String text = k.name() + " (" + String.join(", ", k.columns()) + ")";
        if (k.predicate() != null) {
            text += " where " + k.predicate();
        }
        return k.nullsNotDistinct() ? text + " nulls not distinct" : text;
    }

    private static String foreignKey(ForeignKey fk) {
        StringBuilder text = new StringBuilder(fk.name()).append(" (").append(String.join(", ", fk.columns()))
                .append(") -> ").append(fk.referencedTable()).append(" (")
                .append(String.join(", ", fk.referencedColumns())).append(')');
        if (fk.onDelete() != ForeignKey.Action.NO_ACTION) {
            text.append(" on delete ").append(action(fk.onDelete()));
        }
        if (fk.onUpdate() != ForeignKey.Action.NO_ACTION) {
            text.append(" on update ").append(action(fk.onUpdate()));
        }
        if (fk.deferrable()) {
            text.append(fk.initiallyDeferred() ? " deferrable initially deferred" : " deferrable");
        }
        return text.toString();
    }

    private static String action(ForeignKey.Action action) {
        return action.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    private static String indexText(Index i) {
        String text = (i.unique() ? "unique " : "") + i.method() + " (" + String.join(", ", i.columns()) + ")";
        return i.predicate() == null ? text : text + " where " + i.predicate();
    }

    private static String cycleVerdict(FkCycle cycle) {
        if (!cycle.isBreakable()) {
            return "cannot be broken: " + fkNames(cycle.unbreakableEdges())
                    + " are NOT NULL and not deferrable, so no row can be inserted first";
        }
        return "breakable: insert with " + fkNames(cycle.breakableEdges())
                + " empty (nullable) or deferred, then fill them in";
    }

    private static String fkNames(List<ForeignKey> fks) {
        return fks.stream().map(ForeignKey::name).collect(Collectors.joining(", "));
    }

    private static String names(List<QualifiedName> names) {
        return names.stream().map(QualifiedName::toString).collect(Collectors.joining(" <-> "));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static StringBuilder trimEnd(StringBuilder sb) {
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 1);
        }
        return sb;
    }

    /** The report as maps and lists, for JSON. */
    public Map<String, Object> json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("database", database);
        doc.put("tables", tables.stream().map(SchemaReport::tableJson).toList());
        doc.put("cycles", cycles().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tables", c.tables().stream().map(QualifiedName::toString).toList());
            m.put("breakable", c.isBreakable());
            m.put("breakableForeignKeys", c.breakableEdges().stream().map(ForeignKey::name).toList());
            m.put("unbreakableForeignKeys", c.unbreakableEdges().stream().map(ForeignKey::name).toList());
            return m;
        }).toList());
        return doc;
    }

    private static Map<String, Object> tableJson(Table t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name().toString());
        m.put("kind", t.kind().name().toLowerCase(Locale.ROOT));
        m.put("partitionOf", t.partitionOf() == null ? null : t.partitionOf().toString());
        m.put("columns", t.columns().stream().map(SchemaReport::columnJson).toList());
        m.put("primaryKey", t.primaryKey() == null ? null : keyJson(t.primaryKey()));
        m.put("uniqueKeys", t.uniqueKeys().stream().map(SchemaReport::keyJson).toList());
        m.put("foreignKeys", t.foreignKeys().stream().map(SchemaReport::foreignKeyJson).toList());
        m.put("checks", t.checks().stream().map(SchemaReport::checkJson).toList());
        m.put("indexes", t.indexes().stream().map(i -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", i.name());
            x.put("definition", i.definition());
            return x;
        }).toList());
        return m;
    }

    private static Map<String, Object> columnJson(Column c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("type", c.type().displayName());
        m.put("notNull", c.notNull());
        m.put("default", c.defaultExpr());
        m.put("identity", c.identity().name().toLowerCase(Locale.ROOT));
        m.put("generated", c.generatedExpr());
        if (!c.type().enumLabels().isEmpty()) {
            m.put("enumLabels", c.type().enumLabels());
        }
        return m;
    }

    private static Map<String, Object> keyJson(UniqueKey k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", k.name());
        m.put("columns", k.columns());
        m.put("predicate", k.predicate());
        return m;
    }

    private static Map<String, Object> foreignKeyJson(ForeignKey fk) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", fk.name());
        m.put("columns", fk.columns());
        m.put("references", fk.referencedTable().toString());
        m.put("referencedColumns", fk.referencedColumns());
        m.put("onDelete", action(fk.onDelete()));
        m.put("deferrable", fk.deferrable());
        return m;
    }

    private static Map<String, Object> checkJson(CheckConstraint c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("definition", c.definition());
        return m;
    }
}
