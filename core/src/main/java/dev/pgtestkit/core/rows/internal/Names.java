package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.Table;

/** How tables and columns are named in messages: {@code users}, {@code audit.events}, {@code users.email}. */
public final class Names {

    private Names() {
    }

    /** The table's name, qualified only outside {@code public}; {@code schema} may be {@code null}. */
    public static String table(String schema, String table) {
        return schema == null || schema.equals("public") ? table : schema + "." + table;
    }

    public static String table(QualifiedName name) {
        return table(name.schema(), name.name());
    }

    public static String table(Table table) {
        return table(table.name());
    }

    public static String column(Table table, String column) {
        return table(table) + "." + column;
    }

    /** {@code "Audit"} as stored ({@code Audit}); a name without surrounding quotes is returned as is. */
    public static String unquote(String name) {
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name;
    }
}
