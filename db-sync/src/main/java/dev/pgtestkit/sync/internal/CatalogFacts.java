package dev.pgtestkit.sync.internal;

import dev.pgtestkit.core.schema.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What db-sync needs from the catalog beyond the schema registry, each in one query. */
public final class CatalogFacts {

    private static final String TABLES = "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_%'";

    /**
     * Types whose text output never holds a backslash or a control character, so COPY writes it as it is: the
     * verifier hashes them without COPY's escaping.
     */
    private static final String PLAIN_TEXT_TYPES = "'int2', 'int4', 'int8', 'oid', 'float4', 'float8', 'numeric',"
            + " 'bool', 'date', 'time', 'timetz', 'timestamp', 'timestamptz', 'interval', 'uuid', 'inet', 'cidr',"
            + " 'macaddr', 'macaddr8', 'money', 'bit', 'varbit', 'pg_lsn'";

    private final Map<QualifiedName, Set<String>> collatable = new HashMap<>();
    private final Map<QualifiedName, Set<String>> plainText = new HashMap<>();
    private final Set<QualifiedName> extensionMembers = new HashSet<>();
    private final Map<QualifiedName, Long> sizes = new HashMap<>();

    private CatalogFacts() {
    }

    public static CatalogFacts read(Connection connection) throws SQLException {
        CatalogFacts facts = new CatalogFacts();
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT n.nspname, c.relname, a.attname FROM pg_attribute a"
                    + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attcollation <> 0"
                    + " AND c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    facts.collatable.computeIfAbsent(QualifiedName.of(rs.getString(1), rs.getString(2)),
                            k -> new HashSet<>()).add(rs.getString(3));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT n.nspname, c.relname, a.attname FROM pg_attribute a"
                    + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " JOIN pg_type t ON t.oid = a.atttypid WHERE a.attnum > 0 AND NOT a.attisdropped"
                    + " AND t.typnamespace = 'pg_catalog'::regnamespace AND t.typname IN (" + PLAIN_TEXT_TYPES + ")"
                    + " AND c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    facts.plainText.computeIfAbsent(QualifiedName.of(rs.getString(1), rs.getString(2)),
                            k -> new HashSet<>()).add(rs.getString(3));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT n.nspname, c.relname " + TABLES + " AND EXISTS (SELECT 1"
                    + " FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid"
                    + " AND d.deptype = 'e')")) {
                while (rs.next()) {
                    facts.extensionMembers.add(QualifiedName.of(rs.getString(1), rs.getString(2)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT n.nspname, c.relname, (SELECT coalesce(sum(pg_table_size("
                    + "t.relid)), 0) FROM pg_partition_tree(c.oid) t) " + TABLES + " AND NOT c.relispartition")) {
                while (rs.next()) {
                    facts.sizes.put(QualifiedName.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
                }
            }
        }
        return facts;
    }

    /** The table's columns that have a collation (text-like types). */
    public Set<String> collatable(QualifiedName table) {
        return collatable.getOrDefault(table, Set.of());
    }

    /** The table's columns of a built-in type whose text COPY writes unescaped (numbers, dates, uuid...). */
    public Set<String> plainText(QualifiedName table) {
        return plainText.getOrDefault(table, Set.of());
    }

    /** Whether the table belongs to an extension (its rows are the extension's, not the database's). */
    public boolean isExtensionMember(QualifiedName table) {
        return extensionMembers.contains(table);
    }

    /** The table's size on disk (with its partitions), or 0. */
    public long size(QualifiedName table) {
        return sizes.getOrDefault(table, 0L);
    }
}
