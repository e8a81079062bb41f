package dev.pgtestkit.junit;

import dev.pgtestkit.junit.internal.Scope;
import dev.pgtestkit.querylog.QueryLogger;
import javax.sql.DataSource;

/**
 * The query log of a scope (a test, or a class for its lifecycle methods): a {@link QueryLogger} that wraps the
 * DataSource the scope hands out. Loaded only when {@link OptionalModule#QUERY_LOGGER} is present.
 */
final class QueryLogSupport {

    private QueryLogSupport() {
    }

    /** The scope's logger, created on first use and closed with the scope. */
    static Object logger(Scope scope) {
        return scope.cached(QueryLogSupport.class, () -> {
            QueryLogger logger = QueryLogger.builder().planDataSource(scope.database()
                    .map(handle -> handle.transactions().planDataSource()).orElse(null)).build();
            scope.register(logger);
            return logger;
        });
    }

    static DataSource wrap(Scope scope, DataSource dataSource) {
        return ((QueryLogger) logger(scope)).wrap(dataSource);
    }
}
