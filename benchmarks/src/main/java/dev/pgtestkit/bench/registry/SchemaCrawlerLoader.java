package dev.pgtestkit.bench.registry;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import schemacrawler.inclusionrule.RegularExpressionInclusionRule;
import schemacrawler.schema.Catalog;
import schemacrawler.schemacrawler.InfoLevel;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevel;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSource;

/**
 * The peer a user would pick: SchemaCrawler (with its PostgreSQL plugin on the class path), through its documented
 * API — {@code SchemaCrawlerUtility.getCatalog} with {@code LimitOptionsBuilder.includeSchemas} and a
 * {@code LoadOptionsBuilder} level. Configured to do the benchmark's catalog work and no more. Its PostgreSQL plugin
 * has no data-dictionary SQL for columns, keys or indexes, so SchemaCrawler reads them per table through
 * {@code DatabaseMetaData} ({@code getColumns}, {@code getPrimaryKeys}, {@code getImportedKeys} and
 * {@code getExportedKeys}, {@code getIndexInfo}): its default, what a user gets.
 */
final class SchemaCrawlerLoader {

    /**
     * The level: InfoLevel.minimum (tables; database/JDBC driver info, which minimum always loads) plus table columns,
     * primary keys, foreign keys and indexes — exactly the kinds the other loaders read. Left off (standard() would
     * turn some on): routines and their parameters, sequences, synonyms, views' definitions and table usage, column
     * data type lists (column types still come from getColumns' TYPE_NAME, as for MetaDataLoader), table
     * constraints/CHECKs, triggers, privileges, additional attributes. Row counts and weak associations are not
     * loaded by getCatalog without their own options.
     */
    static final SchemaInfoLevel LEVEL = SchemaInfoLevelBuilder.builder()
            .withTag("pgtestkit-registry-benchmark")
            .withInfoLevel(InfoLevel.minimum)
            .setRetrieveTableColumns(true)
            .setRetrievePrimaryKeys(true)
            .setRetrieveForeignKeys(true)
            .setRetrieveIndexes(true)
            .setRetrieveRoutines(false)
            .setRetrieveRoutineParameters(false)
            .setRetrieveColumnDataTypes(false)
            .setRetrieveUserDefinedColumnDataTypes(false)
            .toOptions();

    /**
     * SchemaCrawler logs every step at INFO through java.util.logging (to the console by default); printing that would
     * be timed as its loading, so it is quieted as a user's application would. Held here so the levels stick.
     */
    private static final List<Logger> QUIET = Stream.of("schemacrawler", "us.fatehi").map(name -> {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.WARNING);
        return logger;
    }).toList();

    private SchemaCrawlerLoader() {
    }

    /** Loads {@code schema}'s tables (no routines, sequences or synonyms: their limit rules default to none). */
    static Catalog load(Connection connection, String schema) throws Exception {
        SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
                // PostgreSQL schemas have no catalog part in SchemaCrawler's full name; allow one all the same.
                .withLimitOptions(LimitOptionsBuilder.builder()
                        .includeSchemas(new RegularExpressionInclusionRule(
                                Pattern.compile("(?:[^.]+\\.)?\"?" + Pattern.quote(schema) + "\"?")))
                        .toOptions())
                .withLoadOptions(LoadOptionsBuilder.builder().withSchemaInfoLevel(LEVEL).toOptions());
        try (DatabaseConnectionSource source = new SharedConnectionSource(connection)) {
            return SchemaCrawlerUtility.getCatalog(source, options);
        }
    }

    /**
     * Hands SchemaCrawler the benchmark's one open connection, as the other loaders get it: no connection set-up
     * timed for it alone, and closing what it was handed does not close the benchmark's connection.
     */
    private static final class SharedConnectionSource implements DatabaseConnectionSource {
        private final Connection connection;
        private final Connection unclosable;

        SharedConnectionSource(Connection connection) {
            this.connection = connection;
            this.unclosable = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "close":
                                return null;
                            case "isClosed":
                                return connection.isClosed();
                            case "unwrap":
                                return ((Class<?>) args[0]).isInstance(proxy) ? proxy : connection.unwrap((Class<?>) args[0]);
                            default:
                                try {
                                    return method.invoke(connection, args);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                        }
                    });
        }

        @Override
        public Connection get() {
            return unclosable;
        }

        @Override
        public boolean releaseConnection(Connection released) {
            return true;
        }

        @Override
        public void setFirstConnectionInitializer(Consumer<Connection> initializer) {
            // The benchmark's connection is already set up; nothing to initialise.
        }

        @Override
        public void close() {
            // The benchmark owns the connection.
        }
    }
}
