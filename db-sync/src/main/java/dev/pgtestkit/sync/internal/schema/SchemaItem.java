package dev.pgtestkit.sync.internal.schema;

import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/**
 * One item of a schema script: a header line and the statements that create one object. {@link #key} is the
 * catalog identity ({@code pg_class:16390}) that dependencies point at; {@link #requires} the keys of the items
 * that must come first.
 */
final class SchemaItem {

    /** Scripts list items by kind, then schema, then name, then detail, wherever dependencies allow. */
    static final Comparator<SchemaItem> ORDER = Comparator.<SchemaItem>comparingInt(i -> i.kind.rank)
            .thenComparing(i -> i.schema).thenComparing(i -> i.name).thenComparing(i -> i.detail)
            .thenComparing(i -> i.kind.label).thenComparing(i -> i.key);

    final String key;
    final ItemKind kind;
    final String schema;
    final String name;
    final String detail;
    final StringBuilder sql = new StringBuilder();
    final Set<String> requires = new TreeSet<>();
    /** Whether the scripts hold it; false for a table the dump leaves out and for what needs such a table. */
    boolean written = true;
    /** Moved to post-data because it needs something that is created there. */
    boolean postData;

    SchemaItem(String key, ItemKind kind, String schema, String name, String detail) {
        this.key = key;
        this.kind = kind;
        this.schema = schema;
        this.name = name;
        this.detail = detail;
        this.postData = kind.postData;
    }

    /** Appends one statement (without its semicolon) on its own line(s). */
    SchemaItem statement(String text) {
        sql.append(text).append(";\n");
        return this;
    }

    /** {@code schema.name[ detail]}, as the header line shows the object. */
    String displayName() {
        return (name.isEmpty() ? schema : schema + "." + name) + (detail.isEmpty() ? "" : " " + detail);
    }

    @Override
    public String toString() {
        return kind.label + " " + displayName();
    }
}
