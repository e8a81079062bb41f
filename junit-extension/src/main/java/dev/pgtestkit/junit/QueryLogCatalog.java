package dev.pgtestkit.junit;

import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.junit.internal.DatabaseHandle;
import dev.pgtestkit.querylog.QueryLogger;
import dev.pgtestkit.querylog.RedactionRules;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a test's query logger learns from the schema registry, once per database: the column order of a table (so an
 * {@code INSERT} without a column list is redacted by column, {@link RedactionRules#withColumnOrder}) and the schema
 * an unqualified table name resolves to ({@link QueryLogger.Builder#schemaResolver}). The registry is read on first
 * need only (an {@code INSERT} without a column list, a schema-qualified table name), on a connection of its own with
 * a lock time-out, from the committed catalog: a table the test created in its transaction is unknown, and unknown
 * means every value of such an {@code INSERT} is treated as secret.
 */
final class QueryLogCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(QueryLogCatalog.class);

    /** The registry and search path, read once; held by the two functions, which must not hold each other. */
    private static final class Loaded {
        private final DataSource dataSource;
        private volatile boolean tried;
        private volatile SchemaRegistry registry;
        private volatile List<String> searchPath = List.of();

        Loaded(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        synchronized SchemaRegistry registry() {
            if (!tried) {
                tried = true;
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(true);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SET lock_timeout = '2s'"); // never wait long on the test's own locks
                        searchPath = searchPath(statement);
                    }
                    registry = SchemaRegistry.load(connection);
                } catch (SQLException | RuntimeException e) {
                    LOG.debug("Query log: no schema registry for column order and schema qualification", e);
                }
            }
            return registry;
        }

        private static List<String> searchPath(Statement statement) throws SQLException {
            List<String> schemas = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT unnest(current_schemas(false))")) {
                while (rows.next()) {
                    schemas.add(rows.getString(1));
                }
            }
            return schemas;
        }

        String schemaOf(String table) {
            SchemaRegistry loaded = registry();
            if (loaded == null) {
                return null;
            }
            for (String schema : searchPath) {
                if (loaded.tables(schema).stream().anyMatch(t -> t.simpleName().equals(table))) {
                    return schema;
                }
            }
            return null;
        }

        List<String> columnOrder(String name) {
            SchemaRegistry loaded = registry();
            if (loaded == null) {
                return null;
            }
            int dot = name.indexOf('.');
            String simple = dot < 0 ? name : name.substring(dot + 1);
            String schema = dot < 0 ? schemaOf(simple) : name.substring(0, dot);
            return schema == null ? null : loaded.tables(schema).stream()
                    .filter(t -> t.simpleName().equals(simple)).findFirst().map(Table::columnNames).orElse(null);
        }
    }

    private QueryLogCatalog() {
    }

    /** The rules of the database's test loggers: the defaults, reading column order from its registry. */
    static RedactionRules rules(DatabaseHandle database) {
        Loaded loaded = loaded(database);
        return database.cached("querylog.rules", () -> RedactionRules.defaults()
                .withColumnOrder(table -> loaded.columnOrder(folded(table))));
    }

    /** The schema resolver of the database's test loggers (one object, so their analyzed SQL is shared). */
    static Function<String, String> schemaResolver(DatabaseHandle database) {
        Loaded loaded = loaded(database);
        return database.cached("querylog.schemaOf", () -> {
            Function<String, String> schemaOf = loaded::schemaOf;
            return schemaOf;
        });
    }

    private static Loaded loaded(DatabaseHandle database) {
        // the plan sessions' DataSource: the test transaction's check for other sessions' commits ignores them
        return database.cached(Loaded.class, () -> new Loaded(database.transactions().planDataSource()));
    }

    /** A name as written in SQL, as the catalog stores it: unquoted parts fold to lower case. */
    private static String folded(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("\\.", -1)) {
            out.append(out.length() == 0 ? "" : ".");
            out.append(part.startsWith("\"") && part.endsWith("\"") && part.length() >= 2
                    ? part.substring(1, part.length() - 1).replace("\"\"", "\"") : part.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
