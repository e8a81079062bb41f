package dev.pgtestkit.mock;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.schema.CheckConstraint;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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

    /** Rows that break a foreign key, found by query (columns all non-null, no matching parent). */
    static List<String> foreignKeyViolations(DisposableDatabase db) {
        List<String> out = new ArrayList<>();
        for (Table t : tables(db)) {
            for (ForeignKey fk : t.foreignKeys()) {
                String notNull = fk.columns().stream().map(c -> "c." + Identifiers.quote(c) + " IS NOT NULL")
                        .collect(Collectors.joining(" AND "));
                String match = IntStream.range(0, fk.columns().size()).mapToObj(i -> "p."
                        + Identifiers.quote(fk.referencedColumns().get(i)) + " = c."
                        + Identifiers.quote(fk.columns().get(i))).collect(Collectors.joining(" AND "));
                long bad = count(db, "SELECT count(*) FROM " + t.name().quoted() + " c WHERE " + notNull
                        + " AND NOT EXISTS (SELECT 1 FROM " + fk.referencedTable().quoted() + " p WHERE " + match + ")");
                if (bad > 0) {
                    out.add(t.name() + "." + fk.name() + ": " + bad);
                }
            }
        }
        return out;
    }

    /** Rows for which a check evaluates to false, found by query. */
    static List<String> checkViolations(DisposableDatabase db) {
        List<String> out = new ArrayList<>();
        for (Table t : tables(db)) {
            for (CheckConstraint check : t.checks()) {
                long bad = count(db, "SELECT count(*) FROM " + t.name().quoted() + " WHERE (" + check.expression()
                        + ") IS FALSE");
                if (bad > 0) {
                    out.add(t.name() + "." + check.name() + ": " + bad);
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
