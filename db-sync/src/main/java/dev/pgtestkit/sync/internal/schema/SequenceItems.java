package dev.pgtestkit.sync.internal.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Sequences: the definition (pre-data), the ownership by a column (pre-data, after the table) and the current
 * value (post-data: the value belongs with the data, as {@code pg_dump}'s SEQUENCE SET). An identity column's
 * sequence is part of its table; only its value is a separate item.
 */
final class SequenceItems {

    private SequenceItems() {
    }

    /** Reads the sequences; returns the identity clause of each identity column by {@code "<table oid>/<column>"}. */
    static Map<String, String> read(Connection connection, Catalog catalog, String query) throws SQLException {
        Map<String, String> identities = new HashMap<>();
        Catalog.query(connection, query, rs -> {
            String key = Catalog.key("pg_class", rs.getLong(1));
            String quoted = rs.getString(4);
            String schema = rs.getString(2);
            String name = rs.getString(3);
            String deptype = rs.getString(15);
            String owner = Catalog.key("pg_class", rs.getLong(13));
            if ("i".equals(deptype)) {
                catalog.aliases.put(key, owner);
                Catalog.Relation table = catalog.relations.get(rs.getLong(13));
                if (table != null) {
                    Grants.append(table.item(), Catalog.strings(rs, 18));
                }
                identities.put(rs.getLong(13) + "/" + rs.getString(16), "(SEQUENCE NAME " + quoted + options(rs) + ")");
            } else {
                SchemaItem item = catalog.add(new SchemaItem(key, ItemKind.SEQUENCE, schema, name, ""));
                item.statement("CREATE SEQUENCE " + quoted + " AS " + rs.getString(5) + options(rs));
                Sql.comment(item, "SEQUENCE " + quoted, rs.getString(17));
                Grants.append(item, Catalog.strings(rs, 18));
                Catalog.Relation table = catalog.relations.get(rs.getLong(13));
                if ("a".equals(deptype) && table != null) {
                    SchemaItem owned = catalog.add(new SchemaItem(key + "/owned", ItemKind.SEQUENCE_OWNED_BY, schema,
                            name, ""));
                    owned.requires.add(key);
                    owned.requires.add(owner);
                    owned.statement("ALTER SEQUENCE " + quoted + " OWNED BY " + table.quoted() + "."
                            + rs.getString(16));
                }
            }
            if (rs.getObject(12) != null) {
                SchemaItem set = catalog.add(new SchemaItem(key + "/set", ItemKind.SEQUENCE_SET, schema, name, ""));
                set.requires.add(key);
                set.statement("SELECT pg_catalog.setval(" + Sql.literal(quoted) + ", " + rs.getLong(12) + ", true)");
            }
        });
        return identities;
    }

    private static String options(ResultSet rs) throws SQLException {
        return " START WITH " + rs.getLong(6) + " INCREMENT BY " + rs.getLong(7) + " MINVALUE " + rs.getLong(8)
                + " MAXVALUE " + rs.getLong(9) + " CACHE " + rs.getLong(10) + (rs.getBoolean(11) ? " CYCLE" : "");
    }
}
