package dev.pgtestkit.sync.internal.schema;

import dev.pgtestkit.sync.internal.schema.Catalog.Relation;
import dev.pgtestkit.sync.internal.schema.RelationReader.ColumnRow;
import dev.pgtestkit.sync.internal.schema.RelationReader.ConstraintRow;
import dev.pgtestkit.sync.internal.schema.RelationReader.RelationRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The statements that create a table (or view, materialized view) and comment on it and its columns. */
final class TableDdl {

    private TableDdl() {
    }

    static void table(Catalog catalog, RelationRow row, Map<String, ColumnRow> columns,
                      Map<Long, Map<String, ColumnRow>> allColumns, Map<String, String> identities,
                      List<ConstraintRow> constraints) {
        Relation relation = row.relation();
        SchemaItem item = relation.item();
        boolean partition = row.partition();
        List<String> elements = new ArrayList<>();
        for (ColumnRow column : columns.values()) {
            // A partition's columns are its parent's; an inheriting table lists only its own.
            if (!partition && column.local()) {
                elements.add(column(column, identities.get(relation.oid() + "/" + column.quoted())));
            }
        }
        for (ConstraintRow check : constraints) {
            if (check.type() == 'c' && check.local() && check.validated()) {
                elements.add("CONSTRAINT " + check.quoted() + " " + check.definition());
                catalog.aliases.put(Catalog.key("pg_constraint", check.oid()), item.key);
            }
        }
        StringBuilder sql = new StringBuilder("CREATE ");
        if (row.persistence() == 'u') {
            sql.append("UNLOGGED ");
        }
        sql.append("TABLE ").append(relation.quoted());
        List<String> parents = new ArrayList<>();
        for (Long parent : row.parents()) {
            parents.add(catalog.relations.get(parent).quoted());
        }
        if (partition) {
            sql.append(" PARTITION OF ").append(parents.get(0));
        }
        if (!partition || !elements.isEmpty()) {
            String list = elements.isEmpty() ? "" : "\n    " + String.join(",\n    ", elements);
            sql.append(" (").append(list).append("\n)");
        }
        if (partition) {
            sql.append("\n").append(row.partitionBound());
        } else if (!parents.isEmpty()) {
            sql.append("\nINHERITS (").append(String.join(", ", parents)).append(")");
        }
        if (row.partitionKey() != null) {
            sql.append("\nPARTITION BY ").append(row.partitionKey());
        }
        if (!row.options().isEmpty()) {
            sql.append("\nWITH (").append(String.join(", ", row.options())).append(")");
        }
        item.statement(sql.toString());
        inheritedColumns(item, relation, row, columns, allColumns);
        comments(item, relation, row, columns);
        for (ConstraintRow check : constraints) {
            if (check.type() == 'c' && check.local() && check.validated()) {
                Sql.comment(item, "CONSTRAINT " + check.quoted() + " ON " + relation.quoted(), check.comment());
            }
        }
    }

    /** Where an inherited column's default or NOT NULL differs from the parent's, the child says so. */
    private static void inheritedColumns(SchemaItem item, Relation relation, RelationRow row,
                                         Map<String, ColumnRow> columns, Map<Long, Map<String, ColumnRow>> all) {
        if (row.parents().isEmpty()) {
            return;
        }
        for (ColumnRow column : columns.values()) {
            if ((column.local() && !row.partition()) || column.generated() != '\0' || column.identity() != '\0') {
                continue;
            }
            ColumnRow inherited = null;
            for (Long parent : row.parents()) {
                inherited = all.getOrDefault(parent, Map.of()).get(column.name());
                if (inherited != null) {
                    break;
                }
            }
            String alter = "ALTER TABLE ONLY " + relation.quoted() + " ALTER COLUMN " + column.quoted();
            String parentDefault = inherited == null ? null : inherited.defaultExpr();
            if (!Objects.equals(column.defaultExpr(), parentDefault)) {
                item.statement(alter + (column.defaultExpr() == null ? " DROP DEFAULT"
                        : " SET DEFAULT " + column.defaultExpr()));
            }
            if (column.notNull() && (inherited == null || !inherited.notNull())) {
                item.statement(alter + " SET NOT NULL");
            }
        }
    }

    private static String column(ColumnRow column, String identity) {
        StringBuilder sql = new StringBuilder(column.quoted()).append(' ').append(column.type());
        if (column.collation() != null) {
            sql.append(" COLLATE ").append(column.collation());
        }
        if (column.generated() != '\0') {
            sql.append(" GENERATED ALWAYS AS (").append(column.defaultExpr()).append(')')
                    .append(column.generated() == 'v' ? " VIRTUAL" : " STORED");
        } else if (column.defaultExpr() != null) {
            sql.append(" DEFAULT ").append(column.defaultExpr());
        }
        if (column.identity() != '\0' && identity != null) {
            sql.append(column.identity() == 'a' ? " GENERATED ALWAYS" : " GENERATED BY DEFAULT").append(" AS IDENTITY ")
                    .append(identity);
        }
        if (column.notNull()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    static void view(Catalog catalog, RelationRow row, Map<String, ColumnRow> columns) {
        Relation relation = row.relation();
        SchemaItem item = relation.item();
        boolean materialized = relation.kind() == 'm';
        List<String> options = new ArrayList<>();
        String checkOption = null;
        for (String option : row.options()) {
            if (option.startsWith("check_option=")) {
                checkOption = option.substring("check_option=".length()).toUpperCase(java.util.Locale.ROOT);
            } else {
                options.add(option);
            }
        }
        String definition = row.viewDefinition().strip();
        if (definition.endsWith(";")) {
            definition = definition.substring(0, definition.length() - 1);
        }
        item.statement("CREATE " + (materialized ? "MATERIALIZED VIEW " : "VIEW ") + relation.quoted()
                + (options.isEmpty() ? "" : " WITH (" + String.join(", ", options) + ")") + " AS\n " + definition
                + (materialized ? "\n  WITH NO DATA" : "")
                + (checkOption == null ? "" : "\n  WITH " + checkOption + " CHECK OPTION"));
        comments(item, relation, row, columns);
        if (materialized && row.populated()) {
            SchemaItem data = catalog.add(new SchemaItem(item.key + "/data", ItemKind.MATERIALIZED_VIEW_DATA,
                    relation.schema(), relation.name(), ""));
            data.requires.add(item.key);
            data.statement("REFRESH MATERIALIZED VIEW " + relation.quoted());
        }
    }

    private static void comments(SchemaItem item, Relation relation, RelationRow row, Map<String, ColumnRow> columns) {
        String kind = switch (relation.kind()) {
            case 'v' -> "VIEW ";
            case 'm' -> "MATERIALIZED VIEW ";
            default -> "TABLE ";
        };
        Sql.comment(item, kind + relation.quoted(), row.comment());
        row.grants().forEach(item::statement);
        for (ColumnRow column : columns.values()) {
            Sql.comment(item, "COLUMN " + relation.quoted() + "." + column.quoted(), column.comment());
        }
    }
}
