package dev.pgtestkit.mock;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.sql.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Databases for the integration tests (one server per JVM, clones of migrated templates) and queries on them. */
final class TestDatabases {

    static final PostgresServer SERVER = PostgresProvider.auto().shared();

    private TestDatabases() {
    }

    static DisposableDatabase migrated(String flywayLocation) {
        return DatabaseTemplate.builder(SERVER).flywayLocations(flywayLocation).build().checkout();
    }

    /** An empty database with the given DDL applied. */
    static DisposableDatabase withSchema(String... ddl) {
        DisposableDatabase db = DatabaseTemplate.empty(SERVER).checkout();
        execute(db, ddl);
        return db;
    }

    static void execute(DisposableDatabase db, String... sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static long count(DisposableDatabase db, String sql) {
        return Long.parseLong(text(db, sql));
    }

    /** The first column of the first row, as text. */
    static String text(DisposableDatabase db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * The tables whose checks the server evaluated because the generator could not (function calls, arithmetic...),
     * with those checks and how many rows the server rejected and had generated again: {@code table -> [checks] N}.
     * Every check the generator parses is met by construction and never appears here.
     */
    static Map<String, String> serverChecked(GenerationResult result) {
        Map<String, String> out = new TreeMap<>();
        for (TableResult t : result.tables()) {
            if (!t.serverChecks().isEmpty() || t.regeneratedRows() > 0) {
                out.put(t.table().toString(), t.serverChecks() + " " + t.regeneratedRows());
            }
        }
        return out;
    }

    /**
     * NOT NULL foreign keys whose rows point at fewer distinct parents than {@code share} of the smaller of the two
     * tables: the generator spreads children over their parents (a constant parent would pass the server's check).
     */
    static List<String> narrowForeignKeys(DisposableDatabase db, double share) {
        List<String> out = new ArrayList<>();
        for (Table t : tables(db)) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (!fk.columns().stream().allMatch(c -> t.column(c).map(Column::notNull).orElse(false))
                        || fk.isSelfReference()) {
                    continue;
                }
                String cols = fk.columns().stream().map(Identifiers::quote).collect(Collectors.joining(", "));
                long distinct = count(db, "SELECT count(DISTINCT (" + cols + ")) FROM " + t.name().quoted());
                long smaller = Math.min(count(db, "SELECT count(*) FROM " + t.name().quoted()),
                        count(db, "SELECT count(*) FROM " + fk.referencedTable().quoted()));
                if (distinct < share * smaller) {
                    out.add(t.name() + "." + fk.name() + ": " + distinct + " parents for " + smaller);
                }
            }
        }
        return out;
    }

    /** A digest of every table's content (sorted), to compare two generations. */
    static String contentDigest(DisposableDatabase db) {
        StringBuilder sb = new StringBuilder();
        for (Table t : tables(db)) {
            sb.append(t.name()).append('=').append(text(db, "SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY"
                    + " x::text), '')) FROM " + t.name().quoted() + " x")).append('\n');
        }
        return sb.toString();
    }

    /** The ordinary and partitioned tables (partitions hold their parent's rows), migration history aside. */
    static List<Table> tables(DisposableDatabase db) {
        return SchemaRegistry.load(db.dataSource()).tables().stream().filter(t -> t.partitionOf() == null)
                .filter(t -> !GenerationPlan.MIGRATION_TABLES.contains(t.simpleName())).toList();
    }
}
