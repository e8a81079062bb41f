package dev.pgtestkit.junit;

import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.rows.Rows;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.tx.TestTransaction;
import dev.pgtestkit.junit.internal.DatabaseHandle;
import dev.pgtestkit.junit.internal.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * The parameter types {@link PgTestExtension} resolves, and how, within one {@link Scope}.
 *
 * <p>What the code under test receives ({@code DataSource}, {@code Connection}, {@code Jdbi}, {@code Handle}) is
 * wrapped by the scope's query logger when the query-logger module is present. The test's own tools ({@code Rows},
 * {@code MockDataGenerator}, {@code SchemaRegistry}, data annotations) use the unlogged DataSource, so their
 * statements do not count in the test's query log.
 */
final class Parameters {

    private static final Set<Class<?>> TYPES = Set.of(DataSource.class, Connection.class, TestTransaction.class,
            DisposableDatabase.class, SchemaRegistry.class, Rows.class);

    private Parameters() {
    }

    static boolean supports(Class<?> type) {
        return TYPES.contains(type) || JdbiSupport.isJdbiType(type) || OptionalModule.MOCK_GENERATOR.is(type)
                || OptionalModule.QUERY_LOGGER.is(type);
    }

    static Object resolve(Class<?> type, Scope scope) {
        if (type == DataSource.class) {
            return dataSource(scope);
        }
        if (type == Connection.class) {
            return connection(scope);
        }
        if (type == TestTransaction.class) {
            return scope.transaction().map(TestTransaction::borrowed).orElseThrow(() -> unavailable(type, scope,
                    "it is the test transaction, and this " + scope.description() + " has none: add @WithTransaction"));
        }
        if (type == DisposableDatabase.class) {
            return database(type, scope).database();
        }
        return tool(type, scope);
    }

    private static Object tool(Class<?> type, Scope scope) {
        if (type == SchemaRegistry.class) {
            return registry(scope);
        }
        if (type == Rows.class) {
            return scope.cached(Rows.class, () -> Rows.of(rawDataSource(scope)));
        }
        if (OptionalModule.MOCK_GENERATOR.is(type)) {
            return scope.cached(MockSupport.class, () -> MockSupport.generator(rawDataSource(scope), registry(scope)));
        }
        if (OptionalModule.QUERY_LOGGER.is(type)) {
            return QueryLogSupport.logger(scope);
        }
        return jdbi(type, scope);
    }

    /** What the code under test gets: the scope's DataSource, logged when the query logger is present. */
    static DataSource dataSource(Scope scope) {
        DataSource raw = rawDataSource(scope);
        if (!OptionalModule.QUERY_LOGGER.present()) {
            return raw;
        }
        return scope.cached("loggedDataSource", () -> QueryLogSupport.wrap(scope, raw));
    }

    /** The test transaction's DataSource, or the database's plain one outside a transaction; not logged. */
    static DataSource rawDataSource(Scope scope) {
        return scope.transaction().map(TestTransaction::dataSource)
                .orElseGet(() -> database(DataSource.class, scope).dataSource());
    }

    /** The schema of the scope's database, read once per database. */
    static SchemaRegistry registry(Scope scope) {
        return database(SchemaRegistry.class, scope).cached(SchemaRegistry.class,
                () -> SchemaRegistry.load(rawDataSource(scope)));
    }

    private static Connection connection(Scope scope) {
        try {
            Connection connection = dataSource(scope).getConnection();
            scope.register(connection);
            return connection;
        } catch (SQLException e) {
            throw new ConnectionException("Cannot open a connection for " + scope.description() + ": "
                    + e.getMessage(), e.getSQLState(), e);
        }
    }

    private static Object jdbi(Class<?> type, Scope scope) {
        Object jdbi = scope.cached("jdbi", () -> JdbiSupport.jdbi(dataSource(scope)));
        if (!JdbiSupport.isHandle(type)) {
            return jdbi;
        }
        AutoCloseable handle = JdbiSupport.open(jdbi);
        scope.register(handle);
        return handle;
    }

    private static DatabaseHandle database(Class<?> type, Scope scope) {
        return scope.database().orElseThrow(() -> unavailable(type, scope, "with @PgTest(isolation = "
                + "DATABASE_PER_TEST) each test has its own database and the class has none; take it as a parameter "
                + "of the test or of a @BeforeEach method"));
    }

    private static ParameterResolutionException unavailable(Class<?> type, Scope scope, String why) {
        return new ParameterResolutionException("No " + type.getSimpleName() + " for " + scope.description()
                + ": " + why + ".");
    }
}
