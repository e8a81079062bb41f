package dev.pgtestkit.sync.internal.restore;

import dev.pgtestkit.sync.DumpManifest.TableEntry;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The post-data script sorted for a parallel restore: index builds (placed on their table, so they start as soon as
 * its data is in), foreign keys (added {@code NOT VALID} with the rest, validated afterwards in parallel), and the rest
 * in script order.
 */
final class PostData {

    private record Index(String table, String statement) {
    }

    private record Item(String statement, Statements.ForeignKey foreignKey) {
    }

    private final List<Index> indexes;
    private final List<Item> rest;

    private PostData(List<Index> indexes, List<Item> rest) {
        this.indexes = indexes;
        this.rest = rest;
    }

    static PostData of(List<String> statements) {
        List<Index> indexes = new ArrayList<>();
        List<Item> rest = new ArrayList<>();
        for (String s : statements) {
            if (Statements.buildsIndex(s)) {
                indexes.add(new Index(Statements.indexedTable(s), s));
            } else {
                rest.add(new Item(s, Statements.foreignKey(s)));
            }
        }
        return new PostData(indexes, rest);
    }

    /** Every table name the statements mention, as written, for {@link Relations#read}. */
    List<String> names() {
        Set<String> names = new LinkedHashSet<>();
        indexes.stream().map(Index::table).filter(n -> n != null).forEach(names::add);
        rest.stream().filter(i -> i.foreignKey() != null).forEach(i -> names.add(i.foreignKey().table()));
        return List.copyOf(names);
    }

    /** The index builds of each loaded table, by the table's oid. */
    Map<Long, List<String>> indexesByTable(Relations relations) {
        Map<Long, List<String>> byTable = new HashMap<>();
        for (Index i : indexes) {
            Long oid = relations.loadedTable(i.table());
            if (oid != null) {
                byTable.computeIfAbsent(oid, k -> new ArrayList<>()).add(i.statement());
            }
        }
        return byTable;
    }

    /** The index builds on no loaded table (a partitioned parent, say, or a name that could not be resolved). */
    List<String> unplacedIndexes(Relations relations) {
        return indexes.stream().filter(i -> relations.loadedTable(i.table()) == null).map(Index::statement).toList();
    }

    /** The rest of the script in order, with the foreign keys of plain tables added {@code NOT VALID}. */
    List<String> rest(Relations relations) {
        return rest.stream().map(i -> deferred(i, relations) ? i.foreignKey().addNotValid() : i.statement()).toList();
    }

    /** The foreign keys {@link #rest} added {@code NOT VALID}: to validate. */
    List<Statements.ForeignKey> foreignKeys(Relations relations) {
        return rest.stream().filter(i -> deferred(i, relations)).map(Item::foreignKey).toList();
    }

    private static boolean deferred(Item item, Relations relations) {
        // NOT VALID is refused on partitioned tables (before PostgreSQL 18): those are validated as they are added.
        return item.foreignKey() != null && relations.isPlainTable(item.foreignKey().table());
    }

    /** What the names of a script refer to in the database being loaded. */
    static final class Relations {
        private final Map<String, Long> oids;
        private final Map<Long, String> kinds;
        private final Set<Long> loaded;

        private Relations(Map<String, Long> oids, Map<Long, String> kinds, Set<Long> loaded) {
            this.oids = oids;
            this.kinds = kinds;
            this.loaded = loaded;
        }

        /**
         * Resolves the dump's tables and the script's names with {@code to_regclass} in one query; when a name cannot
         * even be parsed, nothing is resolved (everything then runs after the data, in script order, as before).
         */
        static Relations read(Connection c, List<TableEntry> tables, List<String> names) throws SQLException {
            List<String> all = new ArrayList<>();
            tables.forEach(t -> all.add(t.table().quoted()));
            all.addAll(names);
            Map<String, Long> oids = new LinkedHashMap<>();
            Map<Long, String> kinds = new HashMap<>();
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT r.name, c.oid, c.relkind::text FROM unnest(?::text[])"
                    + " r(name) JOIN pg_class c ON c.oid = to_regclass(r.name)")) {
                Array array = c.createArrayOf("text", all.toArray());
                s.setArray(1, array);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        oids.put(rs.getString(1), rs.getLong(2));
                        kinds.put(rs.getLong(2), rs.getString(3));
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                return new Relations(Map.of(), Map.of(), Set.of());
            } finally {
                c.setAutoCommit(true);
            }
            Set<Long> loaded = new LinkedHashSet<>();
            tables.forEach(t -> {
                Long oid = oids.get(t.table().quoted());
                if (oid != null) {
                    loaded.add(oid);
                }
            });
            return new Relations(oids, kinds, loaded);
        }

        /** The oid of a name, or {@code null}. */
        Long oid(String name) {
            return name == null ? null : oids.get(name);
        }

        /** The oid of the dump's table the name refers to, or {@code null}. */
        Long loadedTable(String name) {
            Long oid = oid(name);
            return oid != null && loaded.contains(oid) ? oid : null;
        }

        /** Whether the name is an ordinary table (not partitioned, not a view...). */
        boolean isPlainTable(String name) {
            Long oid = oid(name);
            return oid != null && "r".equals(kinds.get(oid));
        }

        boolean isPlainTable(Long oid) {
            return oid != null && "r".equals(kinds.get(oid));
        }
    }
}
